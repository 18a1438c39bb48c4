/**
 * enUsNumber (src/engine/number-text.ts) against its oracle, toLocaleString('en-US'), on every kind of
 * number the sentences print: integers, prices, ties at the rounding digit, carries (9.9995), tiny and
 * huge magnitudes, negatives, -0 and non-finite values. A seeded generator, so a failure reproduces.
 */
import { describe, expect, it } from 'vitest';
import { enUsNumber } from '../../src/engine/number-text.ts';

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const oracle = (value: number, digits: number) => value.toLocaleString('en-US', { maximumFractionDigits: digits });

describe('enUsNumber', () => {
  it('matches toLocaleString on chosen edge cases', () => {
    const values = [0, -0, 1, -1, 5, 999, 1000, 1234.5678, 1.005, 2.675, 1.0005, 0.125, 0.0005, 9.9995, 99999.9996, 999999.5, -0.0004, -1.5, -2.5,
      1e-7, 1.5e-6, 123456789.125, 1e20, 1e21, 2 ** 53, Number.MAX_VALUE, Number.MIN_VALUE, Infinity, -Infinity, NaN, 0.1 + 0.2, 1 / 3, 2 / 3];
    for (const value of values) for (let digits = 0; digits <= 8; digits++) expect(enUsNumber(value, digits), `${value} @${digits}`).toBe(oracle(value, digits));
  });

  it('matches toLocaleString on 5,000 seeded values of every magnitude, default digits included', () => {
    const random = seeded(20);
    const mismatches: string[] = [];
    const check = (value: number, digits: number | undefined, expected: string) => {
      const got = digits === undefined ? enUsNumber(value) : enUsNumber(value, digits);
      if (got !== expected) mismatches.push(`${value} @${digits}: ${got} != ${expected}`);
    };
    for (let i = 0; i < 5_000; i++) {
      const magnitude = 10 ** Math.floor(random() * 16 - 7);
      const raw = (random() - 0.2) * magnitude;
      // Half the values have few decimals, so ties at the rounding digit (x.xx5) come up often.
      const value = i % 2 === 0 ? raw : Number(raw.toFixed(Math.floor(random() * 6)));
      const digits = Math.floor(random() * 9);
      check(value, digits, oracle(value, digits));
      check(value, undefined, value.toLocaleString('en-US'));
    }
    expect(mismatches).toEqual([]);
  });
});
