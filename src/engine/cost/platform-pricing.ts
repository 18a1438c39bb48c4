/**
 * What one GPU-hour of a platform costs under each policy. Rented: static fleets pay the committed
 * default price (SemiAnalysis 3-year neocloud rental, else on-demand: `defaultPrice`), or a reserved tier
 * when it is cheaper; elastic capacity
 * (autoscaling, scale to zero, burst) pays by the hour (on-demand), since a term contract cannot be
 * handed back hourly (no hourly price: no elastic policy);
 * reserved-plus-burst pays the reserved/3-year tier for its base. A user's $/GPU-hour override is taken
 * as an hourly price and applies to every policy; a user's tier applies to the static fleet and, when it
 * is a term, to the reserved base, while elastic capacity still pays on-demand. Owned: purchase price
 * amortized over the years, plus power (see power.ts).
 */
import type { AdviceRequest, Commitment } from '../advice-types.ts';
import { ownedPricing, type OwnedShares } from './owned-pricing.ts';
import { defaultPrice } from '../catalog/lookup.ts';
import type { Accelerator, Catalog, PriceRecord, PriceTier, PurchasePrice, SourceRef } from '../catalog/types.ts';

export interface PriceChoice {
  readonly dollarsPerGpuHour: number;
  readonly source: SourceRef;
  readonly label: string;
  /** GPUs per rented instance at this price: the unit the fleet grows and shrinks by. */
  readonly gpusPerInstance: number;
  /** How the hour is bought; only hourly commitments can pay for capacity that comes and goes. */
  readonly commitment: Commitment;
}

const TIER_COMMITMENT: Record<PriceTier, Commitment> = {
  'on-demand': 'on-demand',
  spot: 'spot',
  committed: 'short-term-reservation',
  'reserved-1y': 'reserved-1y',
  'reserved-3y': 'reserved-3y',
  'rental-3y-neocloud': 'reserved-3y',
  'owning-hyperscaler': 'owned',
  'owning-neocloud': 'owned',
};

/** Commitments paid only while the capacity runs: the ones an elastic fleet can use. */
export function isHourly(commitment: Commitment): boolean {
  return commitment === 'on-demand' || commitment === 'spot' || commitment === 'your-price';
}

export type PlatformPricing =
  | {
      readonly kind: 'rented';
      readonly committed: PriceChoice;
      /** On-demand price for autoscaled capacity; null when the platform has none (elastic policies are then skipped). */
      readonly elastic: PriceChoice | null;
      /** Reserved tier for reserved-plus-burst; null when the platform lacks a reserved or an on-demand price. */
      readonly reserved: PriceChoice | null;
      readonly notes: readonly string[];
    }
  | {
      readonly kind: 'owned';
      readonly capitalDollarsPerGpuHour: number;
      readonly purchase: PurchasePrice;
      readonly dollarsPerKwh: number;
      readonly powerUsageEffectiveness: number;
      readonly amortizationYears: number;
      /** What capitalDollarsPerGpuHour is made of (owned-pricing.ts). */
      readonly shares: OwnedShares;
      readonly notes: readonly string[];
    };

export const HOURS_PER_YEAR = 8766;
const RESERVED_TIERS: readonly PriceTier[] = ['rental-3y-neocloud', 'reserved-3y', 'reserved-1y', 'committed'];

function choice(record: PriceRecord, accelerator: Accelerator): PriceChoice {
  // Term contracts and undated analyst tiers carry no instance size: they are sold by the node.
  const gpusPerInstance = record.gpusPerInstance ?? accelerator.minimumDeployableCount;
  return { dollarsPerGpuHour: record.dollarsPerGpuHour, source: record.source, label: `${record.provider}, ${record.tier}, ${gpusPerInstance}-GPU instances`, gpusPerInstance, commitment: TIER_COMMITMENT[record.tier] };
}

/** A small instance may cost this much more per GPU-hour and still be preferred for elastic capacity. */
const SMALL_INSTANCE_PREMIUM_FRACTION = 0.3;

/**
 * The on-demand offer elastic capacity rents: the cheapest neocloud (else hyperscaler) on-demand price,
 * unless an offer of 1 or 2 GPUs per instance costs at most 30 % more per GPU-hour, since autoscaling
 * by single GPUs wastes far less at low load than by 8-GPU nodes.
 */
