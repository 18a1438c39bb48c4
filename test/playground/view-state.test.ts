import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFormFields } from '../../src/slack/form-fields.ts';
import { viewStateValues } from '../../src/playground/view-state.ts';

const form = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'golden', 'slack', 'form-prefilled.json'), 'utf8')) as { blocks: unknown[] };

describe('viewStateValues', () => {
  it('builds Slack state.values for every input block, with option objects taken from the view', () => {
    const values = viewStateValues(form.blocks, [
      { blockId: 'model', actionId: 'model', value: 'gpt-oss-120b' },
      { blockId: 'input_tokens', actionId: 'input_tokens', value: '4000' },
      { blockId: 'ttft_ms', actionId: 'ttft_ms', value: '' },
      { blockId: 'platforms', actionId: 'platforms', values: ['h200-sxm', 'not-an-option'] },
    ]);
    expect(Object.keys(values)).toEqual(['model', 'input_tokens', 'output_tokens', 'requests_per_second', 'peak_to_average', 'ttft_ms', 'tpot_ms', 'platforms', 'prefix_cache_hit_percent', 'speculative', 'acceptance_rate']);
    expect(values.model!.model).toMatchObject({ type: 'static_select', selected_option: { value: 'gpt-oss-120b', text: { type: 'plain_text' } } });
    expect(values.input_tokens!.input_tokens).toEqual({ type: 'number_input', value: '4000' });
    expect(values.output_tokens!.output_tokens).toEqual({ type: 'number_input', value: null });
    expect(values.ttft_ms!.ttft_ms).toEqual({ type: 'number_input', value: null });
    expect((values.platforms!.platforms as { selected_options: { value: string }[] }).selected_options.map((o) => o.value)).toEqual(['h200-sxm']);
  });

  it('is what the app reads: its own form parser accepts the state', () => {
    const values = viewStateValues(form.blocks, [
      { blockId: 'model', actionId: 'model', value: 'gpt-oss-120b' },
      { blockId: 'input_tokens', actionId: 'input_tokens', value: '2000' },
      { blockId: 'output_tokens', actionId: 'output_tokens', value: '400' },
      { blockId: 'requests_per_second', actionId: 'requests_per_second', value: '30' },
    ]);
    const read = readFormFields(values as never);
    expect(read).toMatchObject({ ok: true, fields: { model: 'gpt-oss-120b', inputTokens: 2000, outputTokens: 400, requestsPerSecond: 30 } });
  });
});
