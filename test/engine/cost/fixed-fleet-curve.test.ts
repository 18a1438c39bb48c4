import { describe, expect, it } from 'vitest';
import { advise } from '../../../src/engine/advise.ts';
import type { AdviceRequest } from '../../../src/engine/advice-types.ts';
import { adviseCatalog, FIXTURE_CALIBRATION } from '../../fixtures/engine/advise-catalog.ts';

const base: AdviceRequest = {
  modelId: 'dense-8b', inputTokens: 1000, outputTokens: 200, meanRequestsPerSecond: 40, shape: { kind: 'diurnal', peakToAverage: 3 }, horizon: 'day',
  latency: { ttftMs: 1000, ttftPercentile: 95, tpotMs: 40 }, pricing: { kind: 'rented' },
};

const workloads: [string, AdviceRequest][] = [
  ['diurnal 3x', base],
  ['flat', { ...base, shape: { kind: 'flat' } }],
  ['static only (single platform, tier)', { ...base, platforms: ['node'], pricing: { kind: 'rented', tier: 'rental-3y-neocloud' } }],
  ['owned (energy grows with tokens)', { ...base, pricing: { kind: 'owned' }, platforms: ['single'] }],
  ['low load', { ...base, meanRequestsPerSecond: 0.5 }],
];

describe('fixed-fleet cost curve', () => {
  it.each(workloads)('never rises with load (%s)', (_, request) => {
    const report = advise(request, adviseCatalog(), FIXTURE_CALIBRATION);
    expect(report.costCurve.length).toBeGreaterThan(0);
    for (const curve of report.costCurve) {
      const points = curve.fixedFleet!.points;
      expect(points.length).toBeGreaterThanOrEqual(10);
      for (let i = 1; i < points.length; i++) {
        expect(points[i]!.loadFraction).toBeGreaterThan(points[i - 1]!.loadFraction);
        expect(points[i]!.effectiveDollarsPerMillionOutputTokens).toBeLessThanOrEqual(points[i - 1]!.effectiveDollarsPerMillionOutputTokens * (1 + 1e-12));
      }
    }
  });

  it('is cost / utilization while the fleet covers the load: 10 % costs 2x what 20 % does (rented)', () => {
    const report = advise({ ...base, shape: { kind: 'flat' } }, adviseCatalog(), FIXTURE_CALIBRATION);
    const fixed = report.costCurve[0]!.fixedFleet!;
    const at = (f: number) => fixed.points.find((p) => Math.abs(p.loadFraction - f) < 1e-9)!.effectiveDollarsPerMillionOutputTokens;
    expect(fixed.coversPeakUpToLoadFraction).toBeGreaterThanOrEqual(0.2);
    expect(at(0.1) / at(0.2)).toBeCloseTo(2, 9);
  });

  it("the You marker lies on its own line: a static recommendation on the fixed fleet's, an elastic one on the re-sized line", () => {
    const policies = new Set<string>();
    for (const [, request] of workloads) {
      const report = advise(request, adviseCatalog(), FIXTURE_CALIBRATION);
      policies.add(report.recommendation!.policy);
      const op = report.costCurveOperatingPoint!;
      const curve = report.costCurve.find((c) => c.platform === op.platform)!;
      if (report.recommendation!.policy === 'static-peak') {
        expect(op.onLine).toBe('fixed-fleet');
        const own = curve.fixedFleet!.points.find((p) => Math.abs(p.loadFraction - op.loadFraction) < 1e-12)!;
        expect(own.effectiveDollarsPerMillionOutputTokens).toBeCloseTo(op.effectiveDollarsPerMillionOutputTokens, 9);
      } else {
        expect(op.onLine).toBe('re-sized');
      }
    }
    expect(policies.has('static-peak')).toBe(true);
  });
});
