/**
 * Reads a submitted form into QueryFields (or per-field errors for the modal), and writes the
 * fields back as a question in words, the same language a user would type.
 */
import type { QueryFields } from './advisor.ts';
import { FORM_BLOCK } from './blocks/form-view.ts';

type StateValue = {
  type?: string;
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[] | null;
};
export type ViewStateValues = Record<string, Record<string, StateValue>>;

const text = (values: ViewStateValues, block: string): string | undefined => {
  const v = values[block]?.[block];
  const raw = v?.selected_option?.value ?? v?.value ?? undefined;
  return raw === null || raw === undefined || raw.trim() === '' ? undefined : raw.trim();
};

export type FormResult = { ok: true; fields: QueryFields } | { ok: false; errors: Record<string, string> };

export function readFormFields(values: ViewStateValues): FormResult {
  const errors: Record<string, string> = {};
  const num = (block: string, opts: { required: boolean; min: number; integer?: boolean }): number | undefined => {
    const raw = text(values, block);
    if (raw === undefined) {
      if (opts.required) errors[block] = 'Required.';
      return undefined;
    }
    const n = Number(raw);
    if (!Number.isFinite(n) || n < opts.min || (opts.integer && !Number.isInteger(n))) {
      errors[block] = `Enter a ${opts.integer ? 'whole ' : ''}number of at least ${opts.min}.`;
      return undefined;
    }
    return n;
  };
  const model = text(values, FORM_BLOCK.model);
  if (model === undefined) errors[FORM_BLOCK.model] = 'Choose a model.';
  const inputTokens = num(FORM_BLOCK.inputTokens, { required: true, min: 1, integer: true });
  const outputTokens = num(FORM_BLOCK.outputTokens, { required: true, min: 1, integer: true });
  const requestsPerSecond = num(FORM_BLOCK.requestsPerSecond, { required: true, min: 0.001 });
  const peakToAverage = num(FORM_BLOCK.peakToAverage, { required: false, min: 1 });
  const ttftMs = num(FORM_BLOCK.ttftMs, { required: false, min: 1 });
  const tpotMs = num(FORM_BLOCK.tpotMs, { required: false, min: 1 });
  const platformState = values[FORM_BLOCK.platforms]?.[FORM_BLOCK.platforms];
  const platforms =
    platformState?.selected_options?.map((o) => o.value) ??
    (platformState?.value ?? '').split(/[,\s]+/).filter((p) => p.length > 0);
  if (Object.keys(errors).length > 0 || model === undefined || inputTokens === undefined || outputTokens === undefined || requestsPerSecond === undefined) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    fields: {
      model,
      inputTokens,
      outputTokens,
      requestsPerSecond,
      ...(peakToAverage !== undefined ? { peakToAverage } : {}),
      ...(ttftMs !== undefined ? { ttftMs, ttftPercentile: 95 } : {}),
      ...(tpotMs !== undefined ? { tpotMs } : {}),
      ...(platforms.length > 0 ? { platforms } : {}),
    },
  };
}

/** "gpt-oss-120b, 2000 in / 400 out, 30 rps average, peaks 4x, p95 TTFT under 1000 ms, TPOT under 50 ms, on h100-sxm or b200". */
export function questionFromFields(fields: QueryFields): string {
  const parts = [fields.model, `${fields.inputTokens} in / ${fields.outputTokens} out`, `${fields.requestsPerSecond} rps average`];
  if (fields.peakToAverage !== undefined && fields.peakToAverage > 1) parts.push(`peaks ${fields.peakToAverage}x`);
  if (fields.ttftMs !== undefined) parts.push(`p${fields.ttftPercentile ?? 95} TTFT under ${fields.ttftMs} ms`);
  if (fields.tpotMs !== undefined) parts.push(`TPOT under ${fields.tpotMs} ms`);
  if (fields.platforms && fields.platforms.length > 0) parts.push(`on ${fields.platforms.join(' or ')}`);
  return parts.join(', ');
}

const FIELD_LABELS: Record<keyof QueryFields, string> = {
  model: 'model',
  inputTokens: 'input tokens',
  outputTokens: 'output tokens',
  requestsPerSecond: 'requests/s',
  peakToAverage: 'peak-to-average',
  ttftMs: 'TTFT target (ms)',
  ttftPercentile: 'TTFT percentile',
  tpotMs: 'TPOT target (ms)',
  platforms: 'platforms',
};

const show = (value: QueryFields[keyof QueryFields]): string =>
  value === undefined ? 'none' : Array.isArray(value) ? (value.length > 0 ? value.join(', ') : 'all') : String(value);

/** Field-by-field differences between two sets of inputs, for "what changed" after the form. */
export function diffFields(before: QueryFields, after: QueryFields): { field: string; from: string; to: string }[] {
  const keys = Object.keys(FIELD_LABELS) as (keyof QueryFields)[];
  return keys
    .filter((k) => show(before[k]) !== show(after[k]))
    .map((k) => ({ field: FIELD_LABELS[k], from: show(before[k]), to: show(after[k]) }));
}
