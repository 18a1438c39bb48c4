/**
 * Why the recommended elasticity, against the static fleet on the same platform and serving mode, with
 * the cost difference split into its causes, each computed from the two candidates:
 *   effective ratio ~ (peak GPUs ratio: the rented unit) x (mean / peak GPUs: scaling with the load)
 *                     x ($/GPU-hour ratio: the price tier).
 * A sentence credits autoscaling only when the fleet changes size (its fewest GPUs below its peak); a
 * saving that is really a smaller rented unit or another price tier is named as such, and two causes
 * that mix are both named with their shares of the saving (shares of the log ratio).
 */
import type { Candidate, Reason } from '../advice-types.ts';
import { policyOf } from '../fleet/policies/index.ts';
import type { Scored } from './candidate.ts';
import { bestWhere } from './rank.ts';
import { commitmentText, money, percentOf } from './wording.ts';

type CauseName = 'unit' | 'scaling' | 'price';

interface Cause {
  readonly name: CauseName;
  /** Multiplier on the reference's cost per token (< 1 saves). */
  readonly ratio: number;
  readonly text: string;
}

const NEGLIGIBLE_RATIO = 0.005;

export function changesSize(c: Candidate): boolean {
  return (c.minGpuCount ?? c.peakGpuCount) < c.peakGpuCount;
}

function commitmentOf(c: Candidate): string {
  if (!c.commitment) return 'catalog price';
  if (c.burstCommitment) return `${commitmentText(c.commitment)} base, ${commitmentText(c.burstCommitment)} burst`;
  return commitmentText(c.commitment);
}

/** The causes of other's cost per token against ref's, each a multiplier, negligible ones dropped. */
export function costCauses(ref: Candidate, other: Candidate): Cause[] {
  const causes: Cause[] = [
    { name: 'unit', ratio: other.peakGpuCount / ref.peakGpuCount, text: `${other.peakGpuCount} GPUs at peak in ${other.rentalUnitGpus ?? 1}-GPU units instead of ${ref.peakGpuCount} in ${ref.rentalUnitGpus ?? 1}-GPU units` },
    { name: 'scaling', ratio: other.gpuCount / other.peakGpuCount, text: `scaling with the load (${other.gpuCount.toFixed(1)} GPUs on average, ${other.minGpuCount ?? other.peakGpuCount} to ${other.peakGpuCount})` },
    { name: 'price', ratio: other.dollarsPerGpuHour / ref.dollarsPerGpuHour, text: `${money(other.dollarsPerGpuHour)} against ${money(ref.dollarsPerGpuHour)} per GPU-hour (${commitmentOf(other)} vs ${commitmentOf(ref)})` },
  ];
  return causes.filter((c) => Math.abs(c.ratio - 1) > NEGLIGIBLE_RATIO);
}

function signedPercent(ratio: number): string {
  const p = percentOf(ratio - 1);
  return p > 0 ? `+${p} %` : `${p} %`;
}

/** "the smaller rented unit (..., -75 %) and scaling (..., -20 %): 86 % and 14 % of the saving; the price adds +138 % (...)". */
export function causesText(causes: readonly Cause[]): string {
  const saving = causes.filter((c) => c.ratio < 1).sort((a, b) => a.ratio - b.ratio);
  const adding = causes.filter((c) => c.ratio > 1);
  const logSaving = saving.reduce((sum, c) => sum + Math.log(c.ratio), 0);
  const savingText = saving.map((c) => `${c.text}, ${signedPercent(c.ratio)}`);
  const parts: string[] = [];
  if (saving.length === 1) parts.push(`the saving is ${savingText[0]}`);
  if (saving.length > 1) parts.push(`the saving comes from ${savingText.map((t, i) => `${t} (${percentOf(Math.log(saving[i]!.ratio) / logSaving)} % of it)`).join(' and ')}`);
  for (const c of adding) parts.push(`${c.text} adds ${signedPercent(c.ratio)}`);
  return parts.join('; ');
}

function sameSetup(chosen: Candidate) {
  return (s: Scored) => s.candidate.platform === chosen.platform && s.candidate.servingMode === chosen.servingMode;
}

function percentLess(other: Candidate, ref: Candidate): number {
  return percentOf(1 - other.effectiveDollarsPerMillionOutputTokens / ref.effectiveDollarsPerMillionOutputTokens);
}

