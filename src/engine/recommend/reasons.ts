/**
 * Why the recommendation wins, in structured form (code, text, numbers): serving mode, policy, the
 * biggest utilization loss, the runner-up on another vendor, and how far to trust the estimate. Each
 * comparison is against the best alternative on the same platform, with the cost difference in percent.
 */
import type { Candidate, Reason } from '../advice-types.ts';
import { OPTIMISTIC_ABOVE_FRACTION } from '../fleet/queueing.ts';
import type { Scored } from './candidate.ts';
import { bestWhere } from './rank.ts';

const POLICY_TEXT: Record<Candidate['policy'], string> = {
  'static-peak': 'a static fleet sized for the peak',
  'reactive-autoscale': 'reactive autoscaling',
  'scale-to-zero': 'scale to zero',
  'reserved-plus-burst': 'a reserved base with on-demand burst',
};

function percentMore(other: Candidate, chosen: Candidate): number {
  return Math.round((other.effectiveDollarsPerMillionOutputTokens / chosen.effectiveDollarsPerMillionOutputTokens - 1) * 100);
}

function money(value: number): string {
  return value >= 0.1 ? `$${value.toFixed(2)}` : `$${value.toPrecision(2)}`;
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

export function policyReason(ranked: readonly Scored[], chosen: Scored): Reason | null {
  const c = chosen.candidate;
  const same = (s: Scored) => s.candidate.platform === c.platform && s.candidate.servingMode === c.servingMode;
  if (c.policy !== 'static-peak') {
    const fixed = ranked.find((s) => same(s) && s.candidate.policy === 'static-peak');
    if (!fixed) return null;
    if (!fixed.candidate.meetsSlo) {
      return { code: 'autoscaling-pays', numbers: { staticSloMissMinutes: fixed.candidate.sloMissMinutes }, text: `${POLICY_TEXT[c.policy]} is the cheapest policy that meets the targets` };
    }
    const saving = Math.round((1 - c.effectiveDollarsPerMillionOutputTokens / fixed.candidate.effectiveDollarsPerMillionOutputTokens) * 100);
    return {
      code: 'autoscaling-pays',
      numbers: { savingPercent: saving, meanGpus: c.gpuCount, peakGpus: c.peakGpuCount, staticGpus: fixed.candidate.peakGpuCount, sloMissMinutes: c.sloMissMinutes },
      text: `${POLICY_TEXT[c.policy]} saves ${saving} % over ${POLICY_TEXT['static-peak']} (${c.gpuCount.toFixed(1)} GPUs on average instead of ${fixed.candidate.peakGpuCount})`,
    };
  }
  const elastic = bestWhere(ranked, (s) => same(s) && s.candidate.policy !== 'static-peak') ?? ranked.find((s) => same(s) && s.candidate.policy !== 'static-peak');
  if (!elastic) {
    return { code: 'autoscaling-not-priced', text: `only a static fleet is priced for ${c.platformName}: the catalog has no on-demand price to autoscale with` };
  }
  const more = percentMore(elastic.candidate, c);
  if (more <= 0) {
    return { code: 'autoscaling-does-not-pay', numbers: { percentMore: 0, peakGpus: c.peakGpuCount }, text: `autoscaling saves nothing here: the smallest deployable fleet (${c.peakGpuCount} GPUs) already covers the peak` };
  }
  const why = elastic.candidate.meetsSlo
    ? `elastic GPU-hours cost $${elastic.candidate.dollarsPerGpuHour.toFixed(2)} against $${c.dollarsPerGpuHour.toFixed(2)} committed`
    : `it misses the SLO in ${elastic.candidate.sloMissMinutes} minutes while replicas start`;
  return { code: 'autoscaling-does-not-pay', numbers: { percentMore: more, sloMissMinutes: elastic.candidate.sloMissMinutes }, text: `autoscaling does not pay here: ${POLICY_TEXT[elastic.candidate.policy]} would cost ${more} % more (${why})` };
}

export function utilizationReason(chosen: Scored): Reason {
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
    numbers: { ...gap },
    text: `${Math.round(gap.servedFraction * 100)} % of the paid GPU-time serves tokens; the largest loss is ${name} (${Math.round(share * 100)} %), so the effective cost is ${(1 / Math.max(gap.servedFraction, 1e-9)).toFixed(1)}x the full-load cost`,
  };
}

export function runnerUpReason(chosen: Scored, runnerUp: Scored | null): Reason | null {
  if (!runnerUp) return null;
  const r = runnerUp.candidate;
  return {
    code: 'runner-up-other-vendor',
    numbers: { effectiveDollarsPerMillionOutputTokens: r.effectiveDollarsPerMillionOutputTokens, percentMore: percentMore(r, chosen.candidate) },
    text: `best on another vendor: ${r.platformName} (${r.servingMode}, ${POLICY_TEXT[r.policy]}) at ${money(r.effectiveDollarsPerMillionOutputTokens)} per million output tokens, ${percentMore(r, chosen.candidate)} % more`,
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
