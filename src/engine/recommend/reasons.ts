/**
 * Why the recommendation wins, in structured form (code, text, numbers): serving mode, policy, the
 * biggest utilization loss, the runner-up on another vendor, and how far to trust the estimate. Each
 * comparison is against the best alternative on the same platform, with the cost difference in percent.
 */
import type { Candidate, Reason } from '../advice-types.ts';
import { OPTIMISTIC_ABOVE_FRACTION } from '../fleet/queueing.ts';
import type { Scored } from './candidate.ts';
import { bestWhere } from './rank.ts';
import { policyOf } from '../fleet/policies/index.ts';
import { money } from './wording.ts';

export { policyReason } from './policy-reason.ts';


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
  if (c.servingMode === 'disaggregated') {
    return { code: 'disaggregated-wins', numbers, text: `disaggregated wins here because ${inputTokens}-token prompts would stall decode in aggregated serving; at this load aggregated would cost ${more} % more` };
  }
  const handoff = other.configuration.kvHandoffMs;
  if (more <= 0) {
    return { code: 'serving-mode-tie', numbers, text: `aggregated and disaggregated serving cost the same at this load (the fleet is ${c.peakGpuCount} GPUs either way), so the simpler aggregated setup is recommended` };
  }
  return {
    code: 'disaggregation-does-not-pay',
    numbers: { ...numbers, ...(handoff !== undefined ? { kvHandoffMs: handoff } : {}) },
    text: `disaggregation does not pay for this workload: separate prefill and decode pools would cost ${more} % more (${other.candidate.prefillWorkers ?? 0} prefill + ${other.candidate.decodeWorkers ?? 0} decode workers at peak${handoff !== undefined ? `, KV hand-off ${handoff.toFixed(1)} ms` : ''})`,
  };
}

/**
 * Where the paid GPU-time goes. `meanLoadFraction` (mean load / the fleet's capacity at the SLO, the cost
 * chart's x) is named apart from the served share (GPU-time at the full-load rate / paid GPU-time).
 */
export function utilizationReason(chosen: Scored, meanLoadFraction?: number): Reason {
  const gap = chosen.candidate.utilizationGap;
  const causes: [string, number][] = [
    ['demand below capacity', gap.demandBelowCapacityFraction],
    ['replica granularity', gap.replicaGranularityFraction],
    ['latency headroom', gap.latencyHeadroomFraction],
    ['small batches', gap.smallBatchFraction],
  ];
  const [name, share] = causes.sort((a, b) => b[1] - a[1])[0]!;
  return {
    code: 'utilization',
    numbers: { ...gap, ...(meanLoadFraction !== undefined ? { meanLoadFraction } : {}) },
    text: `${Math.round(gap.servedFraction * 100)} % of the paid GPU-time serves tokens at the full-load rate${meanLoadFraction !== undefined ? ` (the mean load is ${Math.round(meanLoadFraction * 100)} % of the fleet's capacity at the SLO)` : ''}; the largest loss is ${name} (${Math.round(share * 100)} %), so the effective cost is ${(1 / Math.max(gap.servedFraction, 1e-9)).toFixed(1)}x the full-load cost`,
  };
}

export function runnerUpReason(chosen: Scored, runnerUp: Scored | null): Reason | null {
  if (!runnerUp) return null;
  const r = runnerUp.candidate;
  return {
    code: 'runner-up-other-vendor',
    numbers: { effectiveDollarsPerMillionOutputTokens: r.effectiveDollarsPerMillionOutputTokens, percentMore: percentMore(r, chosen.candidate) },
    text: `best on another vendor: ${r.platformName} (${r.servingMode}, ${policyOf(r.policy).description}) at ${money(r.effectiveDollarsPerMillionOutputTokens)} per million output tokens, ${percentMore(r, chosen.candidate)} % more`,
  };
}

export function trustReasons(chosen: Scored): Reason[] {
  const out: Reason[] = [];
  const ceiling = Math.min(...chosen.configuration.pools.map((p) => p.ceilingFraction));
  if (ceiling > OPTIMISTIC_ABOVE_FRACTION) {
    out.push({ code: 'optimistic-queueing', numbers: { ceilingFraction: ceiling }, text: `the fleet is planned at ${Math.round(ceiling * 100)} % utilization; queueing estimates above 80 % are optimistic, so real TTFT tails may be longer` });
  }
  if (chosen.candidate.basis === 'spec-only') {
    out.push({ code: 'spec-only-estimate', text: `${chosen.candidate.platformName} throughput is a spec-only estimate (no calibrated measurement): treat costs as +/-40 %` });
  }
  return out;
}
