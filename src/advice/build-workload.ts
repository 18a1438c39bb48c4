/**
 * The one place that builds a workload: a draft (what was said, through any door) -> bounds checked ->
 * defaults from the one table filled in, each stated -> the engine's AdviceRequest. Words, flags, the
 * Slack form and follow-ups all end here, so the same workload gets the same request and assumptions.
 */
import type { AdviceRequest, Pricing } from '../engine/advice-types.ts';
import { findAccelerator, findModel, suggestAccelerators, suggestModels } from '../engine/catalog/lookup.ts';
import type { Catalog, Model, Vendor } from '../engine/catalog/types.ts';
import { AssumptionList } from './assumption-list.ts';
import { BOUNDS, DOLLARS_PER_GPU_HOUR_BOUND, outOfBound, showNumber } from './bounds.ts';
import { DEFAULT_REASONS, WORKLOAD_DEFAULTS } from './defaults.ts';
import { exampleFor, type Door } from './field-syntax.ts';
import { latencyOf } from './latency-of.ts';
import { prefixCacheReason, speculativeOf } from './serving-options.ts';
import { speculativeSettingText } from '../engine/performance/speculative-syntax.ts';
import { loadOf } from './load-of.ts';
import type { Workload, WorkloadProblem, WorkloadResult } from './workload.ts';
import { VENDOR_NAMES, type DraftField, type DraftFields, type WorkloadDraft } from './workload-draft.ts';
import { enUsNumber } from '../engine/number-text.ts';

export interface BuildOptions {
  readonly door: Door;
  /** Today (ISO date): dates the assumptions and the request (stale API prices). */
  readonly asOfDate: string;
}

export const RENTED_TIER_NAMES = ['on-demand', 'reserved-1y', 'reserved-3y', 'spot', 'committed', 'rental-3y-neocloud', 'owning-hyperscaler', 'owning-neocloud'] as const;

/** Collects problems in the door's syntax. */
export class Problems {
  readonly list: WorkloadProblem[] = [];
  constructor(readonly door: Door) {}
  add(field: DraftField | '', fragment: string, message: string, example: string | number): void {
    this.list.push({ field, fragment, message, example: field === '' ? String(example) : exampleFor(this.door, field, example) });
  }
}

export function buildWorkload(draft: WorkloadDraft, catalog: Catalog, options: BuildOptions): WorkloadResult {
  const f = draft.fields;
  const problems = new Problems(options.door);
  const assumptions = new AssumptionList(options.asOfDate);
  checkBounds(f, problems);
  const model = modelOf(f, catalog, problems);
  const platforms = platformIds(f.platforms, '--platforms', catalog, problems, 'platforms');
  const excludePlatforms = platformIds(f.excludePlatforms, '--exclude', catalog, problems, 'excludePlatforms');
  const overrides = priceOverrides(f, catalog, problems);
  const inputTokens = f.inputTokens ?? defaulted(assumptions, 'inputTokens', WORKLOAD_DEFAULTS.inputTokens, DEFAULT_REASONS.inputTokens);
  const outputTokens = f.outputTokens ?? defaulted(assumptions, 'outputTokens', WORKLOAD_DEFAULTS.outputTokens, DEFAULT_REASONS.outputTokens);
  if (model) checkContextWindow(model, inputTokens, outputTokens, f, problems);
  const latency = latencyOf(f, inputTokens, assumptions);
  const load = loadOf(f, outputTokens, latency, assumptions, problems);
  const pricing = pricingOf(f, assumptions, problems);
  const speculative = speculativeOf(f, catalog, problems);
  if (speculative) assumptions.note('speculative', speculativeSettingText(speculative.settings), speculative.text);
  if (f.prefixCacheHitFraction !== undefined && f.prefixCacheHitFraction > 0) assumptions.note('prefixCacheHitFraction', f.prefixCacheHitFraction, prefixCacheReason(f.prefixCacheHitFraction));
  for (const note of draft.notes) assumptions.note(note.field, note.value, note.reason);
  if (problems.list.length > 0 || !model || !load) return { ok: false, problems: problems.list };
  const vendors = vendorsOf(f);
  const request: AdviceRequest = {
    modelId: model.id,
    ...(f.precision !== undefined ? { precision: f.precision } : {}),
    inputTokens,
    outputTokens,
    ...(f.lengthSpreadFraction !== undefined ? { lengthSpreadFraction: f.lengthSpreadFraction } : {}),
    ...(f.prefixCacheHitFraction !== undefined ? { prefixCacheHitFraction: f.prefixCacheHitFraction } : {}),
    ...(speculative ? { speculative: speculative.settings } : {}),
    meanRequestsPerSecond: load.meanRequestsPerSecond,
    shape: load.shape,
    horizon: load.horizon,
    latency: latency.targets,
    pricing,
    ...(overrides ? { dollarsPerGpuHourOverrides: overrides } : {}),
    ...(platforms ? { platforms } : {}),
    ...(vendors ? { vendors } : {}),
    ...(excludePlatforms ? { excludePlatforms } : {}),
    ...(f.engine !== undefined ? { engine: f.engine } : {}),
    asOfDate: options.asOfDate,
  };
  const workload: Workload = { request, assumptions: assumptions.all(), draft };
  return { ok: true, workload };
}

function defaulted<T>(assumptions: AssumptionList, field: string, value: T, reason: string): T {
  assumptions.default(field, value, reason);
  return value;
}

function checkBounds(f: DraftFields, problems: Problems): void {
  for (const [field, bound] of Object.entries(BOUNDS) as [DraftField, NonNullable<(typeof BOUNDS)[DraftField]>][]) {
    const value = f[field];
    if (value === undefined) continue;
    const wrong = outOfBound(value as number, bound);
    if (wrong) problems.add(field, showNumber(value as number), wrong, bound.example);
  }
}

