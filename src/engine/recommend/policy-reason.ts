/**
 * Why the recommended elasticity, against the static fleet on the same platform and serving mode, with
 * the cost difference split into its causes, each computed from the two candidates:
 *   effective ratio ~ (peak GPUs ratio: the rented unit) x (mean / peak GPUs: scaling with the load)
 *                     x ($/GPU-hour ratio: the price tier).
 * A sentence credits autoscaling only when the fleet changes size (its fewest GPUs below its peak); a
 * saving that is really a smaller rented unit or another price tier is named as such, and two causes
 * that mix are both named with their shares of the saving (shares of the log ratio). The records carry
 * the ratios (`unitRatio`, `scalingRatio`, `priceRatio`) and the fleet compared with; the sentences are
 * src/report-text/policy-reason-text.ts's.
 */
import type { Candidate, Reason } from '../advice-types.ts';
import { policyOf } from '../fleet/policies/index.ts';
import type { Scored } from './candidate.ts';
import { bestWhere } from './rank.ts';
import { percentOf } from './percent-of.ts';

export type CauseName = 'unit' | 'scaling' | 'price';

export interface Cause {
  readonly name: CauseName;
  /** Multiplier on the reference's cost per token (< 1 saves). */
  readonly ratio: number;
}

export const CAUSE_NAMES: readonly CauseName[] = ['unit', 'scaling', 'price'];

const NEGLIGIBLE_RATIO = 0.005;

export function changesSize(c: Candidate): boolean {
  return (c.minGpuCount ?? c.peakGpuCount) < c.peakGpuCount;
}

/** The causes of other's cost per token against ref's, each a multiplier, negligible ones dropped. */
export function costCauses(ref: Candidate, other: Candidate): Cause[] {
  const causes: Cause[] = [
    { name: 'unit', ratio: other.peakGpuCount / ref.peakGpuCount },
    { name: 'scaling', ratio: other.gpuCount / other.peakGpuCount },
    { name: 'price', ratio: other.dollarsPerGpuHour / ref.dollarsPerGpuHour },
  ];
  return causes.filter((c) => Math.abs(c.ratio - 1) > NEGLIGIBLE_RATIO);
}

function sameSetup(chosen: Candidate) {
  return (s: Scored) => s.candidate.platform === chosen.platform && s.candidate.servingMode === chosen.servingMode;
}

function percentLess(other: Candidate, ref: Candidate): number {
  return percentOf(1 - other.effectiveDollarsPerMillionOutputTokens / ref.effectiveDollarsPerMillionOutputTokens);
}

/** The recommended policy against the static fleet of the same platform and mode (or the static fleet against the best elastic one). */
export function policyReason(ranked: readonly Scored[], chosen: Scored): Reason | null {
  const c = chosen.candidate;
  if (policyOf(c.policy).elastic) return elasticChosenReason(ranked, chosen);
  return staticChosenReason(ranked, chosen);
}

function elasticChosenReason(ranked: readonly Scored[], chosen: Scored): Reason | null {
  const c = chosen.candidate;
  const fixed = ranked.find((s) => sameSetup(c)(s) && s.candidate.policy === 'static-peak')?.candidate;
  if (!fixed) return null;
  if (!fixed.meetsSlo) return { code: 'static-misses-slo', numbers: { staticSloMissMinutes: fixed.sloMissMinutes }, versus: fixed };
  const causes = costCauses(fixed, c);
  const saving = percentLess(c, fixed);
  const scaling = causes.find((x) => x.name === 'scaling');
  const largest = [...causes].filter((x) => x.ratio < 1).sort((a, b) => a.ratio - b.ratio)[0];
  const credited = changesSize(c) && scaling !== undefined && largest?.name === 'scaling';
  const code = credited ? 'autoscaling-pays' : largest?.name === 'unit' ? 'smaller-unit-pays' : largest?.name === 'price' ? 'price-tier-pays' : 'policy-costs-the-same';
  return {
    code,
    numbers: { savingPercent: saving, meanGpus: c.gpuCount, minGpus: c.minGpuCount ?? c.peakGpuCount, peakGpus: c.peakGpuCount, staticGpus: fixed.peakGpuCount, sloMissMinutes: c.sloMissMinutes, ...ratios(causes) },
    facts: { changesSize: changesSize(c) },
    versus: fixed,
  };
}

function ratios(causes: readonly Cause[]): Record<string, number> {
  return Object.fromEntries(causes.map((c) => [`${c.name}Ratio`, c.ratio]));
}

function staticChosenReason(ranked: readonly Scored[], chosen: Scored): Reason {
  const c = chosen.candidate;
  const elastic = ranked.filter((s) => sameSetup(c)(s) && policyOf(s.candidate.policy).elastic);
  if (elastic.length === 0) return { code: 'autoscaling-not-priced' };
  const cheapest = [...elastic].sort((a, b) => a.candidate.effectiveDollarsPerMillionOutputTokens - b.candidate.effectiveDollarsPerMillionOutputTokens)[0]!;
  const e = cheapest.candidate;
  if (!e.meetsSlo && percentLess(e, c) > 0) {
    const minutesPerDay = Math.round((e.sloMissMinutes * 1440) / Math.max(1, cheapest.run.minutes));
    return {
      code: 'autoscaling-trade-off',
      numbers: { savingPercent: percentLess(e, c), sloMissMinutes: e.sloMissMinutes, sloMissMinutesPerDay: minutesPerDay, scaleUpLagMinutes: cheapest.configuration.scaleUpLagMinutes, ...ratios(costCauses(c, e)) },
      versus: e,
    };
  }
  const meeting = bestWhere(ranked, (s) => sameSetup(c)(s) && policyOf(s.candidate.policy).elastic)?.candidate ?? e;
  const causes = costCauses(c, meeting);
  return {
    code: 'autoscaling-does-not-pay',
    numbers: { percentMore: -percentLess(meeting, c), peakGpus: c.peakGpuCount, elasticMeanGpus: meeting.gpuCount, elasticMinGpus: meeting.minGpuCount ?? meeting.peakGpuCount, ...ratios(causes) },
    facts: { changesSize: changesSize(meeting) },
    versus: meeting,
  };
}
