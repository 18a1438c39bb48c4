/**
 * Why the recommendation wins, as records (code, numbers, the candidate compared with): serving mode,
 * policy, the biggest utilization loss, the runner-up on another vendor, and how far to trust the
 * estimate. Each comparison is against the best alternative on the same platform, with the cost
 * difference in percent. The sentences are src/report-text/reason-text.ts's.
 */
import type { Candidate, Reason } from '../advice-types.ts';
import { OPTIMISTIC_ABOVE_FRACTION } from '../fleet/queueing.ts';
import type { Scored } from './candidate.ts';
import { bestWhere } from './rank.ts';

export { policyReason } from './policy-reason.ts';

/** How far a spec-only estimate's cost is to be trusted, either way (the spec-only throughput band is about this wide). */
const SPEC_ONLY_BAND_FRACTION = 0.4;


function percentMore(other: Candidate, chosen: Candidate): number {
  return Math.round((other.effectiveDollarsPerMillionOutputTokens / chosen.effectiveDollarsPerMillionOutputTokens - 1) * 100);
}


export function servingModeReason(ranked: readonly Scored[], chosen: Scored, inputTokens: number): Reason | null {
  const c = chosen.candidate;
  const other = bestWhere(ranked, (s) => s.candidate.platform === c.platform && s.candidate.servingMode !== c.servingMode && s.candidate.policy === c.policy) ??
    bestWhere(ranked, (s) => s.candidate.platform === c.platform && s.candidate.servingMode !== c.servingMode);
  if (!other) return null;
  const more = percentMore(other.candidate, c);
  const numbers = { otherEffectiveDollarsPerMillionOutputTokens: other.candidate.effectiveDollarsPerMillionOutputTokens, percentMore: more, inputTokens };
  const versus = other.candidate;
  if (c.servingMode === 'disaggregated') return { code: 'disaggregated-wins', numbers, versus };
  const handoff = other.configuration.kvHandoffMs;
  if (more <= 0) return { code: 'serving-mode-tie', numbers: { ...numbers, peakGpuCount: c.peakGpuCount }, versus };
  return { code: 'disaggregation-does-not-pay', numbers: { ...numbers, ...(handoff !== undefined ? { kvHandoffMs: handoff } : {}) }, versus };
}

/**
 * Where the paid GPU-time goes. `meanLoadFraction` (mean load / the fleet's capacity at the SLO, the cost
 * chart's x) is named apart from the served share (GPU-time at the full-load rate / paid GPU-time).
 */
export function utilizationReason(chosen: Scored, meanLoadFraction?: number): Reason {
  const gap = chosen.candidate.utilizationGap;
  const causes = ['demandBelowCapacityFraction', 'replicaGranularityFraction', 'latencyHeadroomFraction', 'smallBatchFraction'] as const;
  const largestLoss = [...causes].sort((a, b) => gap[b] - gap[a])[0]!;
  return {
    code: 'utilization',
    numbers: { ...gap, effectiveOverFullLoadMultiplier: 1 / Math.max(gap.servedFraction, 1e-9), ...(meanLoadFraction !== undefined ? { meanLoadFraction } : {}) },
    facts: { largestLoss },
  };
}

export function runnerUpReason(chosen: Scored, runnerUp: Scored | null): Reason | null {
  if (!runnerUp) return null;
  const r = runnerUp.candidate;
  return {
    code: 'runner-up-other-vendor',
    numbers: { effectiveDollarsPerMillionOutputTokens: r.effectiveDollarsPerMillionOutputTokens, percentMore: percentMore(r, chosen.candidate) },
    versus: r,
  };
}

export function trustReasons(chosen: Scored): Reason[] {
  const out: Reason[] = [];
  const ceiling = Math.min(...chosen.configuration.pools.map((p) => p.ceilingFraction));
  if (ceiling > OPTIMISTIC_ABOVE_FRACTION) {
    out.push({ code: 'optimistic-queueing', numbers: { ceilingFraction: ceiling, optimisticAboveFraction: OPTIMISTIC_ABOVE_FRACTION } });
  }
  if (chosen.candidate.basis === 'spec-only') {
    out.push({ code: 'spec-only-estimate', numbers: { bandFraction: SPEC_ONLY_BAND_FRACTION } });
  }
  return out;
}
