import { describe, expect, it } from 'vitest';
import { loadCatalogOrThrow } from '../../../src/catalog/index.ts';
import { type CalibrationTable, EMPTY_CALIBRATION, resolveEfficiencies } from '../../../src/engine/performance/calibration.ts';
import { estimatePerformance } from '../../../src/engine/performance/estimate.ts';
import { PRIOR_EFFICIENCIES } from '../../../src/engine/performance/efficiency.ts';

const band = (ratioP10: number, ratioP90: number) => ({ ratioP10, ratioP90, count: 40 });
// A table whose NVIDIA family has its own partial-load bands; other families use `all`.
const table: CalibrationTable = {
  ...EMPTY_CALIBRATION,
  fittedOn: '2026-12-03',
  platforms: { h200: { efficiencies: PRIOR_EFFICIENCIES, pointCount: 50, modelIds: ['llama-3.3-70b'], ratioP10: 0.8, ratioP90: 1.25 } },
  heldOutBands: {
    all: { saturatedThroughput: band(0.7, 1.4), partialLoadThroughput: band(0.6, 1.5), partialLoadTpot: band(0.5, 2), partialLoadTtft: band(0.4, 2.5) },
    byFamily: { nvidia: { partialLoadTpot: band(0.8, 1.25) } },
  },
};

describe('ranges from held-out error of the estimate\'s kind', () => {
  it('takes the saturated band for saturated throughput and the family\'s partial-load band where it has one', () => {
    const nvidia = resolveEfficiencies(table, 'h200', 'llama-3.3-70b', 'trtllm', 'nvidia');
    expect(nvidia.ranges.saturatedThroughput).toEqual({ low: 0.8, high: 1.25 });
    expect(nvidia.ranges.partialLoadTpot.low).toBeCloseTo(0.8, 9);
    expect(nvidia.ranges.partialLoadTpot.high).toBeCloseTo(1.25, 9);
    // No NVIDIA TTFT band: all rows' band (measured = predicted / ratio).
    expect(nvidia.ranges.partialLoadTtft.low).toBeCloseTo(0.4, 9);
    expect(nvidia.ranges.partialLoadTtft.high).toBeCloseTo(2.5, 9);
  });

  it('widens a spec-only platform\'s latency band to at least the spec-only throughput band', () => {
    const specOnly = resolveEfficiencies(table, 'mi355x', 'llama-3.3-70b', 'trtllm', 'amd');
    expect(specOnly.basis).toBe('spec-only');
    expect(specOnly.ranges.partialLoadTpot.low).toBeCloseTo(0.5, 9);
    expect(specOnly.ranges.partialLoadTpot.high).toBeCloseTo(2, 9);
    // The all-rows TTFT band (0.4-2.5) is wider than spec-only throughput's (0.6-1.4) and is kept; the
    // partial-load throughput band (0.6-1.5) grows to the spec-only 0.6 at its low ratio end.
    expect(specOnly.ranges.partialLoadThroughput.high).toBeCloseTo(1 / 0.6, 9);
    expect(specOnly.ranges.partialLoadThroughput.low).toBeCloseTo(1 / 1.5, 9);
  });

  it('gives a partial-load estimate its TPOT and TTFT ranges, and says which band it used', () => {
    const catalog = loadCatalogOrThrow();
    const base = { model: 'llama-3.3-70b', platform: 'h200', gpus: 8, precision: 'fp8' as const, inputTokens: 1024, outputTokens: 256 };
    const partial = estimatePerformance(catalog, table, { ...base, concurrency: 16 });
    const saturated = estimatePerformance(catalog, table, base);
    expect(partial.ok && saturated.ok).toBe(true);
    if (!partial.ok || !saturated.ok) return;
    expect(partial.estimate.rangeBasis).toBe('partial-load');
    expect(partial.estimate.tpotMsRange.low).toBeCloseTo(partial.estimate.tpotMs * 0.8, 6);
    expect(partial.estimate.tpotMsRange.high).toBeCloseTo(partial.estimate.tpotMs * 1.25, 6);
    expect(partial.estimate.outputTokensPerSecondPerGpuRange.low).toBeCloseTo(partial.estimate.outputTokensPerSecondPerGpu / 1.5, 6);
    expect(saturated.estimate.rangeBasis).toBe('saturated');
    expect(saturated.estimate.outputTokensPerSecondPerGpuRange.high).toBeCloseTo(saturated.estimate.outputTokensPerSecondPerGpu / 0.8, 6);
  });
});
