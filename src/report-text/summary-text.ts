/**
 * The recommendation in one or two plain sentences: where to run, how its GPU-hours are bought and how
 * the fleet moves (commitment and elasticity named apart), what it costs at the user's load and at full
 * load, and the reason that decided it (serving mode or policy), with its number. Moved out of the
 * engine (issue 15); the figures print as on the card (src/format.ts).
 */
import type { AdviceReport, Candidate, HeadlineMetric } from '../engine/advice-types.ts';
import { reasonText } from './reason-text.ts';
import { capitalize, money, moneyWithRange, percent, priceAndElasticity } from './words.ts';

/** Reason codes that decide between policies, in the order the summary prefers them. */
const POLICY_CODES = ['autoscaling-pays', 'smaller-unit-pays', 'price-tier-pays', 'autoscaling-trade-off', 'autoscaling-does-not-pay', 'static-misses-slo', 'policy-costs-the-same', 'autoscaling-not-priced'];

export function summaryText(report: AdviceReport): string {
  const c = report.recommendation;
  const reasons = report.reasons;
  const modelName = report.modelName ?? report.request.modelId;
  if (!c) {
    const why = reasons.map((r) => reasonText(r, report)).filter(Boolean).join('; ');
    return why || `no platform can serve ${modelName} for this workload`;
  }
  const first = `Run ${modelName} on ${c.peakGpuCount} x ${c.platformName} at peak (${c.gpuCount.toFixed(1)} on average), ${c.servingMode}, ${priceAndElasticity(c)}: ${costText(c, report.headlineMetric ?? 'output-tokens')}.`;
  const decisive =
    reasons.find((r) => r.code === 'disaggregated-wins' || r.code === 'disaggregation-does-not-pay') ??
    POLICY_CODES.map((code) => reasons.find((r) => r.code === code)).find((r) => r !== undefined) ??
    reasons.find((r) => r.code === 'serving-mode-tie');
  const second = decisive ? `${capitalize(reasonText(decisive, report))}.` : '';
  return [first, second].filter(Boolean).join(' ');
}

/** The cost in the workload's headline metric, with its band; prefill-heavy work adds per request and the input/output split. */
function costText(c: Candidate, metric: HeadlineMetric): string {
  if (metric === 'output-tokens') {
    return `${moneyWithRange(c.effectiveDollarsPerMillionOutputTokens, c.effectiveDollarsPerMillionOutputTokensRange)} per million output tokens at your load, ${money(c.fullLoadDollarsPerMillionOutputTokens)} at full load`;
  }
  const split = c.inputOutputSplit;
  const perRequest = c.effectiveDollarsPerRequest === undefined ? '' : `${money(c.effectiveDollarsPerRequest)} per request`;
  const splitText = split ? `prefill takes ${percent(split.inputShareOfCost)} of the GPU-time: ${money(split.effectiveDollarsPerMillionInputTokens)} per million input tokens, ${money(split.effectiveDollarsPerMillionOutputTokensDecodeOnly)} per million output tokens` : '';
  const detail = [perRequest, splitText].filter(Boolean).join('; ');
  return `${moneyWithRange(c.effectiveDollarsPerMillionTotalTokens, c.effectiveDollarsPerMillionTotalTokensRange)} per million total (input + output) tokens at your load, ${money(c.fullLoadDollarsPerMillionTotalTokens)} at full load${detail ? ` (${detail})` : ''}`;
}
