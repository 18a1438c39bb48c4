/**
 * Prefix caching and speculative decoding through the words door to the answer (issue 24): understood,
 * stated in the answer with what they assume, and moving the cost the way the physics says.
 */
import { describe, expect, it } from 'vitest';
import { answer } from '../../src/advice/answer.ts';
import { workloadFromFollowUp, workloadFromWords } from '../../src/advice/from-words.ts';
import { speculativeModeText } from '../../src/advice/serving-mode-text.ts';
import type { Workload } from '../../src/advice/workload.ts';
import { loadCatalogOrThrow } from '../../src/catalog/index.ts';
import { loadCalibration } from '../../src/catalog/load-calibration.ts';

const catalog = loadCatalogOrThrow();
const calibration = loadCalibration();
const DAY = '2026-12-03';
const words = (text: string): Workload => {
  const built = workloadFromWords(text, catalog, DAY);
  if (!built.ok) throw new Error(JSON.stringify(built.problems));
  return built.workload;
};
const advise = (w: Workload) => answer(w, catalog, calibration, 'advise');
const BASE = 'llama 70b, 8k in / 500 out, 5 rps, flat';

describe('75% prefix cache hits on an 8k-token prompt', () => {
  const plain = advise(words(BASE));
  const cached = advise(words(`${BASE}, 75% prefix cache hits`));

  it('reaches the engine as 0.75 and is stated with its routing assumption', () => {
    expect(cached.request.prefixCacheHitFraction).toBe(0.75);
    const stated = cached.assumptions.find((a) => a.name === 'prefix-cache hit fraction');
    expect(stated?.value).toMatch(/75 % of input tokens are served from the prefix cache/);
    expect(stated?.value).toMatch(/prefix-affinity routing/);
    expect(stated?.value).toMatch(/round-robin/);
  });

  it('cuts the full-load $/M output tokens by a plausible share: prefill of 8k tokens dominates, a quarter of it remains', () => {
    const before = plain.recommendation!.fullLoadDollarsPerMillionOutputTokens;
    const after = cached.recommendation!.fullLoadDollarsPerMillionOutputTokens;
    // Upper bound: skipping 75 % of prefill cannot cut more than 75 % of the GPU-time (decode stays).
    expect(after / before).toBeGreaterThan(0.25);
    expect(after / before).toBeLessThan(0.8);
    expect(cached.recommendation!.effectiveDollarsPerMillionOutputTokens).toBeLessThan(plain.recommendation!.effectiveDollarsPerMillionOutputTokens);
  });
});

describe('speculative decoding in the answer', () => {
  it('"eagle3 with 3 draft tokens at 60% acceptance": method and acceptance stated, in the serving mode', () => {
    const w = words('llama 70b, 2k in / 500 out, 5 rps, eagle3 with 3 draft tokens at 60% acceptance');
    expect(w.request.speculative).toEqual({ method: 'eagle3', draftTokens: 3, acceptanceRate: 0.6 });
    const report = advise(w);
    expect(report.assumptions.find((a) => a.name === 'speculative decoding')?.value).toMatch(/EAGLE-3, 3 draft tokens per step at 60 % acceptance per token \(as stated\): 2\.18 tokens/);
    expect(speculativeModeText(report.request)).toBe(' + EAGLE-3 speculative decoding (3 draft tokens, 60 % acceptance)');
  });

  it('"with speculative decoding": the published default acceptance, with its source', () => {
    const w = words('llama 70b, 2k in / 500 out, 5 rps, with speculative decoding');
    expect(w.request.speculative).toEqual({ method: 'eagle3', draftTokens: 3, acceptanceRate: 0.7 });
    const stated = w.assumptions.find((a) => a.name === 'speculative decoding')?.value;
    expect(stated).toMatch(/70 % acceptance per token \(default for EAGLE-3, estimate from EAGLE-3: Scaling up Inference Acceleration/);
  });

  it('a small-batch interactive workload costs less with it: decode is bandwidth-bound there', () => {
    const tight = 'llama 70b, 1k in / 1k out, 2 rps, flat, TPOT 15 ms';
    const off = advise(words(tight)).recommendation!;
    const on = advise(words(`${tight}, eagle3 with 3 draft tokens at 70% acceptance`)).recommendation!;
    expect(on.effectiveDollarsPerMillionOutputTokens).toBeLessThan(off.effectiveDollarsPerMillionOutputTokens);
  });

  it('a draft model the catalog lacks is refused with the field and an example', () => {
    const built = workloadFromWords('llama 70b, 2k in / 500 out, 5 rps, tinyllama-1b as draft model', catalog, DAY);
    expect(built.ok).toBe(false);
    expect(!built.ok && built.problems[0]?.field).toBe('speculative');
  });
});

describe('follow-ups on a stored workload', () => {
  const first = words(`${BASE}, 75% prefix cache hits, eagle3 with 3 draft tokens at 60% acceptance`);

  it('"what if we turn speculative decoding off?" drops it from the request and the serving mode', () => {
    const next = workloadFromFollowUp(first.draft, 'what if we turn speculative decoding off?', catalog, DAY);
    expect(next.ok).toBe(true);
    if (next.ok) {
      expect(next.workload.request.speculative).toBeUndefined();
      expect(next.workload.request.prefixCacheHitFraction).toBe(0.75);
      expect(next.changes?.map((c) => c.field)).toEqual(['speculative']);
    }
  });

  it('"prefix hits drop to 30%" changes the hit rate only', () => {
    const next = workloadFromFollowUp(first.draft, 'prefix hits drop to 30%', catalog, DAY);
    expect(next.ok && next.workload.request.prefixCacheHitFraction).toBe(0.3);
    expect(next.ok && next.workload.request.speculative?.method).toBe('eagle3');
  });
});
