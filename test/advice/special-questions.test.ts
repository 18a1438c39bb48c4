/**
 * General questions and claim checks on the real catalog: answered with platforms, dollar figures at
 * several load levels and a reason computed from them; the claim names its conditions and the cost at
 * 30 % and 60 % load. Engine-heavy (several reports), so one question of each kind.
 */
import { describe, expect, it } from 'vitest';
import { answerSpecialQuestion } from '../../src/advice/special-questions.ts';
import type { ClaimCheck } from '../../src/advice/claim-check.ts';
import type { GeneralAnswer } from '../../src/advice/general-questions.ts';
import { loadCatalogOrThrow } from '../../src/catalog/index.ts';
import { loadCalibration } from '../../src/catalog/load-calibration.ts';

const catalog = loadCatalogOrThrow();
const calibration = loadCalibration();
const ask = (text: string) => answerSpecialQuestion(text, catalog, calibration, '2026-12-03');

describe('special questions on the real catalog', () => {
  it('answers the utilization question with platforms and $ at several load levels', () => {
    const result = ask('What does accelerator utilization do to effective cost per token, and which platforms are most efficient under partial load?');
    expect(result?.kind).toBe('answer');
    const answer = (result as { data: GeneralAnswer }).data;
    expect(answer.intent).toBe('curve');
    expect(answer.sections.map((s) => s.label)).toEqual(['1k/1k', '1k/8k', '8k/1k']);
    for (const s of answer.sections) {
      expect(s.platforms.length).toBeGreaterThanOrEqual(3);
      for (const p of s.platforms) expect(p.costs.map((c) => c.loadFraction)).toEqual([0.1, 0.3, 0.6, 1]);
      for (const p of s.platforms) for (const c of p.costs) expect(Number.isFinite(c.dollarsPerMillionOutputTokens) && c.dollarsPerMillionOutputTokens > 0).toBe(true);
      // The leader is the cheapest at 30 % load, and its reason cites that figure.
      const cheapest = Math.min(...s.platforms.map((p) => p.costs[1]!.dollarsPerMillionOutputTokens));
      expect(s.partialLoadLeader!.dollarsPerMillionOutputTokens).toBe(cheapest);
      expect(s.partialLoadLeader!.why).toContain(`${s.partialLoadLeader!.shortName} is cheapest at 30 % load`);
    }
    const text = (result as { text: string }).text;
    expect(text).toMatch(/10 % +30 % +60 % +100 %/);
    expect(text).toMatch(/\$\d/);
    expect(text).toMatch(/For your own workload/);
    expect(text).not.toMatch(/NaN|Infinity|e[+-]\d/);
  });

  it('checks a quoted price: conditions that reproduce it and the cost at 30 % and 60 % load', () => {
    const result = ask('Is it true that B200 does two cents per million tokens on gpt-oss-120b?');
    const check = (result as { data: ClaimCheck }).data;
    expect(check.kind).toBe('claim-check');
    expect(check.claimedDollarsPerMillionTokens).toBe(0.02);
    expect(check.platform).toBe('b200');
    expect(check.closest).not.toBeNull();
    expect(check.closest!.atLoad.map((a) => a.loadFraction)).toEqual([0.3, 0.6]);
    // Partial load costs more per token than full load under the same conditions.
    expect(check.closest!.atLoad[0]!.dollarsPerMillionTokens).toBeGreaterThan(check.closest!.dollarsPerMillionTokens);
    const text = (result as { text: string }).text;
    expect(text).toMatch(/(Reproduced|Not reproduced).*full load.*pricing.*tokens/s);
    expect(text).toMatch(/at 30 % load and .* at 60 % load/);
  });

  it('leaves workload questions to the usual path', () => {
    expect(ask('gpt-oss-120b, 2k in / 400 out, 30 rps, what does it cost?')).toBeNull();
  });
});
