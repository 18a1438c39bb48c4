import { describe, expect, it } from 'vitest';
import { claimIntent, generalIntent } from '../../src/query/general-intent.ts';
import { FIXTURE_VOCABULARY as V } from './fixture-vocabulary.ts';

describe('general questions map to their planning report', () => {
  it.each([
    ['What does accelerator utilization do to effective cost per token, and which platforms are most efficient under partial load?', 'curve'],
    ['Which vendor is cheapest at a given throughput and latency target and where does the crossover change?', 'crossover'],
    ['A TCO report across the top chip makers: price, energy and memory cost per token', 'tco'],
    ['How does batch size efficiency relate to real cost per token?', 'batch'],
    ['How much more does a token cost when our GPUs sit idle half the day?', 'curve'],
    ['Which accelerator is the most cost-efficient for inference?', 'curve'],
    ['What do power and electricity add to the price per token if we own the hardware?', 'tco'],
    ['Does batching really make tokens cheaper?', 'batch'],
  ])('%s -> %s', (text, intent) => {
    expect(generalIntent(text)?.intents[0]).toBe(intent);
  });
  it.each([
    ['How sensitive is cost per token to batch sizes on H200 vs B200?', 'batch'],
    ['At what point does AMD become cheaper than NVIDIA for serving?', 'crossover'],
    ['rent vs buy GPUs for inference?', 'tco'],
    ['Is Blackwell worth it over Hopper for inference cost?', 'curve'],
  ])('a specific cue wins over "cost per token"; hardware and serving words fall back to the curve: %s -> %s', (text, intent) => {
    expect(generalIntent(text)?.intents[0]).toBe(intent);
  });
  it('marks a question with only fallback cues as weak (a stated workload then wins)', () => {
    expect(generalIntent('what would serving cost us?')?.weak).toBe(true);
    expect(generalIntent('what does utilization do to cost per token?')?.weak).toBeUndefined();
  });
  it('ignores workload questions and small talk', () => {
    expect(generalIntent('how much for lots of traffic')).toBeNull();
    expect(generalIntent('thanks, looks good')).toBeNull();
    expect(generalIntent('llama 70b 30 rps 2k/500')).toBeNull();
    expect(generalIntent('what is the weather like')).toBeNull();
  });
});

describe('claims quoting a price per million tokens', () => {
  it('reads number words, the platform and the model', () => {
    expect(claimIntent('Is it true that B200 does two cents per million tokens on gpt-oss-120b?', V)).toEqual({
      kind: 'claim', dollarsPerMillionTokens: 0.02, tokens: 'unspecified', platform: 'b200', model: 'gpt-oss-120b', fragment: '2 cents per million tokens',
    });
  });
  it('reads dollars, "per 1M output tokens" and half a cent', () => {
    expect(claimIntent('they say mi355x gets $0.05/1M output tokens on llama 70b', V)).toMatchObject({ dollarsPerMillionTokens: 0.05, tokens: 'output', platform: 'mi355x', model: 'llama-3.3-70b' });
    expect(claimIntent('can h100 really do half a cent per million tokens?', V)).toMatchObject({ dollarsPerMillionTokens: 0.005, platform: 'h100-sxm' });
  });
  it('is not a claim without a price per million', () => {
    expect(claimIntent('llama 70b on b200 at $2/hr, 30 rps', V)).toBeNull();
  });
});
