/**
 * Free text -> exact query. Pure and total: whatever the input, it returns a ParsedQuery whose
 * `problems` say what could not be understood (fragment, what is wrong, an example that works) and
 * whose `assumptions` list every default it filled in.
 */
import { applyBusinessHours } from './business-hours.ts';
import { applyPeakRate } from './peak-rate.ts';
import { applyDefaults } from './defaults.ts';
import { applySharedPrefix } from './prefix-cache.ts';
import { extract } from './extract.ts';
import { checkConsistency, finishQuery } from './finish-query.ts';
import { checkLoadBounds } from './load-bounds.ts';
import { EXAMPLES, type ParsedQuery } from './schema.ts';
import type { Vocabulary } from './vocabulary.ts';

/** Parse without the safety net (tests call this to prove no input throws). */
export function parseQueryStrict(text: string, vocabulary: Vocabulary): ParsedQuery {
  const { out, collected } = extract(text, vocabulary);
  const fields = { ...collected.fields };
  applyPeakRate(fields, collected.peakRequestsPerSecond, out);
  applyBusinessHours(fields, collected.rateUnitSeconds, out);
  applyDefaults(fields, collected, out, vocabulary);
  applySharedPrefix(fields, out);
  checkLoadBounds(fields, out);
  checkConsistency(fields, out);
  return finishQuery(fields, out);
}

export function parseQuery(text: string, vocabulary: Vocabulary): ParsedQuery {
  try {
    return parseQueryStrict(text, vocabulary);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      problems: [{ fragment: String(text).slice(0, 60), message: `internal error while reading this message (${detail})`, example: EXAMPLES.whole }],
      assumptions: [],
    };
  }
}
