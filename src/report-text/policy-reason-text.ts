/**
 * The policy reasons in words (engine/recommend/policy-reason.ts makes the records): the recommended
 * elasticity against the static fleet, or the static fleet against the best elastic one, with the cost
 * difference split into its causes (the rented unit, scaling with the load, the price tier), each
 * worded from the two candidates and its ratio.
 */
import type { Candidate, Reason } from '../engine/advice-types.ts';
import { policyOf } from '../engine/fleet/policies/index.ts';
import { CAUSE_NAMES, changesSize, type Cause, type CauseName } from '../engine/recommend/policy-reason.ts';
import { commitmentOf, money, percent, percentPoints, signedPercent } from './words.ts';

/** The causes a record carries (its `unitRatio`, `scalingRatio`, `priceRatio`), in the engine's order. */
function causesOf(reason: Reason): Cause[] {
  return CAUSE_NAMES.flatMap((name) => {
    const ratio = reason.numbers?.[`${name}Ratio`];
    return ratio === undefined ? [] : [{ name, ratio }];
  });
}

/** One cause of other's cost against ref's, in words. */
function causeText(name: CauseName, ref: Candidate, other: Candidate): string {
  if (name === 'unit') return `${other.peakGpuCount} GPUs at peak in ${other.rentalUnitGpus ?? 1}-GPU units instead of ${ref.peakGpuCount} in ${ref.rentalUnitGpus ?? 1}-GPU units`;
  if (name === 'scaling') return `scaling with the load (${other.gpuCount.toFixed(1)} GPUs on average, ${other.minGpuCount ?? other.peakGpuCount} to ${other.peakGpuCount})`;
  return `${money(other.dollarsPerGpuHour)} against ${money(ref.dollarsPerGpuHour)} per GPU-hour (${commitmentOf(other)} vs ${commitmentOf(ref)})`;
}

/** "the saving comes from A, -75% (86% of it) and B, -20% (14% of it); C adds +138%". */
export function causesText(causes: readonly Cause[], ref: Candidate, other: Candidate): string {
  const saving = causes.filter((c) => c.ratio < 1).sort((a, b) => a.ratio - b.ratio);
  const adding = causes.filter((c) => c.ratio > 1);
  const logSaving = saving.reduce((sum, c) => sum + Math.log(c.ratio), 0);
  const savingText = saving.map((c) => `${causeText(c.name, ref, other)}, ${signedPercent(c.ratio)}`);
  const parts: string[] = [];
  if (saving.length === 1) parts.push(`the saving is ${savingText[0]}`);
  if (saving.length > 1) parts.push(`the saving comes from ${savingText.map((t, i) => `${t} (${percent(Math.log(saving[i]!.ratio) / logSaving)} of it)`).join(' and ')}`);
  for (const c of adding) parts.push(`${causeText(c.name, ref, other)} adds ${signedPercent(c.ratio)}`);
  return parts.join('; ');
}

const n = (reason: Reason, key: string): number => reason.numbers?.[key] ?? 0;

/** The sentence of a policy reason; null for a code that is not one. */
export function policyReasonText(reason: Reason, chosen: Candidate | null): string | null {
  const other = reason.versus;
  if (reason.code === 'autoscaling-not-priced') return `only a static fleet is priced for ${chosen?.platformName ?? 'this platform'}: the catalog has no hourly price to scale with`;
  if (!chosen || !other) return null;
  const staticDesc = (fixed: Candidate) => `${policyOf('static-peak').description} (${fixed.peakGpuCount} GPUs, ${commitmentOf(fixed)})`;
  switch (reason.code) {
    case 'static-misses-slo':
      return `${policyOf(chosen.policy).description} is the cheapest policy that meets the targets: ${staticDesc(other)} misses them in ${n(reason, 'staticSloMissMinutes')} minutes`;
    case 'autoscaling-pays':
    case 'smaller-unit-pays':
    case 'price-tier-pays':
    case 'policy-costs-the-same': {
      const moves = changesSize(chosen);
      const subject = moves ? policyOf(chosen.policy).description : `renting ${chosen.peakGpuCount} GPUs in ${chosen.rentalUnitGpus ?? 1}-GPU units, ${commitmentOf(chosen)},`;
      const tail = [
        causesText(causesOf(reason), other, chosen),
        ...(moves ? [] : [`the fleet never changes size (${chosen.peakGpuCount} GPUs every minute), so none of it is autoscaling`]),
        ...(chosen.sloMissMinutes > 0 ? [`it misses the targets in ${chosen.sloMissMinutes} minutes while replicas start`] : []),
      ].filter(Boolean);
      return `${subject} costs ${percentPoints(n(reason, 'savingPercent'))} less than ${staticDesc(other)}: ${tail.join('; ')}`;
    }
    case 'autoscaling-trade-off':
      return `${policyOf(other.policy).description} would cost ${percentPoints(n(reason, 'savingPercent'))} less (${money(other.effectiveDollarsPerMillionOutputTokens)} vs ${money(chosen.effectiveDollarsPerMillionOutputTokens)} per million output tokens) but misses the targets for ${n(reason, 'sloMissMinutesPerDay')} minutes a day while new replicas start (${n(reason, 'scaleUpLagMinutes')} minutes each); the static fleet holds them every minute (${causesText(causesOf(reason), chosen, other)})`;
    case 'autoscaling-does-not-pay': {
      const more = n(reason, 'percentMore');
      const causes = causesText(causesOf(reason), chosen, other);
      const never = changesSize(other) ? '' : `; it would never change size (${other.peakGpuCount} GPUs every minute)`;
      const desc = policyOf(other.policy).description;
      return more <= 0
        ? `${desc} costs the same as the static fleet here${never || `: ${causes}`}, so the simpler static fleet is recommended`
        : `${desc} would cost ${percentPoints(more)} more: ${causes || 'the same GPUs at the same price'}${never}`;
    }
    default:
      return null;
  }
}
