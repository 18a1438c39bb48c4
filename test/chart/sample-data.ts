/**
 * Realistic sample inputs for chart tests and the bench: three platforms whose effective $/1M output
 * tokens at full load span ~0.05 to ~0.3 and rise as 1/load (the usage-vs-allocation identity), a
 * diurnal day peaking at 4x, and two capacity policies.
 */
import type { AdviceReport } from '../../src/engine/advice-types.ts';
import { loadSeries } from '../../src/engine/traffic/index.ts';
import type { OperatingPoint } from '../../src/chart/spec.ts';

const FULL_LOAD_DOLLARS: Record<string, number> = { b200: 0.052, h200: 0.11, mi355x: 0.075, h100: 0.2 };

export const PLATFORM_NAMES: Record<string, string> = { b200: 'NVIDIA B200', h200: 'NVIDIA H200', mi355x: 'AMD MI355X', h100: 'NVIDIA H100' };

export function sampleCostCurve(platforms: readonly string[] = ['b200', 'h200', 'mi355x']): AdviceReport['costCurve'] {
  return platforms.map((platform) => ({
    platform,
    points: Array.from({ length: 10 }, (_, i) => {
      const loadFraction = (i + 1) / 10;
      return { loadFraction, effectiveDollarsPerMillionOutputTokens: Number((FULL_LOAD_DOLLARS[platform]! / loadFraction).toFixed(4)) };
    }),
  }));
}

/** The same curves, B200 also with its 8-GPU fleet held fixed (cost / utilization, the user's 35 % included). */
export function sampleCostCurveWithFixedFleet(): AdviceReport['costCurve'] {
  return sampleCostCurve().map((curve) => curve.platform !== 'b200' ? curve : {
    ...curve,
    fixedFleet: {
      gpus: 8,
      coversPeakUpToLoadFraction: 0.25,
      points: [0.1, 0.2, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1].map((loadFraction) => ({ loadFraction, effectiveDollarsPerMillionOutputTokens: Number((0.052 / loadFraction).toFixed(4)) })),
    },
  });
}

export const SAMPLE_OPERATING_POINT: OperatingPoint = {
  platform: 'b200',
  loadFraction: 0.35,
  effectiveDollarsPerMillionOutputTokens: Number((0.052 / 0.35).toFixed(4)),
};

export function sampleLoad(horizon: 'day' | 'week' = 'day'): { loadSeries: AdviceReport['loadSeries']; capacitySeries: AdviceReport['capacitySeries'] } {
  const shape = horizon === 'day' ? ({ kind: 'diurnal', peakToAverage: 4 } as const) : ({ kind: 'weekly', peakToAverage: 4, weekendFraction: 0.5 } as const);
  const load = Array.from(loadSeries(30, shape, horizon).requestsPerSecond, (v) => Number(v.toFixed(4)));
  const perReplica = 12; // requests/s one replica holds at its latency ceiling
  const peak = Math.max(...load);
  const staticPeak = load.map(() => Math.ceil(peak / perReplica) * perReplica);
  // Reactive: replicas follow the max load of the last 15 minutes, 10 % headroom, at least one.
  const reactive = load.map((_, m) => {
    const recent = Math.max(...load.slice(Math.max(0, m - 15), m + 1));
    return Math.max(1, Math.ceil((recent * 1.1) / perReplica)) * perReplica;
  });
  return {
    loadSeries: { stepMinutes: 1, requestsPerSecond: load },
    capacitySeries: [
      { label: 'static for peak', requestsPerSecond: staticPeak },
      { label: 'reactive autoscale', requestsPerSecond: reactive },
    ],
  };
}
