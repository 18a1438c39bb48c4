import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogWithModel, loadModelConfig } from '../../src/catalog/load-model-config.ts';
import { modelFromHfConfig } from '../../src/catalog/model-from-config.ts';
import { loadCatalogOrThrow } from '../../src/catalog/index.ts';
import { loadCalibration } from '../../src/catalog/load-calibration.ts';
import { estimatePerformance } from '../../src/engine/performance/estimate.ts';
import { findModel } from '../../src/engine/catalog/lookup.ts';
import { SHARED_DATA_DIR, hasSharedData } from '../shared-data-for-tests.ts';

const FIXTURE = new URL('../fixtures/model-configs/dense-30.75b-config.json', import.meta.url).pathname;
const identity = { id: 'x', name: 'x', hfRepo: 'x', aliases: [], source: { title: 't', asOf: '2026-12', basis: 'datasheet' as const } };
type SharedModel = { key: string; config: unknown; computed_total_params_b: number; computed_active_params_b: number };
const shared: SharedModel[] = hasSharedData ? JSON.parse(readFileSync(`${SHARED_DATA_DIR}models.json`, 'utf8')) : [];

describe('config.json -> Model', () => {
  it.skipIf(!hasSharedData)('reproduces the parameter counts ../shared/data computed from the same config.json files (0.1 %)', () => {
    for (const m of shared) {
      const result = modelFromHfConfig(m.config, identity);
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      expect(Math.abs(result.model.totalParams / 1e9 / m.computed_total_params_b - 1)).toBeLessThan(0.001);
      expect(Math.abs(result.model.activeParams / 1e9 / m.computed_active_params_b - 1)).toBeLessThan(0.001);
    }
  });

  it('names every missing field, with an example that works', () => {
    const result = modelFromHfConfig({ hidden_size: 4096 }, identity);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.join('\n')).toMatch(/num_attention_heads[\s\S]*vocab_size[\s\S]*num_hidden_layers/);
    expect(result.problems[0]).toMatch(/huggingface\.co\/Qwen\/Qwen3-32B/);
  });

  it('reads hybrid layouts: Gated DeltaNet layers keep a fixed state, not a KV cache', () => {
    const layer = ['linear_attention', 'linear_attention', 'linear_attention', 'full_attention'];
    const result = modelFromHfConfig(
      { hidden_size: 2048, num_hidden_layers: 8, num_attention_heads: 16, num_key_value_heads: 2, head_dim: 256, vocab_size: 1000, intermediate_size: 6144,
        layer_types: [...layer, ...layer], linear_num_key_heads: 16, linear_num_value_heads: 32, linear_key_head_dim: 128, linear_value_head_dim: 128 },
      identity,
    );
    expect(result.ok && result.model.attentionVariants?.recurrent).toMatchObject({ kind: 'linear-attention', layers: 6 });
    // FP32 state of 32 value heads x 128 x 128 = 2 MiB per layer per sequence, plus the BF16 conv window.
    if (result.ok) expect(result.model.attentionVariants!.recurrent!.stateBytesPerSequencePerLayer).toBeGreaterThan(32 * 128 * 128 * 4);
  });
});

describe('--model-config', () => {
  it('plans 30.75 GB of FP8 weights for a 30.75 B dense config.json (within 10 %)', () => {
    const loaded = loadModelConfig(FIXTURE);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    // 74 layers x (6144 wide, 48/8 heads of 128, SwiGLU 16384) + 2 x 151936 x 6144 embeddings = 30.73 B.
    expect(loaded.model.totalParams / 1e9).toBeCloseTo(30.73, 1);
    expect(loaded.model.id).toBe('config-dense-30.75b-instruct');
    const catalog = catalogWithModel(loadCatalogOrThrow(), loaded.model);
    const result = estimatePerformance(catalog, loadCalibration(), { model: loaded.model.id, platform: 'h200', gpus: 1, precision: 'fp8', inputTokens: 2048, outputTokens: 512 });
    expect(result.ok).toBe(true);
    if (result.ok) expect(Math.abs(result.estimate.memory.weightGbPerGpu / 30.75 - 1)).toBeLessThan(0.1);
  });

  it('says which file could not be read and how to get one', () => {
    const loaded = loadModelConfig('/nonexistent/config.json');
    expect(!loaded.ok && loaded.problems[0]).toMatch(/cannot read "\/nonexistent\/config.json" \(ENOENT\).*huggingface\.co/);
  });
});

describe('a model known by its size', () => {
  it('derives a typical dense shape that sums to the stated size, labelled an estimate', () => {
    const model = findModel(loadCatalogOrThrow(), 'estimate-dense-30b')!;
    expect(Math.abs(model.totalParams / 30e9 - 1)).toBeLessThan(0.02);
    expect(model.source.basis).toBe('estimate');
    expect(model.name).toMatch(/estimate/);
  });

  it('derives a typical MoE shape with the stated total and active parameters', () => {
    const model = findModel(loadCatalogOrThrow(), 'estimate-moe-1000b-a32b')!;
    expect(Math.abs(model.totalParams / 1000e9 - 1)).toBeLessThan(0.02);
    expect(model.activeParams).toBe(32e9);
    expect(model.moe?.expertsActive).toBe(8);
  });
});
