/**
 * Stated defaults for what the text left out, each recorded as an assumption, and the load given as a
 * token rate converted to requests/s once the token lengths are known.
 */
import type { Collected } from './collect.ts';
import type { Extraction } from './extraction.ts';
import { INTERACTIVE_DEFAULTS } from './latency.ts';
import { formatNumber } from './numbers.ts';
import { EXAMPLES, type QueryFields } from './schema.ts';
import type { Vocabulary } from './vocabulary.ts';

export const DEFAULTS = {
  inputTokens: 1000,
  outputTokens: 1000,
  requestsPerSecond: 10,
  shape: 'diurnal',
  peakToAverage: { diurnal: 2, weekly: 2, spike: 5, flat: 1 },
} as const;

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

/** Fill what a whole query needs and was not said; say so in assumptions. */
export function applyDefaults(fields: QueryFields, collected: Collected, out: Extraction, vocabulary: Vocabulary): void {
  if (fields.model === undefined && !out.hasProblemFor('model')) {
    const known = vocabulary.models.slice(0, 6).map((m) => m.id).join(', ');
    out.problem('', `which model? none was named (known: ${known}${vocabulary.models.length > 6 ? ', ...' : ''})`, EXAMPLES.whole, 'model');
  }
  for (const field of ['inputTokens', 'outputTokens'] as const) {
    if (fields[field] !== undefined || out.hasProblemFor(field)) continue;
    fields[field] = DEFAULTS[field];
    out.assume(field, DEFAULTS[field], `${field === 'inputTokens' ? 'input' : 'output'} length not stated; 1k/1k is the most benchmarked shape (say e.g. "${EXAMPLES.lengths}")`);
  }
  applyTokenRate(fields, collected, out);
  if (fields.requestsPerSecond === undefined && fields.concurrentUsers === undefined && !out.hasProblemFor('requestsPerSecond')) {
    fields.requestsPerSecond = DEFAULTS.requestsPerSecond;
    out.assume('requestsPerSecond', DEFAULTS.requestsPerSecond, `load not stated (say e.g. "${EXAMPLES.load}")`);
  }
  if (fields.shape === undefined && !out.hasProblemFor('shape')) {
    fields.shape = fields.peakToAverage === undefined ? DEFAULTS.shape : 'diurnal';
    const why = fields.peakToAverage === undefined ? 'load shape not stated; real traffic follows the day' : 'a peak without a pattern; read as a daily cycle';
    out.assume('shape', fields.shape, why);
  }
  if (fields.shape === 'flat' && fields.peakToAverage !== undefined && fields.peakToAverage > 1) {
    out.problem('flat', `a flat load has no ${formatNumber(fields.peakToAverage)}x peak; say "flat" or a peak`, EXAMPLES.shape, 'shape');
  }
  if (fields.peakToAverage === undefined && fields.shape !== undefined && fields.shape !== 'flat' && fields.shape !== 'business-hours' && !out.hasProblemFor('peakToAverage')) {
    fields.peakToAverage = DEFAULTS.peakToAverage[fields.shape];
    out.assume('peakToAverage', fields.peakToAverage, `peak not stated; ${fields.shape} load assumed to peak at ${fields.peakToAverage}x the mean`);
  }
  if (collected.interactive !== undefined) applyInteractive(fields, collected.interactive, out);
}

/** "interactive": default TTFT and TPOT targets for whichever of the two was not said. */
export function applyInteractive(fields: QueryFields, fragment: string, out: Extraction): void {
  const { ttftMs, ttftPercentile, tpotMs } = INTERACTIVE_DEFAULTS;
  const why = `"${fragment}": default interactive target`;
  if (fields.ttftMs === undefined) {
    fields.ttftMs = ttftMs;
    out.assume('ttftMs', ttftMs, why);
    if (fields.ttftPercentile === undefined) {
      fields.ttftPercentile = ttftPercentile;
      out.assume('ttftPercentile', ttftPercentile, why);
    }
  }
  if (fields.tpotMs === undefined && fields.tokensPerSecondPerUser === undefined) {
    fields.tpotMs = tpotMs;
    out.assume('tpotMs', tpotMs, `${why} (${1000 / tpotMs} tok/s per user)`);
  }
}
