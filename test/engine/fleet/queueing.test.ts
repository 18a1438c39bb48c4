import { describe, expect, it } from 'vitest';
import { erlangC, singleServerWaitQuantileSeconds, slotWaitQuantileSeconds, utilizationCeiling } from '../../../src/engine/fleet/queueing.ts';

describe('erlangC', () => {
  it('equals rho for one server and the closed form for two (oracle: M/M/c textbook formulas)', () => {
    expect(erlangC(1, 0.7)).toBeCloseTo(0.7, 12);
    // M/M/2: C = 2 rho^2 / (1 + rho)
    expect(erlangC(2, 0.6)).toBeCloseTo((2 * 0.36) / 1.6, 12);
  });

  it('pools: more servers at the same utilization wait less', () => {
    expect(erlangC(64, 0.8)).toBeLessThan(erlangC(8, 0.8));
    expect(erlangC(8, 0.8)).toBeLessThan(erlangC(1, 0.8));
  });
});

describe('wait quantiles', () => {
  it('Kingman G/G/1: zero while the idle probability covers the tail, then grows without bound', () => {
    expect(singleServerWaitQuantileSeconds(0.1, 0.04, 1, 95)).toBe(0);
    // M/M/1 (v = 1): p95 wait = s/(1-rho) ln(rho/0.05); s = 0.1, rho = 0.8 -> 0.5 ln 16
    expect(singleServerWaitQuantileSeconds(0.1, 0.8, 1, 95)).toBeCloseTo(0.5 * Math.log(16), 12);
    expect(singleServerWaitQuantileSeconds(0.1, 0.99, 1, 95)).toBeGreaterThan(singleServerWaitQuantileSeconds(0.1, 0.9, 1, 95));
  });

  it('batch slots: the wait is zero until the slots are nearly full', () => {
    expect(slotWaitQuantileSeconds(256, 8, 0.5, 1, 95)).toBe(0);
    expect(slotWaitQuantileSeconds(256, 8, 0.99, 1, 95)).toBeGreaterThan(0);
  });
});

describe('utilizationCeiling', () => {
  it('finds the largest rho meeting the target, 0 when even an idle system misses, the cap without a target', () => {
    const ttft = (rho: number) => 0.2 + rho / (1 - rho) * 0.1;
    const rho = utilizationCeiling(ttft, 1);
    expect(ttft(rho)).toBeCloseTo(1, 6);
    expect(rho).toBeCloseTo(8 / 9, 6);
    expect(utilizationCeiling(ttft, 0.1)).toBe(0);
    expect(utilizationCeiling(ttft, undefined)).toBe(0.95);
    expect(utilizationCeiling(ttft, 100)).toBe(0.95);
  });
});
