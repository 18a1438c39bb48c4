/**
 * The fuzz loop shared by fuzz.test.ts, fuzz-more.test.ts and bench/query-fuzz.bench.ts. The tests
 * check behaviour only (no exception, every result fits QuerySchema); how long an input takes is the
 * bench's question, since a test must not fail because the machine is busy.
 */
import { applyFollowUpStrict } from '../../src/query/follow-up.ts';
import { parseQueryStrict } from '../../src/query/parse-query.ts';
import { QuerySchema, type ParsedQuery } from '../../src/query/schema.ts';
import { FIXTURE_VOCABULARY } from './fixture-vocabulary.ts';
import { generateInput, GOOD, mulberry32 } from './fuzz-inputs.ts';

export interface FuzzCase {
  readonly index: number;
  readonly input: string;
  /** Parses the input as a new question, or (every fifth case) as a follow-up to a good one. */
  readonly run: () => ParsedQuery;
}

/** `count` seeded cases: the same seed gives the same inputs. */
export function* fuzzCases(seed: number, count: number): Generator<FuzzCase> {
  const rand = mulberry32(seed);
  const base: ParsedQuery = parseQueryStrict(GOOD[0]!, FIXTURE_VOCABULARY);
  for (let index = 0; index < count; index += 1) {
    const input = generateInput(rand);
    const run = index % 5 === 0 ? () => applyFollowUpStrict(base, input, FIXTURE_VOCABULARY).query : () => parseQueryStrict(input, FIXTURE_VOCABULARY);
    yield { index, input, run };
  }
}

/** Runs every case; throws on the first exception or result outside QuerySchema, naming the seed and input. */
export function fuzz(seed: number, count: number): { checked: number } {
  let checked = 0;
  for (const c of fuzzCases(seed, count)) {
    let result: ParsedQuery;
    try {
      result = c.run();
    } catch (error) {
      throw new Error(`seed ${seed} case ${c.index} threw on ${JSON.stringify(c.input.slice(0, 200))}: ${(error as Error).message}`);
    }
    const check = QuerySchema.safeParse(result);
    if (!check.success) throw new Error(`seed ${seed} case ${c.index}: invalid result for ${JSON.stringify(c.input.slice(0, 200))}: ${check.error.message}`);
    checked += 1;
  }
  return { checked };
}
