import { describe, expect, it } from 'vitest';
import { loadCatalogOrThrow } from '../../../src/catalog/index.ts';
import { findModel } from '../../../src/engine/catalog/lookup.ts';
import { kvBytesForContext, kvBytesPerTokenFullLayers, kvShardFraction, weightBytes } from '../../../src/engine/performance/memory.ts';

const catalog = loadCatalogOrThrow();
const model = (id: string) => findModel(catalog, id)!;

describe('KV cache and weight bytes', () => {
  it('matches config.json arithmetic for GQA (Llama 3.1 70B)', () => {
    // ../shared/data/models.json kv_cache_bytes_per_token: bf16 327,680 = 2 x 80 layers x 8 KV heads x 128 x 2 bytes.
    expect(kvBytesPerTokenFullLayers(model('llama-3.1-70b'), 'bf16')).toBe(327_680);
    expect(kvBytesPerTokenFullLayers(model('llama-3.1-70b'), 'fp8')).toBe(163_840);
  });

  it('matches config.json arithmetic for MLA (DeepSeek-R1)', () => {
    // models.json: bf16 70,272 = 61 layers x (kv_lora_rank 512 + qk_rope_head_dim 64) x 2 bytes.
    expect(kvBytesPerTokenFullLayers(model('deepseek-r1'), 'bf16')).toBe(70_272);
  });

  it('caps sliding-window layers at their window (gpt-oss-120b: 18 of 36 layers, 128 tokens)', () => {
    const m = model('gpt-oss-120b');
    // Full layers: 36,864 bytes/token in bf16 (models.json); window layers add 18 x 2 x 8 x 64 x 2 x 128 tokens.
    const windowBytes = 18 * 2 * 8 * 64 * 2 * 128;
    expect(kvBytesForContext(m, 'bf16', 10_000)).toBe(36_864 * 10_000 + windowBytes);
    expect(kvBytesForContext(m, 'bf16', 64)).toBe(36_864 * 64 + 18 * 2 * 8 * 64 * 2 * 64);
  });

  it('splits GQA KV heads under TP and replicates them past the head count', () => {
    expect(kvShardFraction(model('llama-3.1-70b'), 4)).toBe(0.25);
    // 8 KV heads on 16 ranks: each rank still holds one whole head.
    expect(kvShardFraction(model('llama-3.1-70b'), 16)).toBe(1 / 8);
  });

  it('weighs Llama 3.1 70B at about 70.6 GB in FP8 plus BF16 embeddings', () => {
    // 70.55 B params (models.json); embeddings (2 x 128,256 x 8,192 = 2.1 B) stay BF16: ~72.7 GB, 1 %.
    expect(weightBytes(model('llama-3.1-70b'), 'fp8') / 1e9).toBeCloseTo(72.65, 0);
    expect(weightBytes(model('llama-3.1-70b'), 'bf16') / 1e9).toBeCloseTo(141.1, 0);
  });
});
