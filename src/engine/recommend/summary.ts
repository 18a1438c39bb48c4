/**
 * The recommendation in one or two plain sentences: where to run, how its GPU-hours are bought and how
 * the fleet moves (commitment and elasticity named apart), what it costs at the user's load and at full
 * load, and the reason that decided it (serving mode or policy), with its number.
 */
import type { AdviceRequest, Reason } from '../advice-types.ts';
import type { Scored } from './candidate.ts';
import { money, moneyWithRange, priceAndElasticity } from './wording.ts';

/** Reason codes that decide between policies, in the order the summary prefers them. */
const POLICY_CODES = ['autoscaling-pays', 'smaller-unit-pays', 'price-tier-pays', 'autoscaling-trade-off', 'autoscaling-does-not-pay', 'static-misses-slo', 'policy-costs-the-same', 'autoscaling-not-priced'];

export function summaryOf(request: AdviceRequest, modelName: string, chosen: Scored | null, reasons: readonly Reason[], ranked: readonly Scored[]): string {
  if (!chosen) return reasons[0]?.text ?? `no platform can serve ${modelName} for this workload`;
  const c = chosen.candidate;
  const first = `Run ${modelName} on ${c.peakGpuCount} x ${c.platformName} at peak (${c.gpuCount.toFixed(1)} on average), ${c.servingMode}, ${priceAndElasticity(c)}: ${moneyWithRange(c.effectiveDollarsPerMillionOutputTokens, c.effectiveDollarsPerMillionOutputTokensRange)} per million output tokens at your load, ${money(c.fullLoadDollarsPerMillionOutputTokens)} at full load.`;
  const decisive =
    reasons.find((r) => r.code === 'disaggregated-wins' || r.code === 'disaggregation-does-not-pay') ??
    POLICY_CODES.map((code) => reasons.find((r) => r.code === code)).find((r) => r !== undefined) ??
    reasons.find((r) => r.code === 'serving-mode-tie');
  const second = decisive ? `${capitalize(decisive.text)}.` : '';
  void request;
  void ranked;
  return [first, second].filter(Boolean).join(' ');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
