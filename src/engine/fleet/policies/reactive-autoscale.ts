/**
 * Reactive autoscaling: workers follow demand with the scale-up lag and scale-down hysteresis
 * (autoscaler.ts), never below one, all paid by the hour.
 */
import { autoscaledWorkers, type WorkerSeries } from '../autoscaler.ts';
import { isHourly } from '../../cost/platform-pricing.ts';
import type { PolicyParameters } from '../policy-parameters.ts';
import type { LoadProfile } from '../simulate-fleet.ts';
import type { Pool } from '../types.ts';
import type { ProvisioningPolicy, RentedPricing } from './provisioning-policy.ts';
import { peakWorkers } from './provisioning-policy.ts';

/** Elastic policies run only on an hourly price (owned hardware scales down to save power). */
export function hasHourlyPrice(pricing: Parameters<ProvisioningPolicy['appliesTo']>[0]): boolean {
  return pricing.kind === 'owned' || (pricing.elastic !== null && isHourly(pricing.elastic.commitment));
}

export function hourlyPrices(pricing: RentedPricing) {
  const hourly = pricing.elastic ?? pricing.committed;
  return { base: hourly, elastic: hourly };
}

/**
 * Workers of one pool under the reactive autoscaler with at least `minWorkers`; a constant when the floor
 * reaches the peak's count (a reserved base that covers the peak, or a one-worker pool), as the autoscaler
 * would then hold that count every minute.
 */
export function autoscaledPool(pool: Pool, load: LoadProfile, lagMinutes: number, parameters: PolicyParameters, minWorkers: number): number | WorkerSeries {
  const maxWorkers = peakWorkers(pool, load);
  if (minWorkers >= maxWorkers) return maxWorkers;
  return autoscaledWorkers({
    demandRequestsPerSecond: load.requestsPerSecond,
    workerRequestsPerSecond: pool.sloRequestsPerSecond,
    targetUtilizationFraction: parameters.targetUtilizationFraction,
    minWorkers,
    maxWorkers,
    lagMinutes,
    hysteresisMinutes: parameters.scaleDownHysteresisMinutes,
  });
}

export const reactiveAutoscale: ProvisioningPolicy = {
  kind: 'reactive-autoscale',
  description: 'reactive autoscaling',
  label: 'autoscaled fleet',
  simplicityRank: 2,
  elastic: true,
  appliesTo: (pricing) => hasHourlyPrice(pricing),
  prices: hourlyPrices,
  workers: (pool, load, lag, parameters) => autoscaledPool(pool, load, lag, parameters, 1),
  baseWorkers: () => 0,
  minimumWorkers: 1,
};
