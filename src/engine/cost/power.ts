/**
 * Power drawn by one accelerator at utilization u: P(u) = Pidle + (Pfull - Pidle) x u (linear, as in
 * ../shared/ENGINE.md). With SemiAnalysis all-in watts (host, network and facility included) Pfull =
 * allInWatts and Pidle = idleWatts x PUE; with board TDP only, both are board figures times PUE.
 * Without an idle figure, idle = 30 % of full (estimate).
 */
import type { Accelerator } from '../catalog/types.ts';

export interface PowerModel {
  readonly idleWatts: number;
  readonly fullWatts: number;
  readonly basis: 'all-in' | 'board-tdp' | 'unknown';
}

export const IDLE_FRACTION_OF_FULL_ESTIMATE = 0.3;

export function powerModel(accelerator: Accelerator, powerUsageEffectiveness: number): PowerModel {
  if (accelerator.allInWatts !== null) {
    const idle = (accelerator.idleWatts ?? IDLE_FRACTION_OF_FULL_ESTIMATE * accelerator.allInWatts / powerUsageEffectiveness) * powerUsageEffectiveness;
    return { idleWatts: Math.min(idle, accelerator.allInWatts), fullWatts: accelerator.allInWatts, basis: 'all-in' };
  }
  if (accelerator.tdpWatts !== null) {
    const idle = accelerator.idleWatts ?? IDLE_FRACTION_OF_FULL_ESTIMATE * accelerator.tdpWatts;
    return { idleWatts: idle * powerUsageEffectiveness, fullWatts: accelerator.tdpWatts * powerUsageEffectiveness, basis: 'board-tdp' };
  }
  return { idleWatts: Number.NaN, fullWatts: Number.NaN, basis: 'unknown' };
}

/**
 * Energy of a fleet over the horizon, joules: sum over minutes of G_m x P(u_m) x 60 s with u_m = E_m / G_m,
 * which is linear: (Pidle x sum G_m + (Pfull - Pidle) x sum E_m) x 60.
 */
export function fleetEnergyJoules(power: PowerModel, paidGpuMinutes: number, fullLoadGpuMinutes: number): number {
  return (power.idleWatts * paidGpuMinutes + (power.fullWatts - power.idleWatts) * fullLoadGpuMinutes) * 60;
}
