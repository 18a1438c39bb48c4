/**
 * "16k context": a stated context length. With no input length said, the prompt fills the context less
 * the output (when said); with both said, they must fit in it. Either way the reading is stated.
 */
import type { Extraction } from './extraction.ts';
import { formatNumber } from './numbers.ts';
import type { QueryFields } from './schema.ts';

export function applyContextLength(fields: Record<string, unknown>, contextTokens: number, fragment: string, out: Extraction): void {
  const q = fields as QueryFields;
  const { inputTokens, outputTokens } = q;
  if (inputTokens !== undefined) {
    const total = inputTokens + (outputTokens ?? 0);
    if (total > contextTokens) {
      out.problem(fragment, `${formatNumber(inputTokens)} in${outputTokens !== undefined ? ` + ${formatNumber(outputTokens)} out` : ''} does not fit the stated "${fragment}"`, `${formatNumber(contextTokens)} context, ${formatNumber(Math.floor(contextTokens / 2))} in / 500 out`, 'inputTokens');
    }
    return;
  }
  const input = outputTokens !== undefined && outputTokens < contextTokens ? contextTokens - outputTokens : contextTokens;
  fields.inputTokens = input;
  const why = outputTokens !== undefined && input !== contextTokens ? `the context less the ${formatNumber(outputTokens)} output tokens` : 'a full context of prompt';
  out.assume('inputTokens', input, `"${fragment}" read as ${formatNumber(input)} input tokens per request, ${why} (say e.g. "12k in / 4k out" to be exact)`);
}
