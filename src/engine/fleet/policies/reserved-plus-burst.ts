/**
 * Reserved base plus burst: workers for a quantile of demand on a term price, autoscaled above it by the
 * hour. Needs both a term price and an hourly one.
 */
import type { LoadProfile } from '../simulate-fleet.ts';
import type { Pool } from '../types.ts';
import type { ProvisioningPolicy } from './provisioning-policy.ts';
import { peakWorkers } from './provisioning-policy.ts';
import { autoscaledPool, hasHourlyPrice } from './reactive-autoscale.ts';

/** Reserved workers of one pool: enough for the base quantile of demand, at least one, at most the peak's. */
function reservedWorkers(pool: Pool, load: LoadProfile): number {
  return Math.min(peakWorkers(pool, load), Math.max(1, Math.ceil(load.baseRequestsPerSecond / pool.sloRequestsPerSecond - 1e-9)));
}

export const reservedPlusBurst: ProvisioningPolicy = {
  kind: 'reserved-plus-burst',
  description: 'a reserved base with on-demand burst',
  label: 'reserved base + burst',
  simplicityRank: 1,
  elastic: true,
  appliesTo: (pricing) => pricing.kind === 'rented' && pricing.reserved !== null && hasHourlyPrice(pricing),
  prices: (pricing) => ({ base: pricing.reserved ?? pricing.committed, elastic: pricing.elastic ?? pricing.committed }),
  workers: (pool, load, lag, parameters) => autoscaledPool(pool, load, lag, parameters, reservedWorkers(pool, load)),
  baseWorkers: reservedWorkers,
  minimumWorkers: 1,
};
