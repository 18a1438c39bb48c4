/** "Adjust inputs": every number input starts with a value its own settings accept (else Slack refuses the view). */
import { describe, expect, it } from 'vitest';
import { initialNumber, queryFormView } from '../../src/slack/blocks/form-view.ts';
import { validateView } from '../../src/slack/blocks/validate-blocks.ts';

const vocabulary = { models: [{ id: 'gpt-oss-120b', name: 'gpt-oss-120b' }], platforms: [{ id: 'b200', name: 'NVIDIA B200' }] };

type Input = { element: { type: string; is_decimal_allowed?: boolean; initial_value?: string; min_value?: string } };

describe('question form number inputs', () => {
  it('fit their decimal setting and minimum for awkward stored values', () => {
    const view = queryFormView(vocabulary, { channelId: 'C1' }, {
      model: 'gpt-oss-120b', inputTokens: 2000.6, outputTokens: 399.5, requestsPerSecond: 1 / 3, peakToAverage: 0.5, ttftMs: 999.99, tpotMs: 1000 / 30,
    });
    expect(validateView(view as never)).toEqual([]);
    const inputs = (view.blocks as unknown as Input[]).filter((b) => b.element?.type === 'number_input');
    for (const { element } of inputs) {
      if (element.initial_value === undefined) continue;
      const value = Number(element.initial_value);
      if (!element.is_decimal_allowed) expect(Number.isInteger(value), element.initial_value).toBe(true);
      expect(value).toBeGreaterThanOrEqual(Number(element.min_value ?? '0'));
      expect(element.initial_value).toMatch(/^\d+(\.\d{1,4})?$/);
    }
    expect(JSON.stringify(view)).toContain('"initial_value":"33.33"');
    expect(JSON.stringify(view)).toContain('"initial_value":"2001"');
  });

  it('rounds, clamps to the minimum and leaves non-finite values empty', () => {
    expect(initialNumber(33.3333, false, 1)).toBe('33');
    expect(initialNumber(33.3333, true, 1)).toBe('33.33');
    expect(initialNumber(0.4, false, 1)).toBe('1');
    expect(initialNumber(Number.NaN, true, 0)).toBeUndefined();
    expect(initialNumber(1e300, true, 0)).toBeUndefined();
  });

  it('the validator refuses what Slack refuses', () => {
    const view = { type: 'modal', title: { type: 'plain_text', text: 't' }, blocks: [
      { type: 'input', block_id: 'a', label: { type: 'plain_text', text: 'A' }, element: { type: 'number_input', action_id: 'a', is_decimal_allowed: false, initial_value: '33.3333' } },
      { type: 'input', block_id: 'b', label: { type: 'plain_text', text: 'B' }, element: { type: 'number_input', action_id: 'b', is_decimal_allowed: true, min_value: '1', initial_value: '0.5' } },
      { type: 'input', block_id: 'c', label: { type: 'plain_text', text: 'C' }, element: { type: 'number_input', action_id: 'c', is_decimal_allowed: true, initial_value: '1e3' } },
    ] };
    expect(validateView(view)).toEqual([
      'blocks[0].element.initial_value 33.3333 is not whole but is_decimal_allowed is false',
      'blocks[1].element.initial_value 0.5 < min_value 1',
      'blocks[2].element.initial_value "1e3" is not a plain number',
    ]);
  });
});
