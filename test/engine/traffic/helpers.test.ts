import { describe, expect, it } from 'vitest';
import {
  createSeededRandom,
  meanOf,
  peakOf,
  poissonArrivals,
  quantileOf,
  requestsPerSecondFrom,
} from '../../../src/engine/traffic/index.ts';

describe('series statistics', () => {
  it('peak, mean and type-7 quantiles (oracle: NumPy percentile defaults)', () => {
    const series = [3, 1, 4, 1, 5, 9, 2, 6];
    expect(peakOf(series)).toBe(9);
    expect(meanOf(new Float64Array(series))).toBe(3.875);
    expect(quantileOf(series, 0.5)).toBe(3.5); // np.percentile([3,1,4,1,5,9,2,6], 50)
    expect(quantileOf(series, 0.9)).toBeCloseTo(6.9, 12); // np.percentile(..., 90)
    expect(quantileOf(series, 0)).toBe(1);
    expect(quantileOf(series, 1)).toBe(9);
    expect(peakOf([])).toBe(0);
    expect(meanOf([])).toBe(0);
  });
});

describe('createSeededRandom', () => {
  it('repeats for the same seed, differs across seeds, stays in [0, 1)', () => {
    const a = createSeededRandom(42);
    const b = createSeededRandom(42);
    const c = createSeededRandom(43);
    const first = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(first);
    expect(c()).not.toBe(first[0]);
    expect(Math.min(...first)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...first)).toBeLessThan(1);
    expect(meanOf(first)).toBeCloseTo(0.5, 1);
  });
});

describe('poissonArrivals', () => {
  it('averages rate * seconds arrivals with exponential gaps (CV ~ 1), reproducibly', () => {
    const arrivals = poissonArrivals(50, 600, createSeededRandom(7));
    // Expected count 30000, sd ~173: a 2 % tolerance is ~3.5 sd.
    expect(Math.abs(arrivals.length / 30_000 - 1)).toBeLessThan(0.02);
    const gaps = arrivals.slice(1).map((t, i) => t - arrivals[i]!);
    const gapMean = meanOf(gaps);
    const gapSd = Math.sqrt(meanOf(gaps.map((g) => (g - gapMean) ** 2)));
    expect(gapSd / gapMean).toBeCloseTo(1, 1);
    expect(arrivals.every((t, i) => t >= 0 && t < 600 && (i === 0 || t > arrivals[i - 1]!))).toBe(true);
    expect(poissonArrivals(50, 600, createSeededRandom(7))).toEqual(arrivals);
    expect(poissonArrivals(0, 600, createSeededRandom(7))).toEqual([]);
  });
});

describe('requestsPerSecondFrom', () => {
  it('converts one stated volume', () => {
    expect(requestsPerSecondFrom({ perDay: 8_640_000 })).toEqual({ ok: true, requestsPerSecond: 100 });
    expect(requestsPerSecondFrom({ perWeek: 604_800 })).toEqual({ ok: true, requestsPerSecond: 1 });
    expect(requestsPerSecondFrom({ perMinute: 300 })).toEqual({ ok: true, requestsPerSecond: 5 });
    expect(requestsPerSecondFrom({ tokensPerDay: 1.728e9, tokensPerRequest: 2000 })).toEqual({ ok: true, requestsPerSecond: 10 });
  });

  it('says what is missing or conflicting instead of guessing', () => {
    expect(requestsPerSecondFrom({})).toEqual({ ok: false, problem: 'no-volume' });
    expect(requestsPerSecondFrom({ perDay: 1, perWeek: 7 })).toEqual({ ok: false, problem: 'several-volumes' });
    expect(requestsPerSecondFrom({ tokensPerDay: 1e9 })).toEqual({ ok: false, problem: 'missing-tokens-per-request' });
    expect(requestsPerSecondFrom({ perDay: 0 })).toEqual({ ok: false, problem: 'not-positive' });
  });
});
