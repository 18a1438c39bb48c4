import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_PARAMETERS } from '../../../src/engine/fleet/policy-parameters.ts';
import { simulateFleet, type LoadProfile } from '../../../src/engine/fleet/simulate-fleet.ts';
import type { Configuration } from '../../../src/engine/fleet/types.ts';
import { utilizationGap } from '../../../src/engine/fleet/utilization-gap.ts';
import { loadSeries, meanOf, peakOf, quantileOf } from '../../../src/engine/traffic/index.ts';
import { fleetConfiguration } from '../../fixtures/engine/fleet-configuration.ts';

function configuration(gpusPerWorker: number, deployUnitGpus: number, fullRequestsPerSecond = 10 * gpusPerWorker, ceilingFraction = 0.8): Configuration {
  return fleetConfiguration([{ role: 'replica', gpusPerWorker, fullRequestsPerSecond, ceilingFraction, sloRequestsPerSecond: ceilingFraction * fullRequestsPerSecond }], deployUnitGpus);
}

function profile(series: Float64Array): LoadProfile {
  return { requestsPerSecond: series, peakRequestsPerSecond: peakOf(series), meanRequestsPerSecond: meanOf(series), baseRequestsPerSecond: quantileOf(series, 0.3) };
}

const gapSum = (g: ReturnType<typeof utilizationGap>) => g.servedFraction + g.demandBelowCapacityFraction + g.replicaGranularityFraction + g.latencyHeadroomFraction + g.smallBatchFraction;

describe('simulateFleet', () => {
  it('a flat load that fills whole replicas runs at the utilization ceiling', () => {
    const flat = profile(loadSeries(80, { kind: 'flat' }, 'day').requestsPerSecond); // 80 req/s = 10 replicas x 8 at the ceiling
    const run = simulateFleet(configuration(1, 1), flat, 'static-peak', DEFAULT_POLICY_PARAMETERS);
    const gap = utilizationGap(run, 0.5);
    expect(run.peakGpus).toBe(10);
    expect(run.sloMissMinutes).toBe(0);
    expect(gap.servedFraction).toBeCloseTo(0.8, 6);
    expect(gap.latencyHeadroomFraction).toBeCloseTo(0.2, 6);
    expect(gapSum(gap)).toBeCloseTo(1, 12);
  });

  it('static for the peak at peak/mean = 1/0.3 uses about 30 % of its full-load capacity', () => {
    const diurnal = profile(loadSeries(24, { kind: 'diurnal', peakToAverage: 1 / 0.3 }, 'day').requestsPerSecond);
    const run = simulateFleet(configuration(1, 1, 10, 1), diurnal, 'static-peak', DEFAULT_POLICY_PARAMETERS);
    const gap = utilizationGap(run, 0.5);
    expect(gap.servedFraction).toBeGreaterThan(0.27);
    expect(gap.servedFraction).toBeLessThanOrEqual(0.3 + 1e-9);
    expect(gapSum(gap)).toBeCloseTo(1, 12);
  });

  it('autoscaling never pays for more GPU-minutes than static for the peak', () => {
    for (const shape of [{ kind: 'flat' }, { kind: 'diurnal', peakToAverage: 4 }, { kind: 'weekly', peakToAverage: 3, weekendFraction: 0.5 }] as const) {
      const load = profile(loadSeries(37, shape, 'week').requestsPerSecond);
      for (const config of [configuration(1, 1), configuration(2, 8), configuration(8, 8)]) {
        const fixed = simulateFleet(config, load, 'static-peak', DEFAULT_POLICY_PARAMETERS);
        const elastic = simulateFleet(config, load, 'reactive-autoscale', DEFAULT_POLICY_PARAMETERS);
        expect(elastic.baseGpuMinutes + elastic.elasticGpuMinutes).toBeLessThanOrEqual(fixed.baseGpuMinutes + fixed.elasticGpuMinutes);
      }
    }
  });

  it('an 8-GPU replica wastes more at low load than a 1-GPU one (granularity)', () => {
    const low = profile(loadSeries(3, { kind: 'diurnal', peakToAverage: 2 }, 'day').requestsPerSecond);
    const one = utilizationGap(simulateFleet(configuration(1, 1), low, 'reactive-autoscale', DEFAULT_POLICY_PARAMETERS), 0.5);
    const eight = utilizationGap(simulateFleet(configuration(8, 8), low, 'reactive-autoscale', DEFAULT_POLICY_PARAMETERS), 0.5);
    expect(eight.servedFraction).toBeLessThan(one.servedFraction);
    expect(eight.replicaGranularityFraction).toBeGreaterThan(one.replicaGranularityFraction);
  });

  it('a sudden spike misses the SLO while replicas start; static for the peak does not', () => {
    const series = new Float64Array(240).fill(5);
    series.fill(60, 120, 180);
    const load = profile(series);
    const elastic = simulateFleet(configuration(1, 1), load, 'reactive-autoscale', DEFAULT_POLICY_PARAMETERS);
    expect(elastic.sloMissMinutes).toBe(3); // the scale-up lag
    expect(elastic.servedRequests).toBeLessThan(elastic.demandedRequests);
    expect(simulateFleet(configuration(1, 1), load, 'static-peak', DEFAULT_POLICY_PARAMETERS).sloMissMinutes).toBe(0);
  });

  it('scale to zero pays nothing while there is no load', () => {
    const series = new Float64Array(600);
    series.fill(20, 100, 200);
    const run = simulateFleet(configuration(1, 1), profile(series), 'scale-to-zero', DEFAULT_POLICY_PARAMETERS);
    const autoscaled = simulateFleet(configuration(1, 1), profile(series), 'reactive-autoscale', DEFAULT_POLICY_PARAMETERS);
    expect(run.elasticGpuMinutes).toBeLessThan(autoscaled.elasticGpuMinutes);
    expect(run.sloMissMinutes).toBeGreaterThan(0); // cold start
  });

  it('reserved-plus-burst keeps a reserved base at the demand quantile and bursts above it', () => {
    const load = profile(loadSeries(40, { kind: 'diurnal', peakToAverage: 3 }, 'day').requestsPerSecond);
    const run = simulateFleet(configuration(1, 1), load, 'reserved-plus-burst', DEFAULT_POLICY_PARAMETERS);
    expect(run.baseGpuMinutes).toBe(Math.ceil(load.baseRequestsPerSecond / 8) * 1440);
    expect(run.elasticGpuMinutes).toBeGreaterThan(0);
  });
});
