import { describe, expect, it } from 'vitest';
import { summaryText } from '../../../src/report-text/summary-text.ts';
import { advise } from '../../../src/engine/advise.ts';
import type { AdviceRequest } from '../../../src/engine/advice-types.ts';
import { adviseCatalog, FIXTURE_CALIBRATION } from '../../fixtures/engine/advise-catalog.ts';

const base: AdviceRequest = {
  modelId: 'dense-8b', inputTokens: 1000, outputTokens: 200, meanRequestsPerSecond: 400, shape: { kind: 'flat' }, horizon: 'day',
  latency: { ttftMs: 1000, ttftPercentile: 95, tpotMs: 40 }, pricing: { kind: 'rented' }, platforms: ['single'],
};

describe('effective cost range', () => {
  const report = advise(base, adviseCatalog(), FIXTURE_CALIBRATION);

  it("the main answer's JSON carries low/high for its effective cost, bracketing the point", () => {
    const json = JSON.parse(JSON.stringify(report));
    const c = json.recommendation;
    expect(c.effectiveDollarsPerMillionOutputTokensRange).toEqual({ low: expect.any(Number), high: expect.any(Number) });
    expect(c.effectiveDollarsPerMillionOutputTokensRange.low).toBeLessThan(c.effectiveDollarsPerMillionOutputTokens);
    expect(c.effectiveDollarsPerMillionOutputTokensRange.high).toBeGreaterThan(c.effectiveDollarsPerMillionOutputTokens);
    for (const cand of report.candidates) {
      const r = cand.effectiveDollarsPerMillionOutputTokensRange!;
      expect(r.low).toBeLessThanOrEqual(cand.effectiveDollarsPerMillionOutputTokens);
      expect(r.high).toBeGreaterThanOrEqual(cand.effectiveDollarsPerMillionOutputTokens);
      expect(cand.effectiveDollarsPerMillionTotalTokensRange!.high / r.high).toBeCloseTo(200 / 1200, 9);
    }
    expect(summaryText(report)).toMatch(/\$\d+\.\d+ \(\d+\.\d+-\d+\.\d+\) per million output tokens at your load/);
  });

  it('a flat load on 1-GPU units moves cost with 1 / throughput: spec-only band 0.6..1.4 (predicted / measured) -> x0.6..x1.4', () => {
    // Throughput multipliers are 1/1.4 and 1/0.6; with many 1-GPU replicas the fleet re-sizes almost proportionally.
    const c = advise({ ...base, meanRequestsPerSecond: 1000 }, adviseCatalog(), FIXTURE_CALIBRATION).recommendation!;
    const r = c.effectiveDollarsPerMillionOutputTokensRange!;
    expect(c.peakGpuCount).toBeGreaterThan(20); // 28: whole GPUs round the band by at most 1/28
    expect(r.high / c.effectiveDollarsPerMillionOutputTokens).toBeGreaterThan(1.35);
    expect(r.high / c.effectiveDollarsPerMillionOutputTokens).toBeLessThan(1.45);
    expect(r.low / c.effectiveDollarsPerMillionOutputTokens).toBeGreaterThan(0.58);
    expect(r.low / c.effectiveDollarsPerMillionOutputTokens).toBeLessThan(0.65);
  });
});
