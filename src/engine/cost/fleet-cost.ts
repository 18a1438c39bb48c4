/**
 * Money of one fleet run: what is paid over the horizon, the price per GPU-hour that implies, and the
 * price per GPU-hour of the same GPUs fully used (the full-load figure every dashboard quotes).
 * Rented: GPU-hours x $/GPU-hour, base and elastic hours at their own prices. Owned: the peak fleet's
 * capital per hour over the whole horizon, plus energy x $/kWh.
 */
import type { FleetRun } from '../fleet/types.ts';
import { policyOf } from '../fleet/policies/index.ts';
import type { PlatformPricing } from './platform-pricing.ts';
import { fleetEnergyJoules, type PowerModel } from './power.ts';

export interface FleetCost {
  readonly dollars: number;
  readonly paidGpuHours: number;
  /** dollars / paid GPU-hours. */
  readonly dollarsPerGpuHour: number;
  /** $/GPU-hour if every paid GPU were fully used (rented: the same price; owned: capital + power at u = 1). */
  readonly fullLoadDollarsPerGpuHour: number;
  readonly energyJoules: number;
}

const JOULES_PER_KWH = 3.6e6;

export function fleetCost(run: FleetRun, pricing: PlatformPricing, power: PowerModel): FleetCost {
  const paidGpuMinutes = run.baseGpuMinutes + run.elasticGpuMinutes;
  const paidGpuHours = paidGpuMinutes / 60;
  const energyJoules = fleetEnergyJoules(power, paidGpuMinutes, run.fullLoadGpuMinutes);
  if (pricing.kind === 'owned') {
    const capital = run.peakGpus * (run.minutes / 60) * pricing.capitalDollarsPerGpuHour;
    const energyDollars = (energyJoules / JOULES_PER_KWH) * pricing.dollarsPerKwh;
    const dollars = capital + (Number.isFinite(energyDollars) ? energyDollars : 0);
    const fullPower = Number.isFinite(power.fullWatts) ? (power.fullWatts / 1000) * pricing.dollarsPerKwh : 0;
    return { dollars, paidGpuHours, dollarsPerGpuHour: paidGpuHours > 0 ? dollars / paidGpuHours : 0, fullLoadDollarsPerGpuHour: pricing.capitalDollarsPerGpuHour + fullPower, energyJoules };
  }
  const prices = policyOf(run.policy).prices(pricing);
  const basePrice = prices.base;
  const baseDollars = (run.baseGpuMinutes / 60) * basePrice.dollarsPerGpuHour;
  const elasticDollars = (run.elasticGpuMinutes / 60) * prices.elastic.dollarsPerGpuHour;
  const dollars = baseDollars + elasticDollars;
  const blended = paidGpuHours > 0 ? dollars / paidGpuHours : basePrice.dollarsPerGpuHour;
  return { dollars, paidGpuHours, dollarsPerGpuHour: blended, fullLoadDollarsPerGpuHour: blended, energyJoules };
}

/** $ per million tokens: dollarsPerGpuHour / (tokensPerSecondPerGpu x 3600 / 1e6) (InferenceX's formula). */
export function dollarsPerMillionTokens(dollarsPerGpuHour: number, tokensPerSecondPerGpu: number): number {
  return tokensPerSecondPerGpu > 0 ? dollarsPerGpuHour / ((tokensPerSecondPerGpu * 3600) / 1e6) : Number.POSITIVE_INFINITY;
}