function elasticOffer(catalog: Catalog, accelerator: Accelerator): PriceRecord | null {
  const onDemand = catalog.prices
    .filter((p) => p.acceleratorId === accelerator.id && p.tier === 'on-demand')
    .sort((a, b) => a.dollarsPerGpuHour - b.dollarsPerGpuHour);
  const cheapest = defaultPrice(catalog, accelerator.id, 'on-demand') === null ? null : (onDemand.find((p) => !/^(AWS|Google Cloud|Azure|Oracle Cloud)/.test(p.provider)) ?? onDemand[0]!);
  if (!cheapest) return null;
  const small = onDemand.find((p) => (p.gpusPerInstance ?? 8) <= 2 && p.dollarsPerGpuHour <= cheapest.dollarsPerGpuHour * (1 + SMALL_INSTANCE_PREMIUM_FRACTION));
  return small ?? cheapest;
}

/** Pricing of one platform for the request, or why it has none. */
export function platformPricing(request: AdviceRequest, catalog: Catalog, accelerator: Accelerator): PlatformPricing | { readonly missing: string } {
  const pricing = request.pricing;
  if (pricing.kind === 'owned') return ownedPricing(pricing, catalog, accelerator, HOURS_PER_YEAR);
  const override = request.dollarsPerGpuHourOverrides?.[accelerator.id];
  if (override !== undefined) {
    const user: PriceChoice = { dollarsPerGpuHour: override, source: { title: 'your price', asOf: 'as given', basis: 'estimate' }, label: 'your price', gpusPerInstance: accelerator.minimumDeployableCount, commitment: 'your-price' };
    return { kind: 'rented', committed: user, elastic: user, reserved: null, notes: [`your price of $${override}/GPU-hour for ${accelerator.name}, taken as paid by the hour, for every policy`] };
  }
  if (pricing.tier !== undefined) return tierPricing(pricing.tier as PriceTier, catalog, accelerator);
  const committed = defaultPrice(catalog, accelerator.id, 'rented');
  if (!committed) return { missing: `no rental price for ${accelerator.name} in the catalog (give one with --price ${accelerator.id}=DOLLARS)` };
  const onDemand = elasticOffer(catalog, accelerator);
  const reserved = RESERVED_TIERS.map((tier) => defaultPrice(catalog, accelerator.id, tier)).find((r) => r !== null) ?? null;
  const notes: string[] = [];
  // A fleet that never changes size is bought on the cheapest term on offer, not on-demand beside a cheaper reservation.
  const fixed = reserved && reserved.dollarsPerGpuHour < committed.dollarsPerGpuHour ? reserved : committed;
  if (!onDemand) notes.push(`no on-demand price for ${accelerator.name}: only a static fleet is priced (a ${committed.tier} contract cannot be scaled by the hour)`);
  if (!reserved || !onDemand) notes.push(`reserved-plus-burst needs a reserved and an on-demand price; ${accelerator.name} lacks ${reserved ? 'on-demand' : 'a reserved tier'}`);
  return {
    kind: 'rented',
    committed: choice(fixed, accelerator),
    elastic: onDemand ? choice(onDemand, accelerator) : null,
    reserved: reserved && onDemand ? choice(reserved, accelerator) : null,
    notes,
  };
}

/**
 * The user's tier: the static fleet pays it; a term tier is also the reserved base of reserved-plus-burst,
 * and elastic capacity pays on-demand (a reservation is paid around the clock, so it cannot scale down).
 */
function tierPricing(tier: PriceTier, catalog: Catalog, accelerator: Accelerator): PlatformPricing | { readonly missing: string } {
  const record = defaultPrice(catalog, accelerator.id, tier);
  if (!record) return { missing: `no ${tier} price for ${accelerator.name}` };
  const chosen = choice(record, accelerator);
  if (isHourly(chosen.commitment)) return { kind: 'rented', committed: chosen, elastic: chosen, reserved: null, notes: [`every policy at the ${tier} price (paid by the hour)`] };
  const onDemand = elasticOffer(catalog, accelerator);
  const elastic = onDemand ? choice(onDemand, accelerator) : null;
  const note = elastic
    ? `the static fleet and the reserved base at the ${tier} price; capacity that scales pays on-demand ($${elastic.dollarsPerGpuHour}/GPU-hour), since a ${tier} GPU is paid around the clock`
    : `only a static fleet at the ${tier} price: no on-demand price to scale with (a ${tier} GPU is paid around the clock)`;
  return { kind: 'rented', committed: chosen, elastic, reserved: elastic ? chosen : null, notes: [note] };
}
