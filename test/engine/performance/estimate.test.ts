import { describe, expect, it } from 'vitest';
import { loadCatalogOrThrow } from '../../../src/catalog/index.ts';
import { loadCalibration } from '../../../src/catalog/load-calibration.ts';
import { estimatePerformance } from '../../../src/engine/performance/estimate.ts';

const catalog = loadCatalogOrThrow();
const calibration = loadCalibration();
const base = { gpus: 1, precision: 'fp8' as const, inputTokens: 1000, outputTokens: 1000 };

describe('estimatePerformance', () => {
  it('reproduces a published saturated row within its calibrated range', () => {
    // TensorRT-LLM perf overview v0.17: Llama 3.1 8B FP8, H200, TP1, 1000/1000 -> 17,538 output tok/s per GPU.
    const result = estimatePerformance(catalog, calibration, { ...base, model: 'llama-3.1-8b', platform: 'h200' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.estimate.basis).toBe('benchmarked');
    expect(Math.abs(result.estimate.outputTokensPerSecondPerGpu / 17_538 - 1)).toBeLessThan(0.25);
    expect(result.estimate.outputTokensPerSecondPerGpuRange.low).toBeLessThanOrEqual(result.estimate.outputTokensPerSecondPerGpu);
    expect(result.estimate.outputTokensPerSecondPerGpuRange.high).toBeGreaterThanOrEqual(result.estimate.outputTokensPerSecondPerGpu);
  });

  it('labels a platform with no measurement spec-only', () => {
    const result = estimatePerformance(catalog, calibration, { ...base, model: 'llama-3.1-8b', platform: 'gaudi3', precision: 'bf16' });
    expect(result.ok && result.estimate.basis).toBe('spec-only');
  });

  it('says how many GPUs a model needs when it does not fit', () => {
    const result = estimatePerformance(catalog, calibration, { ...base, model: 'llama-3.1-405b', platform: 'h100', precision: 'bf16' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('does-not-fit');
    expect(result.message).toMatch(/needs at least 16 GPUs/);
  });

  it('answers FP4 on a chip without FP4 tensor cores as weight-only (FP4 weights, BF16 math)', () => {
    const result = estimatePerformance(catalog, calibration, { ...base, model: 'llama-3.1-8b', platform: 'h100', precision: 'fp4' });
    expect(result.ok && result.estimate.precisionAsDeployed).toEqual({ weights: 'fp4', compute: 'bf16', kvCache: 'fp8', weightOnly: true });
  });

  it('names unknown ids', () => {
    const result = estimatePerformance(catalog, calibration, { ...base, model: 'lama-70', platform: 'h100' });
    expect(!result.ok && result.code).toBe('unknown-model');
  });

  it('splits concurrency across replicas and reports the parallelism used', () => {
    const result = estimatePerformance(catalog, calibration, { ...base, model: 'llama-3.3-70b', platform: 'h200', gpus: 8, concurrency: 64 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const p = result.estimate.parallelism;
    expect(p.replicas * p.gpusPerReplica).toBe(8);
    expect(result.estimate.saturated).toBe(false);
    expect(result.estimate.outputTokensPerSecondPerUser).toBeGreaterThan(10);
  });
});

describe('disaggregated estimates', () => {
  it('rate-matches prefill and decode workers and meets the TPOT target on the decode side', () => {
    const result = estimatePerformance(catalog, calibration, {
      model: 'llama-3.3-70b', platform: 'h200', gpus: 8, precision: 'fp8', inputTokens: 8192, outputTokens: 1024,
      servingMode: 'disaggregated', tpotTargetMs: 30,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const d = result.estimate.disaggregation!;
    expect(d.prefillWorkers).toBeGreaterThanOrEqual(1);
    expect(d.decodeWorkers).toBeGreaterThanOrEqual(1);
    expect((d.prefillWorkers + d.decodeWorkers) * d.gpusPerWorker).toBeLessThanOrEqual(8);
    expect(result.estimate.tpotMs).toBeLessThanOrEqual(30.0001);
    // KV of 8k tokens (1.3 GB in FP8) over NVLink (450 GB/s per direction, AIC) in well under 10 ms.
    expect(d.kvHandoffMs).toBeLessThan(10);
  });

  it('says when the GPUs cannot hold one prefill and one decode worker', () => {
    const result = estimatePerformance(catalog, calibration, { ...base, model: 'llama-3.3-70b', platform: 'h100', gpus: 1, servingMode: 'disaggregated' });
    expect(result.ok).toBe(false);
  });
});