function neverChangesText(c: Candidate): string {
  return `the fleet never changes size (${c.peakGpuCount} GPUs every minute), so none of it is autoscaling`;
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
  const desc = policyOf(c.policy).description;
  const staticDesc = `${policyOf('static-peak').description} (${fixed.peakGpuCount} GPUs, ${commitmentOf(fixed)})`;
  if (!fixed.meetsSlo) {
    return { code: 'static-misses-slo', numbers: { staticSloMissMinutes: fixed.sloMissMinutes }, text: `${desc} is the cheapest policy that meets the targets: ${staticDesc} misses them in ${fixed.sloMissMinutes} minutes` };
  }
  const causes = costCauses(fixed, c);
  const saving = percentLess(c, fixed);
  const scaling = causes.find((x) => x.name === 'scaling');
  const largest = [...causes].filter((x) => x.ratio < 1).sort((a, b) => a.ratio - b.ratio)[0];
  const credited = changesSize(c) && scaling !== undefined && largest?.name === 'scaling';
  const code = credited ? 'autoscaling-pays' : largest?.name === 'unit' ? 'smaller-unit-pays' : largest?.name === 'price' ? 'price-tier-pays' : 'policy-costs-the-same';
  const subject = changesSize(c) ? desc : `renting ${c.peakGpuCount} GPUs in ${c.rentalUnitGpus ?? 1}-GPU units, ${commitmentOf(c)},`;
  const tail = [causesText(causes), ...(changesSize(c) ? [] : [neverChangesText(c)]), ...(c.sloMissMinutes > 0 ? [`it misses the targets in ${c.sloMissMinutes} minutes while replicas start`] : [])];
  return {
    code,
    numbers: { savingPercent: saving, meanGpus: c.gpuCount, minGpus: c.minGpuCount ?? c.peakGpuCount, peakGpus: c.peakGpuCount, staticGpus: fixed.peakGpuCount, sloMissMinutes: c.sloMissMinutes, ...ratios(causes) },
    text: `${subject} costs ${saving} % less than ${staticDesc}: ${tail.join('; ')}`,
  };
}

function ratios(causes: readonly Cause[]): Record<string, number> {
  return Object.fromEntries(causes.map((c) => [`${c.name}Ratio`, c.ratio]));
}

function staticChosenReason(ranked: readonly Scored[], chosen: Scored): Reason {
  const c = chosen.candidate;
  const elastic = ranked.filter((s) => sameSetup(c)(s) && policyOf(s.candidate.policy).elastic);
  if (elastic.length === 0) {
    return { code: 'autoscaling-not-priced', text: `only a static fleet is priced for ${c.platformName}: the catalog has no hourly price to scale with` };
  }
  const cheapest = [...elastic].sort((a, b) => a.candidate.effectiveDollarsPerMillionOutputTokens - b.candidate.effectiveDollarsPerMillionOutputTokens)[0]!;
  const e = cheapest.candidate;
  const desc = policyOf(e.policy).description;
  if (!e.meetsSlo && percentLess(e, c) > 0) {
    const minutesPerDay = Math.round((e.sloMissMinutes * 1440) / Math.max(1, cheapest.run.minutes));
    return {
      code: 'autoscaling-trade-off',
      numbers: { savingPercent: percentLess(e, c), sloMissMinutes: e.sloMissMinutes, sloMissMinutesPerDay: minutesPerDay, scaleUpLagMinutes: cheapest.configuration.scaleUpLagMinutes, ...ratios(costCauses(c, e)) },
      text: `${desc} would cost ${percentLess(e, c)} % less (${money(e.effectiveDollarsPerMillionOutputTokens)} vs ${money(c.effectiveDollarsPerMillionOutputTokens)} per million output tokens) but misses the targets for ${minutesPerDay} minutes a day while new replicas start (${cheapest.configuration.scaleUpLagMinutes} minutes each); the static fleet holds them every minute (${causesText(costCauses(c, e))})`,
    };
  }
  const meeting = bestWhere(ranked, (s) => sameSetup(c)(s) && policyOf(s.candidate.policy).elastic)?.candidate ?? e;
  const more = -percentLess(meeting, c);
  const causes = costCauses(c, meeting);
  const never = changesSize(meeting) ? '' : `; it would never change size (${meeting.peakGpuCount} GPUs every minute)`;
  return {
    code: 'autoscaling-does-not-pay',
    numbers: { percentMore: more, peakGpus: c.peakGpuCount, elasticMeanGpus: meeting.gpuCount, elasticMinGpus: meeting.minGpuCount ?? meeting.peakGpuCount, ...ratios(causes) },
    text: more <= 0
      ? `${policyOf(meeting.policy).description} costs the same as the static fleet here${never || `: ${causesText(causes)}`}, so the simpler static fleet is recommended`
      : `${policyOf(meeting.policy).description} would cost ${more} % more: ${causesText(causes) || 'the same GPUs at the same price'}${never}`,
  };
}
