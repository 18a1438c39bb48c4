/** Prefix caching and speculative decoding in words (issue 24), against the real catalog's vocabulary. */
import { describe, expect, it } from 'vitest';
import { loadCatalogOrThrow } from '../../src/catalog/index.ts';
import { applyFollowUp } from '../../src/query/follow-up.ts';
import { parseQuery } from '../../src/query/parse-query.ts';
import { vocabularyFromCatalog } from '../../src/query/vocabulary.ts';

const V = vocabularyFromCatalog(loadCatalogOrThrow());
const parse = (text: string) => parseQuery(text, V);

describe('prefix caching in words', () => {
  it.each([
    ['llama 70b, 8k in / 500 out, 10 rps, 75% prefix cache hits', 0.75],
    ['llama 70b, 8k in / 500 out, 10 rps, prefix cache hit rate of 60%', 0.6],
    ['llama 70b, 8k in / 500 out, 10 rps, 40% cache hits', 0.4],
    ['llama 70b, 8k in / 500 out, 10 rps, 30% of the prompt is cached', 0.3],
    ['llama 70b, 8k in / 500 out, 10 rps, no prefix caching', 0],
  ])('%s -> %s', (text, fraction) => {
    const q = parse(text);
    expect(q.problems).toEqual([]);
    expect(q.prefixCacheHitFraction).toBe(fraction);
    expect(q.inputTokens).toBe(8000);
    expect(q.requestsPerSecond).toBe(10);
  });

  it('a 4k shared system prompt of an 8k input is half the input from the cache, stated', () => {
    const q = parse('llama 70b, 8k in / 500 out, 10 rps, a 4k shared system prompt');
    expect(q.problems).toEqual([]);
    expect(q.prefixCacheHitFraction).toBe(0.5);
    expect(q.assumptions.find((a) => a.field === 'prefixCacheHitFraction')?.reason).toMatch(/4000-token shared prompt of 8000 input tokens/);
  });

  it('refuses a hit rate of 100 % or more, and a shared prompt longer than the input, with examples', () => {
    const full = parse('llama 70b, 8k in / 500 out, 10 rps, 100% prefix cache hits');
    expect(full.problems[0]?.message).toMatch(/0 to below 100 %/);
    const long = parse('llama 70b, 2k in / 500 out, 10 rps, a 4k shared system prompt');
    expect(long.problems[0]?.example).toMatch(/shared system prompt/);
  });
});

describe('speculative decoding in words', () => {
  it('"with speculative decoding": EAGLE-3 with 3 draft tokens, both stated as assumptions', () => {
    const q = parse('llama 70b, 2k in / 500 out, 10 rps, with speculative decoding');
    expect(q.problems).toEqual([]);
    expect(q.speculative).toEqual({ method: 'eagle3', draftTokens: 3 });
    expect(q.assumptions.map((a) => a.field)).toEqual(expect.arrayContaining(['speculative', 'speculativeDraftTokens']));
  });

  it.each([
    ['eagle3 with 3 draft tokens at 60% acceptance', { method: 'eagle3', draftTokens: 3, acceptanceRate: 0.6 }],
    ['EAGLE-3, 4 draft tokens, acceptance rate 0.7', { method: 'eagle3', draftTokens: 4, acceptanceRate: 0.7 }],
    ['MTP-3', { method: 'mtp', draftTokens: 3 }],
    ['mtp with 2 draft tokens at 85% acceptance', { method: 'mtp', draftTokens: 2, acceptanceRate: 0.85 }],
    ['llama-3.1-8b as draft model with 4 draft tokens', { method: 'draft', draftTokens: 4, draftModelId: 'llama-3.1-8b' }],
  ])('%s', (phrase, expected) => {
    const q = parse(`llama 70b, 2k in / 500 out, 10 rps, ${phrase}`);
    expect(q.problems).toEqual([]);
    expect(q.model).toBe('llama-3.3-70b');
    expect(q.speculative).toEqual(expected);
    expect(q.inputTokens).toBe(2000);
  });

  it('refuses an acceptance of 100 % and a draft of 20 tokens, with an example', () => {
    expect(parse('llama 70b 10 rps eagle3 at 100% acceptance').problems[0]?.example).toMatch(/eagle3 with 3 draft tokens/);
    expect(parse('llama 70b 10 rps eagle3 with 20 draft tokens').problems[0]?.message).toMatch(/1 to 8/);
  });
});

describe('follow-ups on the serving options', () => {
  const first = parse('llama 70b, 8k in / 500 out, 10 rps, 75% prefix cache hits, eagle3 with 3 draft tokens at 60% acceptance');

  it('"what if we turn speculative decoding off?" sets it off and keeps the rest', () => {
    const r = applyFollowUp(first, 'what if we turn speculative decoding off?', V);
    expect(r.problems).toEqual([]);
    expect(r.query.speculative).toBe('off');
    expect(r.query.prefixCacheHitFraction).toBe(0.75);
    expect(r.changes.map((c) => c.field)).toEqual(['speculative']);
  });

  it('"prefix hits drop to 30%" changes only the hit rate', () => {
    const r = applyFollowUp(first, 'prefix hits drop to 30%', V);
    expect(r.problems).toEqual([]);
    expect(r.query.prefixCacheHitFraction).toBe(0.3);
    expect(r.changes.map((c) => c.field)).toEqual(['prefixCacheHitFraction']);
  });
});
