/**
 * Scale to zero: reactive autoscaling that may drop to no workers, so idle periods cost nothing; only
 * considered when the load reaches zero (otherwise it is reactive autoscaling).
 */
import type { ProvisioningPolicy } from './provisioning-policy.ts';
import { autoscaledPool, hasHourlyPrice, hourlyPrices } from './reactive-autoscale.ts';

export const scaleToZero: ProvisioningPolicy = {
  kind: 'scale-to-zero',
  description: 'scale to zero',
  label: 'scale-to-zero fleet',
  simplicityRank: 3,
  elastic: true,
  appliesTo: (pricing, loadReachesZero) => loadReachesZero && hasHourlyPrice(pricing),
  prices: hourlyPrices,
  workers: (pool, load, lag, parameters) => autoscaledPool(pool, load, lag, parameters, 0),
  baseWorkers: () => 0,
  minimumWorkers: 0,
};
