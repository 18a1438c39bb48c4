import { describe, expect, it } from 'vitest';
import { summaryText } from '../../../src/report-text/summary-text.ts';
import { advise } from '../../../src/engine/advise.ts';
import type { AdviceRequest } from '../../../src/engine/advice-types.ts';
import { headlineMetricOf } from '../../../src/engine/recommend/headline-metric.ts';
import { adviseCatalog, FIXTURE_CALIBRATION } from '../../fixtures/engine/advise-catalog.ts';

const prefillHeavy: AdviceRequest = {
  modelId: 'dense-8b', inputTokens: 20_000, outputTokens: 200, meanRequestsPerSecond: 2, shape: { kind: 'diurnal', peakToAverage: 2 }, horizon: 'day',
  latency: { ttftMs: 10_000, ttftPercentile: 95, tpotMs: 60 }, pricing: { kind: 'rented' },
};

describe('headline metric', () => {
  it('prefill-heavy work (>= 20 input tokens per output token) leads with total tokens; chat leads with output tokens', () => {
    expect(headlineMetricOf(100_000, 200)).toBe('total-tokens');
    expect(headlineMetricOf(2048, 400)).toBe('output-tokens');
  });

  it('a 20k-in / 200-out answer leads with $ per total token and per request, and carries the input/output split', () => {
    const report = advise(prefillHeavy, adviseCatalog(), FIXTURE_CALIBRATION);
    expect(report.headlineMetric).toBe('total-tokens');
    expect(summaryText(report)).toMatch(/: \$[\d.]+ (\([\d.]+-[\d.]+\) )?per million total \(input \+ output\) tokens at your load, \$[\d.]+ at full load \(\$[\d.]+ per request; prefill takes \d+(\.\d)?% of the GPU-time/);
    for (const c of report.candidates) {
      const split = c.inputOutputSplit!;
      expect(split.inputShareOfCost).toBeGreaterThan(0.5); // 100 input tokens per output token: prefill dominates
      expect(split.inputShareOfCost).toBeLessThanOrEqual(1);
      // The split re-adds to the whole: $in x I + $out x O = $total x (I + O), per million.
      expect(split.effectiveDollarsPerMillionInputTokens * 20_000 + split.effectiveDollarsPerMillionOutputTokensDecodeOnly * 200).toBeCloseTo(c.effectiveDollarsPerMillionTotalTokens * 20_200, 6);
      expect(c.effectiveDollarsPerRequest!).toBeCloseTo((c.effectiveDollarsPerMillionTotalTokens * 20_200) / 1e6, 9);
    }
  });
});
