/** The same reading against the real data/ catalog, through vocabularyFromCatalog. */
import { describe, expect, it } from 'vitest';
import { loadCatalogOrThrow } from '../../src/catalog/index.ts';
import { parseQuery } from '../../src/query/parse-query.ts';
import { buildWorkload } from '../../src/advice/build-workload.ts';
import { draftFromQuery } from '../../src/query/to-advice-request.ts';
import { vocabularyFromCatalog } from '../../src/query/vocabulary.ts';

const V = vocabularyFromCatalog(loadCatalogOrThrow());

describe('parseQuery with the real catalog', () => {
  it.each([
    ['llama 70b', 'llama-3.3-70b'],
    ['Llama-3.3-70B-Instruct', 'llama-3.3-70b'],
    ['llama 3.1 70b', 'llama-3.1-70b'],
    ['gpt-oss 120b', 'gpt-oss-120b'],
    ['r1', 'deepseek-r1'],
    ['deepseek-r1', 'deepseek-r1'],
    ['qwen3 235b', 'qwen3-235b-a22b'],
    ['kimi k2', 'kimi-k2'],
    ['mixtral 8x7b', 'mixtral-8x7b'],
  ])('%s -> %s', (text, model) => {
    const q = parseQuery(`${text}, 2k in / 500 out, 30 rps`, V);
    expect(q.problems).toEqual([]);
    expect(q.model).toBe(model);
  });
  it('platforms and vendors by their common names', () => {
    const q = parseQuery('llama 70b 30 rps compare h100 vs mi300x and b200, no TPUs, exclude gaudi, h200 at $2.50/hr', V);
    expect(q.problems).toEqual([]);
    expect(q.platforms).toEqual(['h100-sxm', 'mi300x', 'b200']);
    expect(q.excludeVendors).toEqual(['google']);
    expect(q.excludePlatforms).toEqual(['gaudi3']);
    expect(q.dollarsPerGpuHour).toEqual({ h200: 2.5 });
  });
  it('produces a request whose ids are catalog ids', () => {
    const built = buildWorkload(draftFromQuery(parseQuery('5.6M queries a week on deepseek-r1, 1000 input 4000 output, on trillium', V)), loadCatalogOrThrow(), { door: 'words', asOfDate: '2026-12-01' });
    if (!built.ok) throw new Error(JSON.stringify(built.problems));
    expect(built.workload.request.modelId).toBe('deepseek-r1');
    expect(built.workload.request.platforms).toEqual(['tpu-v6e']);
  });
});
