import { describe, expect, it } from 'vitest';
import { autoscaledWorkers, slidingMax } from '../../../src/engine/fleet/autoscaler.ts';

const base = { workerRequestsPerSecond: 10, targetUtilizationFraction: 1, minWorkers: 1, maxWorkers: 100, lagMinutes: 3, hysteresisMinutes: 15 };

describe('autoscaledWorkers', () => {
  it('adds workers at once but serves them only after the lag, paying from the decision', () => {
    const demand = [10, 10, 35, 35, 35, 35, 35];
    const { ready, paid } = autoscaledWorkers({ ...base, demandRequestsPerSecond: demand });
    expect(Array.from(ready)).toEqual([1, 1, 1, 1, 1, 4, 4]);
    expect(Array.from(paid)).toEqual([1, 1, 4, 4, 4, 4, 4]);
  });

  it('scales down only after the hysteresis window, never below the minimum', () => {
    const demand = [...Array(5).fill(50), ...Array(30).fill(0)];
    const { ready } = autoscaledWorkers({ ...base, demandRequestsPerSecond: demand, hysteresisMinutes: 10 });
    expect(ready[13]).toBe(5); // still inside the 10-minute window after the drop at minute 5
    expect(ready[14]).toBe(1);
    expect(Math.min(...ready)).toBe(1);
    const toZero = autoscaledWorkers({ ...base, minWorkers: 0, demandRequestsPerSecond: demand, hysteresisMinutes: 10 });
    expect(toZero.ready[34]).toBe(0);
  });
});

describe('slidingMax', () => {
  it('is the max of the trailing window', () => {
    expect(Array.from(slidingMax(Int32Array.from([1, 3, 2, 0, 0, 5, 1]), 3))).toEqual([1, 3, 3, 3, 2, 5, 5]);
  });
});
