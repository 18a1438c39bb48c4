/** Findings -> query fields; two different values for one field is a contradiction, reported, not guessed. */
import type { Extraction, Finding, TokenRate } from './extraction.ts';
import type { FieldName, QueryFields } from './schema.ts';
import { applyContextLength } from './context-length.ts';
import { formatNumber } from './numbers.ts';

export interface Collected {
  readonly fields: QueryFields;
  readonly tokenRate?: { readonly rate: TokenRate; readonly fragment: string };
  readonly interactive?: string;
  /** The time unit the request rate was said in (1 for "rps", 86400 for "per day"). */
  readonly rateUnitSeconds?: number;
  /** "150 rps peak": the peak rate, turned into a peak-to-average once the mean is known. */
  readonly peakRequestsPerSecond?: { readonly value: number; readonly fragment: string };
}

const LIST_FIELDS = new Set<string>(['platforms', 'vendors', 'excludePlatforms', 'excludeVendors']);
const LABELS: Partial<Record<FieldName, string>> = {
  model: 'models',
  requestsPerSecond: 'loads',
  inputTokens: 'input lengths',
  outputTokens: 'output lengths',
  peakToAverage: 'peak-to-average ratios',
  ttftMs: 'TTFT targets',
  tpotMs: 'TPOT targets',
  pricing: 'pricing (owned and rented)',
};

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
  return a === b;
}

function conflict(out: Extraction, field: FieldName, found: readonly Finding[]): void {
  const fragments = [...new Set(found.map((f) => f.fragment))];
  const quoted = fragments.map((f) => `"${f}"`).join(' and ');
  const values = found.map((f) => (typeof f.value === 'number' ? formatNumber(f.value) : String(f.value)));
  const label = LABELS[field] ?? field;
  out.problem(fragments.join(' / '), `conflicting ${label}: ${quoted} (${[...new Set(values)].join(' vs ')}); say one`, fragments[fragments.length - 1]!, field);
}

export function collect(out: Extraction): Collected {
  const fields: Record<string, unknown> = {};
  const byField = new Map<string, Finding[]>();
  for (const f of out.findings) {
    const list = byField.get(f.field);
    if (list) list.push(f);
    else byField.set(f.field, [f]);
  }
  let tokenRate: Collected['tokenRate'];
  let interactive: string | undefined;
  let context: Finding | undefined;
  let rateUnitSeconds: number | undefined;
  let peakRate: Collected['peakRequestsPerSecond'];
  for (const [field, found] of byField) {
    if (field === 'peakRequestsPerSecond') {
      if (found.some((f) => !same(f.value, found[0]!.value))) conflict(out, 'peakToAverage', found);
      else peakRate = { value: found[0]!.value as number, fragment: found[0]!.fragment };
    } else if (field === 'rateUnitSeconds') {
      rateUnitSeconds = Math.min(...found.map((f) => f.value as number));
    } else if (field === 'contextTokens') {
      if (found.some((f) => !same(f.value, found[0]!.value))) conflict(out, 'inputTokens', found);
      else context = found[0];
    } else if (field === 'interactive') {
      interactive = found[0]!.fragment;
    } else if (field === 'tokenRate') {
      const rates = found.map((f) => f.value as TokenRate);
      if (rates.some((r) => !same(r.tokensPerSecond, rates[0]!.tokensPerSecond) || r.basis !== rates[0]!.basis)) {
        conflict(out, 'requestsPerSecond', found);
      } else tokenRate = { rate: rates[0]!, fragment: found[0]!.fragment };
    } else if (LIST_FIELDS.has(field)) {
      fields[field] = [...new Set(found.map((f) => f.value as string))];
    } else if (field === 'dollarsPerGpuHour') {
      const merged: Record<string, number> = {};
      for (const f of found) {
        for (const [id, price] of Object.entries(f.value as Record<string, number>)) {
          if (merged[id] !== undefined && !same(merged[id], price)) conflict(out, 'dollarsPerGpuHour', found);
          merged[id] = price;
        }
      }
      fields[field] = merged;
    } else if (found.some((f) => !same(f.value, found[0]!.value))) {
      conflict(out, field as FieldName, found);
    } else if (!out.hasProblemFor(field as FieldName)) {
      fields[field] = found[0]!.value;
    }
  }
  if (context) applyContextLength(fields, context.value as number, context.fragment, out);
  for (const [inc, exc] of [['platforms', 'excludePlatforms'], ['vendors', 'excludeVendors']] as const) {
    const both = ((fields[inc] as string[] | undefined) ?? []).filter((x) => ((fields[exc] as string[] | undefined) ?? []).includes(x));
    if (both.length > 0) {
      out.problem(both.join(', '), `${both.join(', ')} is both included and excluded`, 'only AMD, no mi300x', inc);
    }
  }
  return { fields: fields as QueryFields, ...(tokenRate ? { tokenRate } : {}), ...(interactive ? { interactive } : {}), ...(rateUnitSeconds ? { rateUnitSeconds } : {}), ...(peakRate ? { peakRequestsPerSecond: peakRate } : {}) };
}
