/** Second half of the fuzz run (see fuzz.test.ts), another seed, on the other core. */
import { describe, expect, it } from 'vitest';
import { fuzz, LIMIT_MS } from './fuzz-run.ts';

describe('fuzz (part 2)', () => {
  it('50,000 inputs, seed 2', () => {
    const { slowestMs, slowestInput } = fuzz(2, 50_000);
    console.log(`fuzz part 2: 50000 inputs, slowest ${slowestMs.toFixed(2)} ms (${JSON.stringify(slowestInput.slice(0, 80))}...)`);
    expect(slowestMs, slowestInput.slice(0, 300)).toBeLessThan(LIMIT_MS);
  }, 60_000);
});
