import { describe, expect, it } from 'vitest';
import { scaleLoad } from '../../../src/engine/cost/cost-curve.ts';
import { autoscaledWorkers } from '../../../src/engine/fleet/autoscaler.ts';
import { coarseLoad } from '../../../src/engine/fleet/coarse-load.ts';
import { DEFAULT_POLICY_PARAMETERS } from '../../../src/engine/fleet/policy-parameters.ts';
import { repeatPeriodOf } from '../../../src/engine/fleet/repeat-period.ts';
import { simulateFleet, type LoadProfile } from '../../../src/engine/fleet/simulate-fleet.ts';
import type { Pool } from '../../../src/engine/fleet/types.ts';
import { loadSeries, meanOf, peakOf, quantileOf } from '../../../src/engine/traffic/index.ts';
import { fleetConfiguration } from '../../fixtures/engine/fleet-configuration.ts';

function pool(role: Pool['role'], gpusPerWorker: number, fullRequestsPerSecond: number): Pool {
  return { role, gpusPerWorker, fullRequestsPerSecond, ceilingFraction: 0.8, sloRequestsPerSecond: 0.8 * fullRequestsPerSecond };
}

const configuration = (pools: Pool[], deployUnitGpus: number) => fleetConfiguration(pools, deployUnitGpus, 7);

function profile(series: Float64Array): LoadProfile {
  return { requestsPerSecond: series, peakRequestsPerSecond: peakOf(series), meanRequestsPerSecond: meanOf(series), baseRequestsPerSecond: quantileOf(series, 0.3) };
}

const week = (shape: Parameters<typeof loadSeries>[1]) => loadSeries(41, shape, 'week').requestsPerSecond;

/** The same week with its last minute nudged, so it no longer repeats and every minute is stepped through. */
function nudged(series: Float64Array): Float64Array {
  const copy = Float64Array.from(series);
  copy[copy.length - 1]! *= 1 + 1e-12;
  return copy;
}

describe('repeatPeriodOf', () => {
  it('finds the day in a week of identical days, and none where days differ or the series is one day', () => {
    expect(repeatPeriodOf(week({ kind: 'diurnal', peakToAverage: 4 }))).toBe(1440);
    expect(repeatPeriodOf(week({ kind: 'flat' }))).toBe(1440);
    expect(repeatPeriodOf(week({ kind: 'weekly', peakToAverage: 3, weekendFraction: 0.5 }))).toBeNull();
    expect(repeatPeriodOf(nudged(week({ kind: 'diurnal', peakToAverage: 4 })))).toBeNull();
    expect(repeatPeriodOf(loadSeries(41, { kind: 'diurnal', peakToAverage: 4 }, 'day').requestsPerSecond)).toBeNull();
  });
});

describe('a repeating week is simulated as one', () => {
  it('the autoscaler gives the same workers every minute as when it steps through the whole week', () => {
    const demand = week({ kind: 'diurnal', peakToAverage: 5 });
    // One minute more breaks the period; the autoscaler is causal, so its first week must be the same.
    const longer = new Float64Array(demand.length + 1);
    longer.set(demand);
    for (const lagMinutes of [1, 7, 30]) {
      const input = { workerRequestsPerSecond: 3.3, targetUtilizationFraction: 0.9, minWorkers: 1, maxWorkers: 60, lagMinutes, hysteresisMinutes: 15 };
      const short = autoscaledWorkers({ ...input, demandRequestsPerSecond: demand });
      const full = autoscaledWorkers({ ...input, demandRequestsPerSecond: longer });
      expect(short.repeatsFromMinute).not.toBeNull();
      expect(full.repeatsFromMinute).toBeNull();
      expect(Array.from(short.ready)).toEqual(Array.from(full.ready.subarray(0, demand.length)));
      expect(Array.from(short.paid)).toEqual(Array.from(full.paid.subarray(0, demand.length)));
    }
  });

  it('every policy and pool layout sums to what stepping through every minute gives', () => {
    const configurations = [configuration([pool('replica', 1, 9)], 1), configuration([pool('replica', 2, 17)], 8), configuration([pool('prefill', 1, 23), pool('decode', 2, 11)], 8)];
    for (const shape of [{ kind: 'diurnal', peakToAverage: 4 }, { kind: 'flat' }] as const) {
      const repeating = profile(week(shape));
      const stepped = profile(nudged(repeating.requestsPerSecond));
      for (const config of configurations) {
        for (const policy of ['static-peak', 'reactive-autoscale', 'reserved-plus-burst'] as const) {
          const a = simulateFleet(config, repeating, policy, DEFAULT_POLICY_PARAMETERS, true);
          const b = simulateFleet(config, stepped, policy, DEFAULT_POLICY_PARAMETERS, true);
          for (const key of ['baseGpuMinutes', 'elasticGpuMinutes', 'peakGpus', 'minGpus', 'sloMissMinutes', 'roundedGpuMinutes'] as const) expect(a[key], `${policy} ${key}`).toBe(b[key]);
          expect(a.peakWorkers).toEqual(b.peakWorkers);
          for (const key of ['servedRequests', 'demandedRequests', 'fullLoadGpuMinutes', 'ceilingGpuMinutes'] as const) expect(a[key] / b[key], `${policy} ${key}`).toBeCloseTo(1, 9);
          expect(Array.from(a.capacityRequestsPerSecond!)).toEqual(Array.from(b.capacityRequestsPerSecond!));
        }
      }
    }
  });
});

describe('derived loads keep the period without a recheck', () => {
  it('a scaled copy and 10-minute buckets repeat as the original does, and the recorded period is the exact one', () => {
    const load = profile(week({ kind: 'diurnal', peakToAverage: 3 }));
    const coarse = coarseLoad(load, 10).requestsPerSecond;
    const scaled = scaleLoad(load, 0.37).requestsPerSecond;
    expect(repeatPeriodOf(coarse)).toBe(144);
    expect(repeatPeriodOf(Float64Array.from(coarse))).toBe(144);
    expect(repeatPeriodOf(scaled)).toBe(1440);
    expect(repeatPeriodOf(Float64Array.from(scaled))).toBe(1440);
    // 7 minutes to a bucket does not divide a day: no period is claimed.
    expect(repeatPeriodOf(coarseLoad(load, 7).requestsPerSecond)).toBeNull();
  });
});
