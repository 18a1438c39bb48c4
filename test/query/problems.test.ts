import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/query/parse-query.ts';
import { FIXTURE_VOCABULARY as V } from './fixture-vocabulary.ts';

const problemsOf = (text: string) => parseQuery(text, V).problems;

describe('problem messages name the fragment, what is wrong and an example that works', () => {
  it('suggests the model for a typo', () => {
    expect(problemsOf('lama 70, 30 rps')).toEqual([
      { fragment: 'lama 70', message: 'unknown model "lama 70"; did you mean llama-3.3-70b?', example: 'llama-3.3-70b', field: 'model' },
    ]);
  });
  it('lists the family for an unknown size', () => {
    const [p] = problemsOf('llama 13b, 30 rps');
    expect(p!.fragment).toBe('llama 13b');
    expect(p!.message).toContain('llama-3.1-8b');
  });
  it('asks for a model when none is named', () => {
    const [p] = problemsOf('2k in / 500 out, 30 rps');
    expect(p!.field).toBe('model');
    expect(p!.message).toMatch(/which model/);
    expect(parseQuery('llama 70b', V).problems).toEqual([]);
  });
  it('reports contradictions instead of picking one', () => {
    const [p] = problemsOf('llama 70b, 10 rps and 50 rps');
    expect(p!.fragment).toBe('10 rps / 50 rps');
    expect(p!.message).toBe('conflicting loads: "10 rps" and "50 rps" (10 vs 50); say one');
    expect(parseQuery('llama 70b, 10 rps and 50 rps', V).requestsPerSecond).toBeUndefined();
  });
  it('reports numbers it could not place', () => {
    const [p] = problemsOf('llama 70b, 30 rps, 200 users');
    expect(p!.fragment).toBe('200 users');
    expect(p!.example).toBe('200 concurrent users');
  });
  it('rejects negative and unusable values', () => {
    expect(problemsOf('llama 70b, -5 rps')[0]!.field).toBe('requestsPerSecond');
    expect(problemsOf('llama 70b, 30 rps, peaks 0.5x')[0]!.field).toBe('peakToAverage');
    expect(problemsOf('llama 70b int4 30 rps')[0]!.message).toMatch(/int4.*fp8, fp4 and bf16/);
  });
  it('asks which platform a bare $/hr is for', () => {
    expect(problemsOf('llama 70b 30 rps at $2/hr')[0]!.example).toBe('h100 at $1.99/hr');
  });
  it('flags owned and rented together', () => {
    expect(problemsOf('llama 70b 30 rps, spot, on-prem')[0]!.field).toBe('pricing');
  });
  it('flags a TPOT that contradicts the per-user speed', () => {
    expect(problemsOf('llama 70b 30 rps TPOT 20ms, 10 tok/s per user')[0]!.field).toBe('tpotMs');
  });
  it('says when the text was cut', () => {
    const problems = problemsOf(`llama 70b 30 rps ${'a'.repeat(5000)}`);
    expect(problems[0]!.message).toMatch(/only the first 4000 were read/);
  });
  it('lists defaults as assumptions, not silently', () => {
    // The parser states how it read the words; workload defaults are stated by buildWorkload (test/advice).
    const q = parseQuery('llama 70b', V);
    expect(q.assumptions.map((a) => a.field)).toEqual(['model']);
  });
});
