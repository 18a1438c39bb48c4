/** Models named the way people name them (issues 16 and 26), against the real data/ catalog. */
import { describe, expect, it } from 'vitest';
import { loadCatalogOrThrow } from '../../src/catalog/index.ts';
import { findModel } from '../../src/engine/catalog/lookup.ts';
import { parseQuery } from '../../src/query/parse-query.ts';
import { vocabularyFromCatalog } from '../../src/query/vocabulary.ts';

const catalog = loadCatalogOrThrow();
const V = vocabularyFromCatalog(catalog);
const ask = (model: string) => parseQuery(`${model}, 2k in / 500 out, 10 rps`, V);

describe('current models in words', () => {
  it.each([
    ['deepseek v4 pro', 'deepseek-v4-pro'],
    ['glm 5.2', 'glm-5.2'],
    ['qwen3.6 27b', 'qwen3.6-27b'],
    ['Qwen3.8-27B', 'qwen3.8-27b'],
    ['minimax m3', 'minimax-m3'],
    ['nemotron nano 30b', 'nemotron-nano-30b'],
    ['qwen3 vl 235b', 'qwen3-vl-235b-a22b'],
    ['kimi k2 thinking', 'kimi-k2-thinking'],
    ['`deepseek v4 pro`', 'deepseek-v4-pro'],
    ['Qwen/Qwen3-32B', 'qwen3-32b'],
    ['70b llama', 'llama-3.3-70b'],
  ])('%s -> %s', (text, id) => {
    const q = ask(text);
    expect(q.problems).toEqual([]);
    expect(q.model).toBe(id);
  });
});

describe('names tokcost does not know', () => {
  it('suggests gpt-oss-120b for gtp-oss-120b, not a llama', () => {
    const q = ask('gtp-oss-120b');
    expect(q.model).toBeUndefined();
    expect(q.problems[0]?.message).toBe('unknown model "gtp-oss-120b"; did you mean gpt-oss-120b?');
  });

  it('names the unknown model and the closest known ones instead of "which model?"', () => {
    const q = ask('gpt-5');
    expect(q.problems.map((p) => p.message)).toEqual(['unknown model "gpt-5"; did you mean one of gpt-oss-120b, gpt-oss-20b?']);
  });

  it('says a hosted-only model has no weights to size', () => {
    expect(ask('claude-3.5').problems[0]?.message).toMatch(/"claude-3.5" is a hosted model whose weights are not published/);
  });
});

describe('a model by its size alone', () => {
  it('reads "a 30b dense model" as a typical 30B dense shape and says it is an estimate', () => {
    const q = ask('a 30b dense model');
    expect(q.problems).toEqual([]);
    expect(q.model).toBe('estimate-dense-30b');
    expect(q.assumptions.find((a) => a.field === 'model')?.reason).toMatch(/ESTIMATE/);
    expect(findModel(catalog, q.model!)?.source.basis).toBe('estimate');
  });

  it('reads "a 1T MoE with 32B active" and asks for the active size when it is missing', () => {
    expect(ask('a 1T MoE with 32B active').model).toBe('estimate-moe-1000b-a32b');
    expect(ask('a 1T MoE').problems[0]?.message).toMatch(/how many parameters are active/);
  });
});

describe('checkpoint names resolve to their catalog model', () => {
  it.each([
    ['nvidia/DeepSeek-R1-FP4', 'deepseek-r1'],
    ['Qwen/Qwen3-235B-A22B-Instruct-2507-FP8', 'qwen3-235b-a22b'],
    ['amd/Llama-3.1-405B-Instruct-FP8-KV', 'llama-3.1-405b'],
    ['NousResearch/Meta-Llama-3-8B-Instruct', 'llama-3-8b'],
    ['DeepSeek-R1 (nvidia/DeepSeek-R1-FP4)', 'deepseek-r1'],
    ['amd/GLM-5.2-MXFP4', 'glm-5.2'],
  ])('%s -> %s', (name, id) => {
    expect(findModel(catalog, name)?.id).toBe(id);
  });
});
