/** Second half of the fuzz run (see fuzz.test.ts), another seed, on the other core. */
import { describe, expect, it } from 'vitest';
import { fuzz } from './fuzz-run.ts';

describe('fuzz (part 2)', () => {
  it('50,000 inputs, seed 2', () => {
    expect(fuzz(2, 50_000).checked).toBe(50_000);
  });
});
