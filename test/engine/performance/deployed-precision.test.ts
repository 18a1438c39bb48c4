import { describe, expect, it } from 'vitest';
import { loadCatalogOrThrow } from '../../../src/catalog/index.ts';
import { loadCalibration } from '../../../src/catalog/load-calibration.ts';
import { findAccelerator } from '../../../src/engine/catalog/lookup.ts';
import { estimatePerformance } from '../../../src/engine/performance/estimate.ts';
import { deployedPrecision } from '../../../src/engine/performance/memory.ts';
import { buildReplica } from '../../../src/engine/performance/parallelism.ts';
import { resolveEfficiencies } from '../../../src/engine/performance/calibration.ts';
import { dequantSeconds } from '../../../src/engine/performance/step-time.ts';
import type { Precision } from '../../../src/engine/catalog/types.ts';

const catalog = loadCatalogOrThrow();
const calibration = loadCalibration();
const accelerator = (id: string) => findAccelerator(catalog, id)!;

function replica(modelId: string, platform: string, precision: Precision) {
  const model = catalog.models.find((m) => m.id === modelId)!;
  const resolved = resolveEfficiencies(calibration, platform, modelId, 'trtllm');
  return buildReplica({ model, accelerator: accelerator(platform), precision, engine: 'trtllm', efficiencies: resolved.efficiencies, engineMultiplier: resolved.engineMultiplier }, 1);
}

describe('precision as deployed', () => {
  it('keeps native formats native and runs narrower ones weight-only at BF16', () => {
    expect(deployedPrecision(accelerator('b200'), 'fp4')).toEqual({ weights: 'fp4', compute: 'fp4', kvCache: 'fp8', weightOnly: false });
    expect(deployedPrecision(accelerator('h200'), 'fp4')).toEqual({ weights: 'fp4', compute: 'bf16', kvCache: 'fp8', weightOnly: true });
    // A100 has no FP8 tensor cores (datasheet): FP8 checkpoints run W8A16.
    expect(deployedPrecision(accelerator('a100'), 'fp8')).toEqual({ weights: 'fp8', compute: 'bf16', kvCache: 'fp8', weightOnly: true });
    expect(deployedPrecision(accelerator('h200'), 'bf16')?.weightOnly).toBe(false);
  });

  it('answers gpt-oss-120b MXFP4 on one H200 with FP4 weight bytes (the shipped checkpoint is ~65 GB)', () => {
    const result = estimatePerformance(catalog, calibration, { model: 'gpt-oss-120b', platform: 'h200', gpus: 1, precision: 'fp4', inputTokens: 1024, outputTokens: 1024 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // 116.8 B parameters, ~114 B of them MXFP4 experts at 4.25 bits + BF16 embeddings: 60-70 GB.
    expect(result.estimate.memory.weightGbPerGpu).toBeGreaterThan(60);
    expect(result.estimate.memory.weightGbPerGpu).toBeLessThan(72);
    expect(result.estimate.precisionAsDeployed.weightOnly).toBe(true);
  });

  it('stores the FP4 weights of a dense model in 0.56 of the FP8 bytes on Hopper, and decodes faster at batch 1 (memory bound)', () => {
    const ask = (precision: Precision) => estimatePerformance(catalog, calibration, { model: 'llama-3.3-70b', platform: 'h200', gpus: 1, precision, inputTokens: 1024, outputTokens: 256, concurrency: 1 });
    const fp4 = ask('fp4');
    const fp8 = ask('fp8');
    expect(fp4.ok && fp8.ok).toBe(true);
    if (!fp4.ok || !fp8.ok) return;
    // 70.55 B parameters: 2.1 B embedding parameters kept at BF16 (4.2 GB) + 68.45 B at 0.5625 vs 1 byte.
    expect(fp4.estimate.memory.weightGbPerGpu).toBeCloseTo(4.2 + 68.45 * 0.5625, 0);
    expect(fp8.estimate.memory.weightGbPerGpu).toBeCloseTo(4.2 + 68.45, 0);
    expect(fp4.estimate.tpotMs).toBeLessThan(fp8.estimate.tpotMs);
  });

  it('charges dequantisation only to weight-only formats, once per 128-row tile', () => {
    const weightOnly = replica('llama-3.1-8b', 'h100-sxm', 'fp4');
    expect(dequantSeconds(replica('llama-3.1-8b', 'b200', 'fp4'), 64)).toBe(0);
    expect(dequantSeconds(replica('llama-3.1-8b', 'h100-sxm', 'fp8'), 64)).toBe(0);
    expect(dequantSeconds(weightOnly, 64)).toBeGreaterThan(0);
    expect(dequantSeconds(weightOnly, 256)).toBeCloseTo(2 * dequantSeconds(weightOnly, 128), 12);
  });
});
