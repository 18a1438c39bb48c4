/**
 * The form door: a submitted form -> its fields (or per-field errors for the modal, with the workload
 * bounds) -> the workload draft, straight, never through English. Fields the form does not show (the
 * TTFT percentile, the shape's details, pricing, a CSV series) keep what the thread's workload had.
 */
import { ACCEPTANCE_RATE_BOUND, BOUNDS, outOfBound, type Bound } from '../advice/bounds.ts';
import { parseSpeculativeSetting, speculativeSettingText } from '../engine/performance/speculative-syntax.ts';
import { draftOf, type DraftField, type DraftFields, type WorkloadDraft } from '../advice/workload-draft.ts';
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
  const num = (block: string, opts: { required: boolean; min: number; integer?: boolean; field: DraftField; percent?: boolean; bound?: Bound }): number | undefined => {
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
    // The same bounds as every other door, said in the modal next to the field.
    const bound = opts.bound ?? BOUNDS[opts.field];
    const wrong = bound ? outOfBound(opts.percent ? n / 100 : n, bound) : null;
    if (wrong && bound) {
      errors[block] = `${wrong.charAt(0).toUpperCase()}${wrong.slice(1)}. Example: ${opts.percent ? bound.example * 100 : bound.example}.`.slice(0, 150);
      return undefined;
    }
    return n;
  };
  const model = text(values, FORM_BLOCK.model);
  if (model === undefined) errors[FORM_BLOCK.model] = 'Choose a model.';
  const inputTokens = num(FORM_BLOCK.inputTokens, { field: 'inputTokens', required: true, min: 1, integer: true });
  const outputTokens = num(FORM_BLOCK.outputTokens, { field: 'outputTokens', required: true, min: 1, integer: true });
  const requestsPerSecond = num(FORM_BLOCK.requestsPerSecond, { field: 'requestsPerSecond', required: true, min: 0.001 });
  const peakToAverage = num(FORM_BLOCK.peakToAverage, { field: 'peakToAverage', required: false, min: 1 });
  const ttftMs = num(FORM_BLOCK.ttftMs, { field: 'ttftMs', required: false, min: 1 });
  const tpotMs = num(FORM_BLOCK.tpotMs, { field: 'tpotMs', required: false, min: 1 });
  const prefixCacheHitPercent = num(FORM_BLOCK.prefixCacheHitPercent, { field: 'prefixCacheHitFraction', required: false, min: 0, percent: true });
  const speculative = text(values, FORM_BLOCK.speculative);
  if (speculative !== undefined) {
    const parsed = parseSpeculativeSetting(speculative);
    if (!parsed.ok) errors[FORM_BLOCK.speculative] = `${parsed.message}`.slice(0, 150);
  }
  const acceptanceRate = num(FORM_BLOCK.acceptanceRate, { field: 'speculative', required: false, min: 0, bound: ACCEPTANCE_RATE_BOUND });
  if (acceptanceRate !== undefined && speculative === undefined) errors[FORM_BLOCK.acceptanceRate] = 'An acceptance rate needs a speculative method (e.g. eagle3:3).';
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
      ...(ttftMs !== undefined ? { ttftMs } : {}),
      ...(tpotMs !== undefined ? { tpotMs } : {}),
      ...(platforms.length > 0 ? { platforms } : {}),
      ...(prefixCacheHitPercent !== undefined ? { prefixCacheHitPercent } : {}),
      ...(speculative !== undefined ? { speculativeSetting: speculative } : {}),
      ...(acceptanceRate !== undefined ? { acceptanceRate } : {}),
    },
  };
}

/** The form's own fields, replaced (or cleared) by each submission. */
const FORM_OWNS: readonly DraftField[] = ['model', 'inputTokens', 'outputTokens', 'requestsPerSecond', 'concurrentUsers', 'peakToAverage', 'ttftMs', 'tpotMs', 'tokensPerSecondPerUser', 'platforms', 'series', 'prefixCacheHitFraction', 'speculative'];

