/**
 * What the text alone settles before a workload is built: a named model, and a token rate converted to
 * requests/s once the token lengths are known.
 */
import type { Collected } from './collect.ts';
import type { Extraction } from './extraction.ts';
import { DEFAULT_REASONS, WORKLOAD_DEFAULTS } from '../advice/defaults.ts';
import { formatNumber } from './numbers.ts';
import { EXAMPLES, type QueryFields } from './schema.ts';
import type { Vocabulary } from './vocabulary.ts';

/** requests/s = tokens/s ÷ tokens per request (input + output, or the side the rate counts). */
export function applyTokenRate(fields: QueryFields, collected: Collected, out: Extraction): void {
  const tokenRate = collected.tokenRate;
  if (!tokenRate || fields.inputTokens === undefined || fields.outputTokens === undefined) return;
  const { rate } = tokenRate;
  const perRequest = rate.basis === 'input' ? fields.inputTokens : rate.basis === 'output' ? fields.outputTokens : fields.inputTokens + fields.outputTokens;
  const rps = rate.tokensPerSecond / perRequest;
  const which = rate.basis === 'total' ? `(${fields.inputTokens} in + ${fields.outputTokens} out)` : `${perRequest} ${rate.basis}`;
  if (fields.requestsPerSecond !== undefined && Math.abs(fields.requestsPerSecond - rps) > 0.01 * rps) {
    out.problem(tokenRate.fragment, `"${tokenRate.fragment}" is ${formatNumber(rps)} requests/s, which contradicts ${formatNumber(fields.requestsPerSecond)} requests/s; say one`, EXAMPLES.load, 'requestsPerSecond');
    delete fields.requestsPerSecond;
    return;
  }
  fields.requestsPerSecond = rps;
  out.assume(
    'requestsPerSecond',
    rps,
    `"${tokenRate.fragment}": ${formatNumber(rate.tokens)} tokens ÷ ${rate.perSeconds} s ÷ ${which} tokens per request = ${formatNumber(rps)} requests/s`,
  );
}

/**
 * What a whole query needs from the text alone: a model, and a token rate as requests/s. Workload
 * defaults (lengths, load, shape, latency) are NOT filled here: src/advice/build-workload.ts fills them
 * from its one table for every door, so a question in words and the same flags get the same defaults.
 * A token rate needs lengths to become requests/s: when the text gave none, the table's are used (and stated).
 */
export function applyDefaults(fields: QueryFields, collected: Collected, out: Extraction, vocabulary: Vocabulary): void {
  if (fields.model === undefined && !out.hasProblemFor('model')) {
    const known = vocabulary.models.slice(0, 6).map((m) => m.id).join(', ');
    out.problem('', `which model? none was named (known: ${known}${vocabulary.models.length > 6 ? ', ...' : ''})`, EXAMPLES.whole, 'model');
  }
  if (collected.tokenRate) {
    for (const field of ['inputTokens', 'outputTokens'] as const) {
      if (fields[field] !== undefined || out.hasProblemFor(field)) continue;
      fields[field] = WORKLOAD_DEFAULTS[field];
      out.assume(field, WORKLOAD_DEFAULTS[field], DEFAULT_REASONS[field]);
    }
  }
  applyTokenRate(fields, collected, out);
  if (fields.shape === 'flat' && fields.peakToAverage !== undefined && fields.peakToAverage > 1) {
    out.problem('flat', `a flat load has no ${formatNumber(fields.peakToAverage)}x peak; say "flat" or a peak`, EXAMPLES.shape, 'shape');
  }
  if (collected.interactive !== undefined) applyInteractive(collected.interactive, out);
}

/** "interactive": the workload's interactive latency default by name (src/advice/latency-of.ts fills it). */
export function applyInteractive(fragment: string, out: Extraction): void {
  out.assume(INTERACTIVE_NOTE, 'interactive', `"${fragment}"`);
}

/** The assumption field that carries "interactive" from the text to the workload draft. */
export const INTERACTIVE_NOTE = 'latencyClass';
