/**
 * A provisioning policy: how a fleet's size follows the load (its elasticity), which prices its GPUs pay,
 * and how it reads in a sentence. One module per policy; the registry (index.ts) lists them. The
 * commitment (how each hour is bought) lives on the price, never here.
 */
import type { PolicyKind } from '../../advice-types.ts';
import type { PlatformPricing, PriceChoice } from '../../cost/platform-pricing.ts';
import type { WorkerSeries } from '../autoscaler.ts';
import type { PolicyParameters } from '../policy-parameters.ts';
import type { LoadProfile } from '../simulate-fleet.ts';
import type { Pool } from '../types.ts';

export type RentedPricing = Extract<PlatformPricing, { kind: 'rented' }>;

/** The price of the GPUs kept all horizon (base) and of those added and removed with the load (elastic). */
export interface PolicyPrices {
  readonly base: PriceChoice;
  readonly elastic: PriceChoice;
}

export interface ProvisioningPolicy {
  readonly kind: PolicyKind;
  /** As a sentence's subject: "a static fleet sized for the peak". */
  readonly description: string;
  /** As a table cell or headline part: "static fleet". */
  readonly label: string;
  /** Among candidates of equal cost, the lower ranks first (simpler to run). */
  readonly simplicityRank: number;
  /** Whether the fleet's size can follow the load at all. */
  readonly elastic: boolean;
  /** Whether the policy can run under this pricing and load (elastic ones need an hourly price). */
  appliesTo(pricing: PlatformPricing, loadReachesZero: boolean): boolean;
  /** Rented prices for base and elastic GPUs (only called when appliesTo holds). */
  prices(pricing: RentedPricing): PolicyPrices;
  /** Workers of one pool: a constant, or per minute (serving and paid). */
  workers(pool: Pool, load: LoadProfile, lagMinutes: number, parameters: PolicyParameters): number | WorkerSeries;
  /** Workers of one pool paid at the base price the whole horizon (the rest are elastic). */
  baseWorkers(pool: Pool, load: LoadProfile): number;
  /** Fewest workers per pool the policy ever keeps (for cost floors). */
  readonly minimumWorkers: number;
}

/** Workers one pool needs for the peak demand at its SLO rate (at least one). */
export function peakWorkers(pool: Pool, load: LoadProfile): number {
  return Math.max(1, Math.ceil(load.peakRequestsPerSecond / pool.sloRequestsPerSecond - 1e-9));
}
