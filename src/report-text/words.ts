/**
 * The words the sentences share: money and percent by src/format.ts's one rule, a commitment, the
 * price-and-elasticity phrase of a candidate ("$2.90/GPU-hour, 3-year commitment, static fleet"), a
 * cost with its band. Moved out of the engine (issue 15): the engine returns numbers, this words them.
 */
import type { Candidate, Commitment, CostRange } from '../engine/advice-types.ts';
import { policyOf } from '../engine/fleet/policies/index.ts';
import { formatDollars, formatPercent } from '../format.ts';

export const money = formatDollars;

/** A fraction as a percent (0.29 -> "29%"), the same as in the card and the tables. */
export const percent = formatPercent;

/** A whole-number percent the engine computed (29 -> "29%"). */
export const percentPoints = (points: number): string => formatPercent(points / 100);

/** A change as a signed percent of a multiplier: 0.25 -> "-75%", 2.38 -> "+138%". */
export function signedPercent(ratio: number): string {
  const text = formatPercent(ratio - 1);
  return ratio > 1 ? `+${text}` : text;
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

/** "catalog price", "3-year commitment", "3-year commitment base, on-demand burst". */
export function commitmentOf(c: Candidate): string {
  if (!c.commitment) return 'catalog price';
  if (c.burstCommitment) return `${commitmentText(c.commitment)} base, ${commitmentText(c.burstCommitment)} burst`;
  return commitmentText(c.commitment);
}

/**
 * What the GPU-hours cost and how the fleet moves, commitment and elasticity named apart:
 * "$2.90/GPU-hour, 3-year commitment, static fleet";
 * "base $2.10/GPU-hour (3-year commitment) + burst $8.60/GPU-hour (on-demand), reserved base + burst".
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
  const low = money(range.low).replace('$', '');
  const high = money(range.high).replace('$', '');
  // Whole units can absorb the whole band (one node covers the peak either way): say so rather than "0.39-0.39".
  return low === high ? `${money(value)} (the same across the throughput band)` : `${money(value)} (${low}-${high})`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