function modelOf(f: DraftFields, catalog: Catalog, problems: Problems): Model | undefined {
  if (f.model === undefined) {
    const known = catalog.models.slice(0, 6).map((m) => m.id).join(', ');
    problems.add('model', '', `which model? none was named (known: ${known}${catalog.models.length > 6 ? ', ...' : ''})`, catalog.models[0]?.id ?? 'llama-3.3-70b');
    return undefined;
  }
  const model = findModel(catalog, f.model);
  if (!model) {
    const near = suggestModels(catalog, f.model);
    problems.add('model', f.model, `unknown model "${f.model}"${near.length ? `; did you mean ${near.join(', ')}?` : ''}`, near[0] ?? catalog.models[0]?.id ?? 'llama-3.3-70b');
  }
  return model;
}

/** input + output must fit the model's context window (catalog `maxContextTokens`). */
function checkContextWindow(model: Model, inputTokens: number, outputTokens: number, f: DraftFields, problems: Problems): void {
  if (!Number.isFinite(inputTokens + outputTokens) || inputTokens + outputTokens <= model.maxContextTokens) return;
  const fits = Math.max(1, Math.min(inputTokens, model.maxContextTokens - Math.min(outputTokens, Math.floor(model.maxContextTokens / 4))));
  const field: DraftField = f.inputTokens !== undefined ? 'inputTokens' : 'outputTokens';
  problems.add(
    field,
    `${showNumber(inputTokens)} in + ${showNumber(outputTokens)} out`,
    `${showNumber(inputTokens)} input + ${showNumber(outputTokens)} output tokens do not fit ${model.name}'s context window of ${enUsNumber(model.maxContextTokens)} tokens (input + output must fit)`,
    field === 'inputTokens' ? fits : Math.max(1, model.maxContextTokens - inputTokens),
  );
}

function platformIds(names: readonly string[] | undefined, _flag: string, catalog: Catalog, problems: Problems, field: DraftField): string[] | undefined {
  if (names === undefined) return undefined;
  const ids: string[] = [];
  for (const name of names) {
    const found = findAccelerator(catalog, name);
    if (found) ids.push(found.id);
    else {
      const near = suggestAccelerators(catalog, name);
      problems.add(field, name, `unknown platform "${name}"${near.length ? `; did you mean ${near.join(', ')}?` : ''}`, near[0] ?? catalog.accelerators[0]?.id ?? 'h100-sxm');
    }
  }
  return ids.length > 0 ? [...new Set(ids)] : undefined;
}

function priceOverrides(f: DraftFields, catalog: Catalog, problems: Problems): Record<string, number> | undefined {
  if (f.dollarsPerGpuHour === undefined) return undefined;
  const out: Record<string, number> = {};
  for (const [name, dollars] of Object.entries(f.dollarsPerGpuHour)) {
    const platform = findAccelerator(catalog, name);
    if (!platform) {
      const near = suggestAccelerators(catalog, name);
      problems.add('dollarsPerGpuHour', name, `unknown platform "${name}" in a price${near.length ? `; did you mean ${near.join(', ')}?` : ''}`, DOLLARS_PER_GPU_HOUR_BOUND.example);
      continue;
    }
    const wrong = outOfBound(dollars, DOLLARS_PER_GPU_HOUR_BOUND);
    if (wrong) problems.add('dollarsPerGpuHour', `${name}=${showNumber(dollars)}`, `${platform.id}: ${wrong}`, DOLLARS_PER_GPU_HOUR_BOUND.example);
    else out[platform.id] = dollars;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function pricingOf(f: DraftFields, assumptions: AssumptionList, problems: Problems): Pricing {
  const ownedFields = (['dollarsPerKwh', 'powerUsageEffectiveness', 'amortizationYears'] as const).filter((k) => f[k] !== undefined);
  let kind = f.pricing;
  if (kind === 'rented' && ownedFields.length > 0) {
    problems.add(ownedFields[0]!, '', `${ownedFields.join(', ')} apply to owned hardware, not rented GPUs (whose hourly price includes power)`, 0.08);
  }
  if (kind === undefined && ownedFields.length > 0) {
    kind = 'owned';
    assumptions.note('pricing', 'owned', `${ownedFields.join(', ')} given: owned hardware`);
  }
  if (kind === 'owned') {
    if (f.tier !== undefined) problems.add('tier', f.tier, `a price tier applies to rented GPUs; owned hardware is priced by purchase and power`, 'on-demand');
    return {
      kind: 'owned',
      ...(f.dollarsPerKwh !== undefined ? { dollarsPerKwh: f.dollarsPerKwh } : {}),
      ...(f.powerUsageEffectiveness !== undefined ? { powerUsageEffectiveness: f.powerUsageEffectiveness } : {}),
      ...(f.amortizationYears !== undefined ? { amortizationYears: f.amortizationYears } : {}),
    };
  }
  if (f.tier !== undefined && !(RENTED_TIER_NAMES as readonly string[]).includes(f.tier)) {
    problems.add('tier', f.tier, `unknown price tier "${f.tier}" (known: ${RENTED_TIER_NAMES.join(', ')})`, 'on-demand');
  }
  if (kind === undefined) assumptions.default('pricing', WORKLOAD_DEFAULTS.pricing.kind, DEFAULT_REASONS.pricing);
  return { kind: 'rented', ...(f.tier !== undefined ? { tier: f.tier } : {}) };
}

function vendorsOf(f: DraftFields): Vendor[] | undefined {
  const excluded = new Set(f.excludeVendors ?? []);
  if (excluded.size === 0) return f.vendors ? [...f.vendors] : undefined;
  return (f.vendors ?? VENDOR_NAMES).filter((v) => !excluded.has(v));
}
