import { describe, expect, it } from 'vitest';
import { EMPTY_CALIBRATION, resolveEfficiencies, type CalibrationTable } from '../../../src/engine/performance/calibration.ts';
import { PRIOR_EFFICIENCIES } from '../../../src/engine/performance/efficiency.ts';

const platform = { efficiencies: { ...PRIOR_EFFICIENCIES, memoryBandwidthFraction: 0.7 }, pointCount: 40, modelIds: ['m1'], ratioP10: 0.8, ratioP90: 1.25 };
const vllm = { efficiencies: { ...PRIOR_EFFICIENCIES, memoryBandwidthFraction: 0.6 }, pointCount: 12, modelIds: ['m2'], ratioP10: 0.7, ratioP90: 1.4 };
const table: CalibrationTable = { ...EMPTY_CALIBRATION, platforms: { h200: platform }, platformEngines: { h200: { vllm } } };

describe('resolveEfficiencies', () => {
  it('uses a (platform, engine) fit as it is, without the engine multiplier', () => {
    const r = resolveEfficiencies(table, 'h200', 'm2', 'vllm');
    expect(r.efficiencies.memoryBandwidthFraction).toBe(0.6);
    expect(r.engineMultiplier).toBe(1);
    expect(r.basis).toBe('benchmarked');
    expect(r.lowMultiplier).toBeCloseTo(1 / 1.4, 9);
  });

  it('falls back to the platform fit and the engine multiplier for other engines', () => {
    const r = resolveEfficiencies(table, 'h200', 'm2', 'sglang');
    expect(r.efficiencies.memoryBandwidthFraction).toBe(0.7);
    expect(r.engineMultiplier).toBe(EMPTY_CALIBRATION.engineMultipliers.sglang);
    expect(r.basis).toBe('calibrated');
  });

  it('labels platforms without measurements spec-only, with the wide range', () => {
    const r = resolveEfficiencies(table, 'gaudi3', 'm1', 'other');
    expect(r.basis).toBe('spec-only');
    expect(r.efficiencies).toEqual(PRIOR_EFFICIENCIES);
    expect(r.highMultiplier).toBeCloseTo(1 / EMPTY_CALIBRATION.specOnlyRatioP10, 9);
  });

  it('lends a fitted platform\'s efficiencies to an unmeasured one of the same architecture', () => {
    const r = resolveEfficiencies(table, 'h200-nvl', 'm1', 'vllm');
    expect(r.efficienciesFrom).toBe('h200');
    expect(r.efficiencies.memoryBandwidthFraction).toBe(0.6);
    // Measured on the sibling, not on this platform: calibrated, never benchmarked.
    expect(r.basis).toBe('calibrated');
    expect(resolveEfficiencies(table, 'b300', 'm1', 'trtllm').basis).toBe('spec-only');
  });
});
