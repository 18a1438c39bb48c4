/**
 * Ranking: candidates that meet the SLO first, then by effective $ per million output tokens at the
 * user's load. The recommendation is the first; the runner-up is the best one on another vendor.
 */
import { policyOf } from '../fleet/policies/index.ts';
import type { Scored } from './candidate.ts';
import { compareText } from '../text-order.ts';

/** Costs within this ratio count as equal; the simpler setup then ranks first. */
export const TIE_RATIO = 1.005;

const MODE_SIMPLICITY: Record<string, number> = { aggregated: 0, disaggregated: 1 };

/** Cost bucket on a log scale, so that costs within TIE_RATIO share a bucket (transitive, unlike a tolerance). */
function costBucket(s: Scored): number {
  const cost = s.candidate.effectiveDollarsPerMillionOutputTokens;
  return Number.isFinite(cost) && cost > 0 ? Math.round(Math.log(cost) / Math.log(TIE_RATIO)) : Number.POSITIVE_INFINITY;
}

function simplicity(s: Scored): number {
  return MODE_SIMPLICITY[s.candidate.servingMode]! * 10 + policyOf(s.candidate.policy).simplicityRank;
}

/** SLO-meeting first, then cost (ties within 0.5 %: aggregated before disaggregated, static before elastic), then platform. */
export function rankCandidates(scored: readonly Scored[]): Scored[] {
  const bucket = new Map(scored.map((s) => [s, costBucket(s)]));
  return [...scored].sort(
    (a, b) =>
      Number(b.candidate.meetsSlo) - Number(a.candidate.meetsSlo) ||
      (bucket.get(a)! === bucket.get(b)! ? 0 : bucket.get(a)! - bucket.get(b)!) ||
      simplicity(a) - simplicity(b) ||
      a.candidate.effectiveDollarsPerMillionOutputTokens - b.candidate.effectiveDollarsPerMillionOutputTokens ||
      compareText(a.candidate.platform, b.candidate.platform),
  );
}

export function recommendationOf(ranked: readonly Scored[]): Scored | null {
  const first = ranked[0];
  return first && first.candidate.meetsSlo ? first : null;
}

export function runnerUpOtherVendor(ranked: readonly Scored[], recommended: Scored | null): Scored | null {
  if (!recommended) return null;
  return ranked.find((s) => s.candidate.meetsSlo && s.candidate.vendor !== recommended.candidate.vendor) ?? null;
}

/** The cheapest SLO-meeting candidate matching a predicate (null if none). */
export function bestWhere(ranked: readonly Scored[], predicate: (s: Scored) => boolean): Scored | null {
  return ranked.find((s) => s.candidate.meetsSlo && predicate(s)) ?? null;
}
