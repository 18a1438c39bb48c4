/** The fuzz loop shared by fuzz.test.ts and fuzz-more.test.ts. */
import { applyFollowUpStrict } from '../../src/query/follow-up.ts';
import { parseQueryStrict } from '../../src/query/parse-query.ts';
import { QuerySchema, type ParsedQuery } from '../../src/query/schema.ts';
import { FIXTURE_VOCABULARY } from './fixture-vocabulary.ts';
import { generateInput, GOOD, mulberry32 } from './fuzz-inputs.ts';

export const LIMIT_MS = 10;

function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** Fastest of `runs` timings: an input's own cost, without GC pauses or a busy neighbour. */
function fastest(run: () => unknown, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i += 1) best = Math.min(best, timed(run));
  return best;
}

export function fuzz(seed: number, count: number): { slowestMs: number; slowestInput: string } {
  const rand = mulberry32(seed);
  const base: ParsedQuery = parseQueryStrict(GOOD[0]!, FIXTURE_VOCABULARY);
  for (let i = 0; i < 200; i += 1) parseQueryStrict(GOOD[i % GOOD.length]!, FIXTURE_VOCABULARY); // warm up
  const timings: { ms: number; input: string; run: () => void }[] = [];
  for (let i = 0; i < count; i += 1) {
    const input = generateInput(rand);
    const asFollowUp = i % 5 === 0;
    let result: ParsedQuery | undefined;
    const run = (): void => {
      result = asFollowUp ? applyFollowUpStrict(base, input, FIXTURE_VOCABULARY).query : parseQueryStrict(input, FIXTURE_VOCABULARY);
    };
    const ms = timed(run);
    const check = QuerySchema.safeParse(result);
    if (!check.success) throw new Error(`invalid result for ${JSON.stringify(input.slice(0, 200))}: ${check.error.message}`);
    if (ms >= LIMIT_MS / 4) timings.push({ ms, input, run });
  }
  // Re-time the slowest candidates at the end, away from whatever made them slow the first time.
  let slowestMs = 0;
  let slowestInput = '';
  for (const t of timings.sort((a, b) => b.ms - a.ms).slice(0, 50)) {
    const ms = fastest(t.run, 3);
    if (ms > slowestMs) {
      slowestMs = ms;
      slowestInput = t.input;
    }
  }
  return { slowestMs, slowestInput };
}
