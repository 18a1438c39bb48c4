import { describe, expect, it } from 'vitest';
import { loadCatalogOrThrow } from '../../../src/catalog/index.ts';
import { loadCalibration } from '../../../src/catalog/load-calibration.ts';
import { estimatePerformance, type PerfRequest } from '../../../src/engine/performance/estimate.ts';
import { expectedTokensPerStep } from '../../../src/engine/performance/speculative.ts';
import { parseSpeculativeSetting, speculativeSettingText } from '../../../src/engine/performance/speculative-syntax.ts';

const catalog = loadCatalogOrThrow();
const calibration = loadCalibration();

function tpotMs(request: PerfRequest): number {
  const result = estimatePerformance(catalog, calibration, request);
  if (!result.ok) throw new Error(result.message);
  return result.estimate.tpotMs;
}

describe('expected tokens per verification step', () => {
  // Leviathan et al. 2023, eq. 1: (1 - a^(k+1)) / (1 - a).
  it('follows the closed form: a = 0.6, k = 3 gives 2.176; a -> 0 gives 1; a -> 1 gives k + 1', () => {
    expect(expectedTokensPerStep(0.6, 3)).toBeCloseTo(2.176, 3);
    expect(expectedTokensPerStep(0, 3)).toBe(1);
    expect(expectedTokensPerStep(0.999999, 3)).toBeCloseTo(4, 3);
  });
});

describe('speculative syntax', () => {
  it('reads method:k, a draft model, and a bare method with its default length', () => {
    expect(parseSpeculativeSetting('eagle3:3')).toEqual({ ok: true, settings: { method: 'eagle3', draftTokens: 3 } });
    expect(parseSpeculativeSetting('draft:llama-3.2-1b:4')).toEqual({ ok: true, settings: { method: 'draft', draftTokens: 4, draftModelId: 'llama-3.2-1b' } });
    expect(parseSpeculativeSetting('mtp')).toEqual({ ok: true, settings: { method: 'mtp', draftTokens: 3 } });
    expect(speculativeSettingText({ method: 'draft', draftTokens: 4, draftModelId: 'llama-3.1-8b' })).toBe('draft:llama-3.1-8b:4');
  });
  it('refuses an unknown method or a draft length out of range, with an example', () => {
    const bad = parseSpeculativeSetting('medusa:3');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/eagle3:3/);
    expect(parseSpeculativeSetting('eagle3:20').ok).toBe(false);
  });
});

describe('perf --speculative eagle3:3 --acceptance-rate 0.6', () => {
  const base = { platform: 'h100-sxm', precision: 'fp8' as const, inputTokens: 1024, outputTokens: 1024 };
  const spec = { speculative: { method: 'eagle3' as const, draftTokens: 3, acceptanceRate: 0.6 } };
  for (const [model, gpus] of [['llama-3.3-70b', 8], ['llama-3.1-8b', 1], ['gpt-oss-120b', 8]] as const) {
    it(`${model} on ${gpus} x H100: TPOT 1.3-2.6x faster at 8 requests in flight, less at 256`, () => {
      const at = (concurrency: number) => tpotMs({ ...base, model, gpus, concurrency }) / tpotMs({ ...base, model, gpus, concurrency, ...spec });
      const small = at(8);
      const large = at(256);
      expect(small).toBeGreaterThanOrEqual(1.3);
      expect(small).toBeLessThanOrEqual(2.6);
      expect(large).toBeLessThan(small);
    });
  }

  it('the verify step turns compute-bound at a large batch: one 70B replica on an H200 at 256 gains nothing', () => {
    const one = { ...base, platform: 'h200', model: 'llama-3.3-70b', gpus: 1, concurrency: 256 };
    expect(tpotMs({ ...one, ...spec })).toBeGreaterThan(tpotMs(one) * 0.95);
  });

  it('states the method and acceptance, and the default acceptance with its source when none is given', () => {
    const stated = estimatePerformance(catalog, calibration, { ...base, model: 'llama-3.3-70b', gpus: 8, concurrency: 8, ...spec });
    expect(stated.ok && stated.estimate.speculative?.text).toMatch(/EAGLE-3, 3 draft tokens per step at 60 % acceptance per token \(as stated\)/);
    const defaulted = estimatePerformance(catalog, calibration, { ...base, model: 'deepseek-r1', platform: 'h200', gpus: 8, concurrency: 8, speculative: { method: 'mtp', draftTokens: 3 } });
    expect(defaulted.ok && defaulted.estimate.speculative?.acceptanceRate).toBe(0.8);
    expect(defaulted.ok && defaulted.estimate.speculative?.acceptanceFrom).toMatch(/DeepSeek-V3 Technical Report.*estimate/);
  });

  it('the draft takes memory: a draft model lowers the batch that fits', () => {
    const plain = estimatePerformance(catalog, calibration, { ...base, platform: 'h200', model: 'llama-3.3-70b', gpus: 1 });
    const drafted = estimatePerformance(catalog, calibration, { ...base, platform: 'h200', model: 'llama-3.3-70b', gpus: 1, speculative: { method: 'draft', draftTokens: 4, draftModelId: 'llama-3.1-8b' } });
    expect(plain.ok && drafted.ok).toBe(true);
    if (plain.ok && drafted.ok) {
      expect(drafted.estimate.memory.weightGbPerGpu - plain.estimate.memory.weightGbPerGpu).toBeGreaterThan(7);
      expect(drafted.estimate.memory.maxBatchPerReplica).toBeLessThan(plain.estimate.memory.maxBatchPerReplica);
    }
  });

  it('a draft model the catalog lacks is refused with an example', () => {
    const r = estimatePerformance(catalog, calibration, { ...base, model: 'llama-3.3-70b', gpus: 1, speculative: { method: 'draft', draftTokens: 4, draftModelId: 'no-such-1b' } });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/draft:llama-3.1-8b:4/);
  });
});

describe('perf --prefix-cache-hit-rate', () => {
  it('75 % hits on an 8k prompt: TTFT falls by more than half (a quarter of the prefill remains); TPOT falls less (smaller prefill chunks ride in its steps)', () => {
    const request = { model: 'llama-3.3-70b', platform: 'h100-sxm', gpus: 8, precision: 'fp8' as const, inputTokens: 8000, outputTokens: 500, concurrency: 8 };
    const plain = estimatePerformance(catalog, calibration, request);
    const cached = estimatePerformance(catalog, calibration, { ...request, prefixCacheHitFraction: 0.75 });
    expect(plain.ok && cached.ok).toBe(true);
    if (!plain.ok || !cached.ok) return;
    expect(cached.estimate.ttftMs).toBeLessThan(plain.estimate.ttftMs * 0.5);
    expect(cached.estimate.ttftMs).toBeGreaterThan(plain.estimate.ttftMs * 0.15);
    expect(cached.estimate.tpotMs).toBeLessThanOrEqual(plain.estimate.tpotMs);
    expect(cached.estimate.tpotMs / plain.estimate.tpotMs).toBeGreaterThan(cached.estimate.ttftMs / plain.estimate.ttftMs);
    expect(cached.estimate.prefixCacheHitFraction).toBe(0.75);
  });
});
