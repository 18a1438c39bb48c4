/**
 * The few words reasons and the summary share: money, a commitment, the price-and-elasticity phrase of a
 * candidate ("$2.90/GPU-hour, 3-year commitment, static fleet"). Plain text, no formatting library: the
 * engine's sentences are data the adapters render.
 */
import type { Candidate, Commitment, CostRange } from '../advice-types.ts';
import { policyOf } from '../fleet/policies/index.ts';

export function money(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value >= 0.1 ? `$${value.toFixed(2)}` : `$${value.toPrecision(2)}`;
}

const COMMITMENT_TEXT: Record<Commitment, string> = {
  'on-demand': 'on-demand',
  spot: 'spot',
  'short-term-reservation': 'short-term reservation',
  'reserved-1y': '1-year commitment',
  'reserved-3y': '3-year commitment',
  owned: 'owned hardware',
  'your-price': 'your price',
};

export function commitmentText(commitment: Commitment): string {
  return COMMITMENT_TEXT[commitment];
}

/**
 * What the GPU-hours cost and how the fleet moves, commitment and elasticity named apart:
 * "$2.90/GPU-hour, 3-year commitment, static fleet";
 * "reserved base $2.10/GPU-hour (3-year commitment) + burst $8.60 (on-demand), reserved base + burst".
 */
export function priceAndElasticity(c: Candidate): string {
  const policy = policyOf(c.policy);
  // An elastic policy whose fleet never moves is, at this load, a fixed fleet: the headline says so.
  const still = policy.elastic && (c.minGpuCount ?? c.peakGpuCount) >= c.peakGpuCount;
  const label = still ? `${policy.label} (it never changes size at this load)` : policy.label;
  if (c.commitment === undefined) return `${money(c.dollarsPerGpuHour)}/GPU-hour, ${label}`;
  if (c.commitment === 'owned') return `owned hardware at ${money(c.dollarsPerGpuHour)} per paid GPU-hour (capital and power), ${label}`;
  const base = c.commitmentDollarsPerGpuHour ?? c.dollarsPerGpuHour;
  if (c.burstCommitment !== undefined && c.burstDollarsPerGpuHour !== undefined) {
    return `base ${money(base)}/GPU-hour (${commitmentText(c.commitment)}) + burst ${money(c.burstDollarsPerGpuHour)}/GPU-hour (${commitmentText(c.burstCommitment)}), ${label}`;
  }
  return `${money(base)}/GPU-hour, ${commitmentText(c.commitment)}, ${label}`;
}

/** "$0.39 (0.33-0.47)": a cost with its band, when it has one. */
export function moneyWithRange(value: number, range: CostRange | undefined): string {
  if (!range || !Number.isFinite(range.low) || !Number.isFinite(range.high)) return money(value);
  const low = money(range.low).slice(1);
  const high = money(range.high).slice(1);
  // Whole units can absorb the whole band (one node covers the peak either way): say so rather than "0.39-0.39".
  return low === high ? `${money(value)} (the same across the throughput band)` : `${money(value)} (${low}-${high})`;
}

/** Rounded percent of a fraction: 0.412 -> 41. */
export function percentOf(fraction: number): number {
  return Math.round(fraction * 100);
}
