import { describe, expect, it } from 'vitest';
import { applyFollowUp } from '../../src/query/follow-up.ts';
import { parseQuery } from '../../src/query/parse-query.ts';
import { FIXTURE_VOCABULARY as V } from './fixture-vocabulary.ts';

const FIRST = 'llama 70b, 2k in / 500 out, 30 rps, peaks 4x, p95 TTFT under 1s, only AMD';

describe('applyFollowUp: changes only what the text mentions', () => {
  const previous = parseQuery(FIRST, V);
  it.each([
    ['what if peak is 10x?', [{ field: 'peakToAverage', from: 4, to: 10 }]],
    ['and with 8k inputs', [{ field: 'inputTokens', from: 2000, to: 8000 }]],
    ['only nvidia', [{ field: 'vendors', from: ['amd'], to: ['nvidia'] }]],
    ['drop the TTFT target', [{ field: 'ttftMs', from: 1000, to: undefined }, { field: 'ttftPercentile', from: 95, to: undefined }]],
    ['use fp4', [{ field: 'precision', from: undefined, to: 'fp4' }]],
    ['on-prem at $0.08/kWh', [{ field: 'pricing', from: undefined, to: 'owned' }, { field: 'dollarsPerKwh', from: undefined, to: 0.08 }]],
    ['compare b200 and mi355x', [{ field: 'platforms', from: undefined, to: ['b200', 'mi355x'] }, { field: 'vendors', from: ['amd'], to: undefined }]],
    ['what about 60 rps', [{ field: 'requestsPerSecond', from: 30, to: 60 }]],
    ['double the traffic', [{ field: 'requestsPerSecond', from: 30, to: 60 }]],
    ['20% more traffic', [{ field: 'requestsPerSecond', from: 30, to: 36 }]],
    ['flat load', [{ field: 'peakToAverage', from: 4, to: undefined }, { field: 'shape', from: undefined, to: 'flat' }]],
    ['what about gpt-oss 120b?', [{ field: 'model', from: 'llama-3.3-70b', to: 'gpt-oss-120b' }]],
    ['no mi300x', [{ field: 'excludePlatforms', from: undefined, to: ['mi300x'] }]],
  ] as const)('%s', (text, changes) => {
    const result = applyFollowUp(previous, text, V);
    expect(result.problems).toEqual([]);
    expect(result.changes).toEqual(changes);
  });

  it('keeps everything else as it was', () => {
    const { query } = applyFollowUp(previous, 'use fp4', V);
    const { precision, ...rest } = query;
    expect(precision).toBe('fp4');
    expect(rest).toEqual(previous);
  });

  it('says when nothing in the text changes anything', () => {
    const result = applyFollowUp(previous, 'thanks, looks good', V);
    expect(result.changes).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.example).toBe('what if peak is 10x?');
  });

  it('a follow-up that names the model resolves an earlier model problem', () => {
    const broken = parseQuery('lama 70 at 30 rps', V);
    expect(broken.problems.map((p) => p.field)).toEqual(['model']);
    const { query } = applyFollowUp(broken, 'I meant llama 3.3 70b', V);
    expect(query.model).toBe('llama-3.3-70b');
    expect(query.problems).toEqual([]);
  });

  it('renting again drops the electricity price', () => {
    const owned = parseQuery('llama 70b 30 rps on-prem at $0.07/kWh', V);
    const { changes } = applyFollowUp(owned, 'what about renting on-demand?', V);
    expect(changes).toEqual([
      { field: 'pricing', from: 'owned', to: 'rented' },
      { field: 'tier', from: undefined, to: 'on-demand' },
      { field: 'dollarsPerKwh', from: 0.07, to: undefined },
    ]);
  });
});
