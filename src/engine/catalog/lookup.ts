/**
 * Lookups over a loaded catalog: names to records (ids and aliases, compared by normalizeName), "did you
 * mean" suggestions, prices and benchmarks per accelerator. Pure functions over plain data.
 */
import type { Accelerator, BenchmarkPoint, Catalog, Model, PriceRecord, PriceTier } from './types.ts';
import { normalizeName } from './normalize-name.ts';
import { editDistance } from './edit-distance.ts';
import { typicalShapeModel } from './typical-shape.ts';
import { compareText } from '../text-order.ts';

interface Named {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
}

function findByName<T extends Named>(records: readonly T[], text: string): T | undefined {
  const key = normalizeName(text);
  if (key === '') return undefined;
  return (
    records.find((r) => normalizeName(r.id) === key) ??
    records.find((r) => r.aliases.some((a) => normalizeName(a) === key)) ??
    records.find((r) => normalizeName(r.name) === key)
  );
}

/** The accelerator whose id, alias or name equals `text` ignoring case, spaces, underscores and dashes. */
export function findAccelerator(catalog: Catalog, text: string): Accelerator | undefined {
  return findByName(catalog.accelerators, text);
}

/** Checkpoint suffixes that name a quantisation or packaging of the same weights, not another model. */
const CHECKPOINT_SUFFIX = /[-_ ](fp8[-_ ]?kv|fp8[-_ ]dynamic|nvfp4|mxfp4|mxfp8|fp4|fp8|bf16|fp16|awq|gptq|int4|int8|w4a16|w8a8|gguf|hf)$/i;

/**
 * Spellings of a model name worth trying after the exact one: the name before a parenthesis
 * ("DeepSeek-R1 (nvidia/DeepSeek-R1-FP4)"), a Hugging Face id without its organisation
 * ("NousResearch/Meta-Llama-3-8B-Instruct"), without checkpoint suffixes ("Qwen3-235B-A22B-Instruct-2507-FP8"),
 * and each part of a slash list ("DeepSeek-R1/V3/V3.1").
 */
function modelNameVariants(text: string): string[] {
  const variants: string[] = [];
  const add = (t: string) => {
    const trimmed = t.trim();
    if (trimmed && !variants.includes(trimmed)) variants.push(trimmed);
  };
  const head = text.split(' (')[0] ?? text;
  add(head);
  const withoutOrg = /^[\w.-]+\/[\w.-]+$/.test(head) ? head.slice(head.indexOf('/') + 1) : head;
  add(withoutOrg);
  let stripped = withoutOrg;
  while (CHECKPOINT_SUFFIX.test(stripped)) {
    stripped = stripped.replace(CHECKPOINT_SUFFIX, '');
    add(stripped);
  }
  for (const part of head.split('/')) add(part);
  return variants;
}

/**
 * The model whose id, alias or name equals `text` ignoring case, spaces, underscores and dashes; failing
 * that, the one a checkpoint name points at (organisation, quantisation suffix, parenthetical removed);
 * an `estimate-dense-30b` / `estimate-moe-1000b-a32b` id gives the typical shape of that size.
 */
export function findModel(catalog: Catalog, text: string): Model | undefined {
  const exact = findByName(catalog.models, text);
  if (exact) return exact;
  for (const variant of modelNameVariants(text)) {
    const found = findByName(catalog.models, variant);
    if (found) return found;
  }
  return typicalShapeModel(text);
}

/**
 * Ids of the records closest to `text` by edit distance over normalized ids and aliases (prefix matches
 * first), best first, at most `limit`, only those within max(2, 40% of the text's length).
 */
function suggest(records: readonly Named[], text: string, limit: number): string[] {
  const key = normalizeName(text);
  if (key === '') return [];
  const threshold = Math.max(2, Math.floor(key.length * 0.4));
  const scored = records.map((r) => {
    const names = [r.id, r.name, ...r.aliases].map(normalizeName);
    const prefix = names.some((n) => n.startsWith(key) || key.startsWith(n));
    const distance = Math.min(...names.map((n) => editDistance(key, n)));
    return { id: r.id, score: prefix ? Math.min(distance, 1) : distance };
  });
  return scored
    .filter((s) => s.score <= threshold)
    .sort((a, b) => a.score - b.score || compareText(a.id, b.id))
    .slice(0, limit)
    .map((s) => s.id);
}

/** Accelerator ids that `text` may have meant (for "did you mean ...?"), best first. */
export function suggestAccelerators(catalog: Catalog, text: string, limit = 3): string[] {
  return suggest(catalog.accelerators, text, limit);
}

/** Model ids that `text` may have meant (for "did you mean ...?"), best first. */
export function suggestModels(catalog: Catalog, text: string, limit = 3): string[] {
  return suggest(catalog.models, text, limit);
}

/** Every price record of an accelerator, cheapest first. */
export function pricesFor(catalog: Catalog, acceleratorId: string): PriceRecord[] {
  return catalog.prices.filter((p) => p.acceleratorId === acceleratorId).sort((a, b) => a.dollarsPerGpuHour - b.dollarsPerGpuHour);
}

/** Providers whose prices count as hyperscaler list prices; every other on-demand seller is a neocloud. */
const HYPERSCALERS = /^(AWS|Google Cloud|Azure|Oracle Cloud)/;

export type PricePreference = 'rented' | PriceTier;

/**
 * The price to assume for one accelerator-hour. 'rented' (default): the SemiAnalysis 3-year neocloud
 * rental, else the cheapest neocloud on-demand price, else the cheapest hyperscaler on-demand price.
 * A tier: the cheapest record of that tier. Null when the catalog has no such price.
 */
export function defaultPrice(catalog: Catalog, acceleratorId: string, preference: PricePreference = 'rented'): PriceRecord | null {
  const prices = pricesFor(catalog, acceleratorId);
  if (preference !== 'rented') return prices.find((p) => p.tier === preference) ?? null;
  const onDemand = prices.filter((p) => p.tier === 'on-demand');
  return (
    prices.find((p) => p.tier === 'rental-3y-neocloud') ??
    onDemand.find((p) => !HYPERSCALERS.test(p.provider)) ??
    onDemand.find((p) => HYPERSCALERS.test(p.provider)) ??
    null
  );
}

/** Benchmark points, optionally only for one accelerator and/or one model. */
export function benchmarksFor(catalog: Catalog, acceleratorId?: string, modelId?: string): BenchmarkPoint[] {
  return catalog.benchmarks.filter(
    (b) => (acceleratorId === undefined || b.acceleratorId === acceleratorId) && (modelId === undefined || b.modelId === modelId),
  );
}