/**
 * The form's fields as a workload draft, over the thread's previous draft when the form adjusts one.
 * A peak-to-average of 1 is a flat load; a peak over a flat (or series) load makes it a daily cycle
 * again; a p99 target stays p99 (the form has no percentile field).
 */
export function draftFromForm(fields: QueryFields, previous?: WorkloadDraft): WorkloadDraft {
  const kept: DraftFields = { ...(previous?.fields ?? {}) };
  for (const f of FORM_OWNS) delete kept[f];
  if (fields.ttftMs === undefined) delete kept.ttftPercentile;
  const peak = fields.peakToAverage;
  if (peak === 1) kept.shape = 'flat';
  else if (kept.shape === 'flat' || kept.shape === 'series' || peak === undefined) delete kept.shape;
  const draft: DraftFields = {
    ...kept,
    model: fields.model,
    inputTokens: fields.inputTokens,
    outputTokens: fields.outputTokens,
    requestsPerSecond: fields.requestsPerSecond,
    ...(peak !== undefined ? { peakToAverage: peak } : {}),
    ...(fields.ttftMs !== undefined ? { ttftMs: fields.ttftMs } : {}),
    ...(fields.tpotMs !== undefined ? { tpotMs: fields.tpotMs } : {}),
    ...(fields.platforms && fields.platforms.length > 0 ? { platforms: [...fields.platforms] } : {}),
    ...(fields.prefixCacheHitPercent !== undefined ? { prefixCacheHitFraction: fields.prefixCacheHitPercent / 100 } : {}),
    ...speculativeOfForm(fields),
  };
  const owned = new Set<string>(FORM_OWNS);
  return draftOf(draft, (previous?.notes ?? []).filter((n) => !owned.has(n.field)));
}

/** The form's speculative decoding as the draft holds it (readFormFields has checked the syntax). */
function speculativeOfForm(fields: QueryFields): Pick<DraftFields, 'speculative'> {
  if (fields.speculativeSetting === undefined) return {};
  const parsed = parseSpeculativeSetting(fields.speculativeSetting);
  if (!parsed.ok) return {};
  return { speculative: { ...parsed.settings, ...(fields.acceptanceRate !== undefined ? { acceptanceRate: fields.acceptanceRate } : {}) } };
}

/** The form's workload in a line (the "asked:" note above its card); never parsed again. */
export function formSummary(draft: WorkloadDraft): string {
  const f = draft.fields;
  const parts = [f.model ?? 'no model', f.inputTokens !== undefined && f.outputTokens !== undefined ? `${f.inputTokens} in / ${f.outputTokens} out` : '', f.requestsPerSecond !== undefined ? `${f.requestsPerSecond} req/s` : ''];
  if (f.peakToAverage !== undefined) parts.push(f.peakToAverage === 1 ? 'flat' : `peaks ${f.peakToAverage}x`);
  if (f.ttftMs !== undefined) parts.push(`p${f.ttftPercentile ?? 95} TTFT ≤ ${f.ttftMs} ms`);
  if (f.tpotMs !== undefined) parts.push(`TPOT ≤ ${f.tpotMs} ms`);
  if (f.platforms?.length) parts.push(`on ${f.platforms.join(', ')}`);
  if (f.prefixCacheHitFraction !== undefined) parts.push(`${Math.round(f.prefixCacheHitFraction * 100)} % prefix-cache hits`);
  if (f.speculative !== undefined && f.speculative !== 'off') parts.push(`speculative ${speculativeSettingText(f.speculative)}${f.speculative.acceptanceRate !== undefined ? ` at ${f.speculative.acceptanceRate}` : ''}`);
  return `${parts.filter(Boolean).join(', ')} (form)`;
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
  prefixCacheHitPercent: 'prefix-cache hits (%)',
  speculativeSetting: 'speculative decoding',
  acceptanceRate: 'acceptance rate',
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
