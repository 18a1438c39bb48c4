/**
 * Which cost fits the workload. Per output token is the dashboards' unit, but a prefill-heavy request
 * (100k in / 200 out) spends most of its GPU-time on input: per output token it reads as a huge price
 * that is really the prompt's. From this input/output ratio the answer leads with $ per 1M total tokens
 * and names the per-request cost and the input/output split.
 */
import type { HeadlineMetric } from '../advice-types.ts';

/** Input tokens per output token at and above which a workload counts as prefill-heavy (estimate). */
export const PREFILL_HEAVY_INPUT_PER_OUTPUT = 20;

export function headlineMetricOf(inputTokens: number, outputTokens: number): HeadlineMetric {
  return inputTokens >= PREFILL_HEAVY_INPUT_PER_OUTPUT * outputTokens ? 'total-tokens' : 'output-tokens';
}
