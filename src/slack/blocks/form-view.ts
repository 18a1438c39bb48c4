/** The question form (modal): the same inputs as a typed question, prefilled when adjusting. */
import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { Choice, QueryFields, Vocabulary } from '../advisor.ts';
import { VIEW } from './actions-ids.ts';
import { truncate } from './format-slack.ts';

/** block_id of each input; each input's action_id equals its block_id (unique in the view). */
export const FORM_BLOCK = {
  model: 'model',
  inputTokens: 'input_tokens',
  outputTokens: 'output_tokens',
  requestsPerSecond: 'requests_per_second',
  peakToAverage: 'peak_to_average',
  ttftMs: 'ttft_ms',
  tpotMs: 'tpot_ms',
  platforms: 'platforms',
  prefixCacheHitPercent: 'prefix_cache_hit_percent',
  speculative: 'speculative',
  acceptanceRate: 'acceptance_rate',
} as const;

const MAX_OPTIONS = 100;

const option = (c: Choice): PlainTextOption => ({ text: { type: 'plain_text', text: truncate(c.name, 75) }, value: truncate(c.id, 150) });

/**
 * An initial value Slack accepts for the input: a whole number when decimals are not allowed, at least
 * the minimum, and no long fraction (Slack refuses the whole view otherwise: "33.3333" in an integer
 * input). Undefined when there is no usable value, so the field starts empty.
 */
export function initialNumber(value: number | undefined, decimal: boolean, min: number): string | undefined {
  if (value === undefined || !Number.isFinite(value)) return undefined;
  const rounded = decimal ? Number(value.toPrecision(4)) : Math.round(value);
  const fitted = Math.max(rounded, decimal ? min : Math.ceil(min));
  return Math.abs(fitted) >= 1e21 || (fitted !== 0 && Math.abs(fitted) < 1e-6) ? undefined : String(fitted);
}

const numberInput = (blockId: string, label: string, opts: { initial?: number; decimal?: boolean; optional?: boolean; hint?: string; min?: string }): KnownBlock => {
  const initial = initialNumber(opts.initial, opts.decimal ?? false, Number(opts.min ?? '0'));
  return {
  type: 'input',
  block_id: blockId,
  optional: opts.optional ?? false,
  label: { type: 'plain_text', text: label },
  ...(opts.hint ? { hint: { type: 'plain_text', text: opts.hint } } : {}),
  element: {
    type: 'number_input',
    action_id: blockId,
    is_decimal_allowed: opts.decimal ?? false,
    min_value: opts.min ?? '0',
    ...(initial !== undefined ? { initial_value: initial } : {}),
  },
  };
};

function modelInput(vocabulary: Vocabulary, initial?: string): KnownBlock {
  const models = vocabulary.models.slice(0, MAX_OPTIONS);
  const selected = models.find((m) => m.id === initial);
  const element =
    models.length > 0
      ? { type: 'static_select' as const, action_id: FORM_BLOCK.model, placeholder: { type: 'plain_text' as const, text: 'Choose a model' }, options: models.map(option), ...(selected ? { initial_option: option(selected) } : {}) }
      : { type: 'plain_text_input' as const, action_id: FORM_BLOCK.model, placeholder: { type: 'plain_text' as const, text: 'gpt-oss-120b' }, ...(initial ? { initial_value: initial } : {}) };
  return { type: 'input', block_id: FORM_BLOCK.model, label: { type: 'plain_text', text: 'Model' }, element };
}

function platformsInput(vocabulary: Vocabulary, initial?: readonly string[]): KnownBlock {
  const platforms = vocabulary.platforms.slice(0, MAX_OPTIONS);
  const chosen = platforms.filter((p) => initial?.includes(p.id));
  const element =
    platforms.length > 0
      ? { type: 'multi_static_select' as const, action_id: FORM_BLOCK.platforms, placeholder: { type: 'plain_text' as const, text: 'All platforms' }, options: platforms.map(option), ...(chosen.length > 0 ? { initial_options: chosen.map(option) } : {}) }
      : { type: 'plain_text_input' as const, action_id: FORM_BLOCK.platforms, placeholder: { type: 'plain_text' as const, text: 'h100-sxm, b200' }, ...(initial?.length ? { initial_value: initial.join(', ') } : {}) };
  return { type: 'input', block_id: FORM_BLOCK.platforms, optional: true, label: { type: 'plain_text', text: 'Platforms (leave empty for all)' }, element };
}

function speculativeInput(initial?: string): KnownBlock {
  return {
    type: 'input',
    block_id: FORM_BLOCK.speculative,
    optional: true,
    label: { type: 'plain_text', text: 'Speculative decoding' },
    hint: { type: 'plain_text', text: 'METHOD:DRAFT_TOKENS: mtp:3, eagle3:3 or draft:llama-3.1-8b:4; empty: off' },
    element: { type: 'plain_text_input', action_id: FORM_BLOCK.speculative, placeholder: { type: 'plain_text', text: 'eagle3:3' }, ...(initial ? { initial_value: initial } : {}) },
  };
}

/** Where the answer to a submitted form goes. */
export interface FormMetadata {
  readonly channelId: string;
  readonly threadTs?: string;
}

export function queryFormView(vocabulary: Vocabulary, metadata: FormMetadata, initial?: Partial<QueryFields>): ModalView {
  return {
    type: 'modal',
    callback_id: VIEW.form,
    private_metadata: JSON.stringify(metadata),
    title: { type: 'plain_text', text: 'tokcost' },
    submit: { type: 'plain_text', text: 'Estimate' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      modelInput(vocabulary, initial?.model),
      numberInput(FORM_BLOCK.inputTokens, 'Input tokens per request', { initial: initial?.inputTokens ?? 2000, min: '1' }),
      numberInput(FORM_BLOCK.outputTokens, 'Output tokens per request', { initial: initial?.outputTokens ?? 400, min: '1' }),
      numberInput(FORM_BLOCK.requestsPerSecond, 'Requests per second (average)', { initial: initial?.requestsPerSecond ?? 10, decimal: true }),
      numberInput(FORM_BLOCK.peakToAverage, 'Peak-to-average ratio', { initial: initial?.peakToAverage ?? 1, decimal: true, optional: true, min: '1', hint: '4 means the busiest hour has 4x the average traffic' }),
      numberInput(FORM_BLOCK.ttftMs, 'p95 time to first token under (ms)', { ...(initial?.ttftMs !== undefined ? { initial: initial.ttftMs } : {}), decimal: true, optional: true, min: '1' }),
      // 30 tok/s per user is a TPOT of 33.3 ms: decimals allowed, so the stated target survives a round trip.
      numberInput(FORM_BLOCK.tpotMs, 'Time per output token under (ms)', { ...(initial?.tpotMs !== undefined ? { initial: initial.tpotMs } : {}), decimal: true, optional: true, min: '1' }),
      platformsInput(vocabulary, initial?.platforms),
      numberInput(FORM_BLOCK.prefixCacheHitPercent, 'Prefix-cache hits (% of input tokens)', { ...(initial?.prefixCacheHitPercent !== undefined ? { initial: initial.prefixCacheHitPercent } : {}), decimal: true, optional: true, hint: 'a shared system prompt or document served from the cache: 4k of an 8k prompt is 50' }),
      speculativeInput(initial?.speculativeSetting),
      numberInput(FORM_BLOCK.acceptanceRate, 'Speculative acceptance rate (0-1)', { ...(initial?.acceptanceRate !== undefined ? { initial: initial.acceptanceRate } : {}), decimal: true, optional: true, hint: 'empty: the method\'s published default, stated with the answer' }),
    ],
  };
}
