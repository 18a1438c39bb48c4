/**
 * Robustness: 100,000 generated and mutated inputs (two files of 50,000 so they run on both cores):
 * no exception and every result fits QuerySchema. Speed (target: no input takes 10 ms or more) is
 * measured by `npm run bench` (bench/query-fuzz.bench.ts) on the same seeded inputs.
 */
import { describe, expect, it } from 'vitest';
import { fuzz } from './fuzz-run.ts';

describe('fuzz: parseQuery and applyFollowUp never throw (part 1)', () => {
  it('50,000 inputs, seed 1', () => {
    expect(fuzz(1, 50_000).checked).toBe(50_000);
  });
});
