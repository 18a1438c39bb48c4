/**
 * Hosted-API per-token prices from OpenRouter's public models endpoint
 * (GET https://openrouter.ai/api/v1/models, documented at https://openrouter.ai/docs/api-reference/list-available-models):
 * `{ "data": [ { "id": "openai/gpt-oss-120b", "hugging_face_id": "openai/gpt-oss-120b",
 *   "pricing": { "prompt": "0.00000009", "completion": "0.00000045", "input_cache_read": "..." } } ] }`,
 * prices as decimal strings in dollars per token. A listing maps to a catalog model by its
 * hugging_face_id (the model's hfRepo) or, failing that, by its slug's name part: the model's id or an
 * alias, alone or followed by release/variant tokens (deepseek-r1-0528, qwen3-235b-a22b-2507).
 */
import type { ApiPrice, Model } from '../engine/catalog/types.ts';
import { RefreshError, type ParseContext, type ParsedSource, type PriceSource } from './types.ts';

const SOURCE = 'openrouter';
const PROVIDER = 'OpenRouter';
const normalized = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Suffixes that name a release or a serving variant of the same weights, not a different model. */
const VARIANT_TOKEN = /^(instruct|chat|it|thinking|turbo|preview|terminus|fp8|\d{4}|\d{6}|\d{8})$/;

/** The model whose id or alias `name` is, or is followed only by variant tokens (deepseek-r1-0528). */
function modelNamed(models: readonly Model[], name: string): Model | undefined {
  const lower = name.toLowerCase();
  let best: { model: Model; length: number } | undefined;
  for (const model of models) {
    for (const candidate of [model.id, ...model.aliases].map((n) => n.toLowerCase())) {
      const exact = normalized(candidate) === normalized(lower);
      const variant = lower.startsWith(`${candidate}-`) && lower.slice(candidate.length + 1).split('-').every((t) => VARIANT_TOKEN.test(t));
      if ((exact || variant) && (!best || candidate.length > best.length)) best = { model, length: exact ? Number.POSITIVE_INFINITY : candidate.length };
    }
  }
  return best?.model;
}

function modelFor(models: readonly Model[], slug: string, huggingFaceId: unknown): Model | undefined {
  const repo = typeof huggingFaceId === 'string' ? huggingFaceId.toLowerCase() : '';
  const byRepo = repo === '' ? undefined : models.find((m) => m.hfRepo.toLowerCase() === repo);
  return byRepo ?? modelNamed(models, slug.slice(slug.indexOf('/') + 1).replace(/:.*$/, '')) ?? (repo === '' ? undefined : modelNamed(models, repo.slice(repo.indexOf('/') + 1)));
}

/** $/token decimal string -> $/million tokens; `field` names the place for the error. */
function perMillion(value: unknown, field: string): number {
  const dollarsPerToken = typeof value === 'string' && value.trim() !== '' ? Number(value) : typeof value === 'number' ? value : Number.NaN;
  if (!Number.isFinite(dollarsPerToken) || dollarsPerToken < 0) throw new RefreshError(SOURCE, field, `expected a price in dollars per token such as "0.00000045", got ${JSON.stringify(value)}`);
  return Math.round(dollarsPerToken * 1e6 * 1e6) / 1e6;
}

function parse(text: string, context: ParseContext): ParsedSource<'apiPrices'> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new RefreshError(SOURCE, 'response body', `not valid JSON (${(error as Error).message}); truncated download?`);
  }
  const data = (body as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) throw new RefreshError(SOURCE, 'data', 'expected an array of models at the top-level "data" field');
  const records: ApiPrice[] = [];
  let skippedRows = 0;
  data.forEach((entry: unknown, i: number) => {
    const listing = entry as { id?: unknown; hugging_face_id?: unknown; pricing?: Record<string, unknown> } | null;
    if (typeof listing?.id !== 'string' || listing.id === '') throw new RefreshError(SOURCE, `data[${i}].id`, `expected the model slug, got ${JSON.stringify(listing?.id)}`);
    const model = modelFor(context.models, listing.id, listing.hugging_face_id);
    if (!model) return void skippedRows++;
    const pricing = listing.pricing;
    if (typeof pricing !== 'object' || pricing === null) throw new RefreshError(SOURCE, `data[${i}].pricing`, `expected an object with prompt and completion prices for ${listing.id}`);
    const input = perMillion(pricing.prompt, `data[${i}].pricing.prompt`);
    const output = perMillion(pricing.completion, `data[${i}].pricing.completion`);
    // A zero price is a free (rate-limited) promotional route, not a price anyone can plan on.
    if (output === 0) return void skippedRows++;
    const cached = pricing.input_cache_read === undefined ? undefined : perMillion(pricing.input_cache_read, `data[${i}].pricing.input_cache_read`);
    records.push({
      id: `openrouter-api:openrouter:${listing.id}`,
      modelId: model.id,
      provider: PROVIDER,
      dollarsPerMillionInputTokens: input,
      dollarsPerMillionOutputTokens: output,
      ...(cached === undefined ? {} : { dollarsPerMillionCachedInputTokens: cached }),
      source: {
        title: 'OpenRouter models API listing (tokcost data refresh)',
        url: 'https://openrouter.ai/api/v1/models',
        asOf: context.asOf,
        basis: 'vendor-claim',
        note: `provider model id ${listing.id}; fetched ${context.asOf} from ${context.origin}; OpenRouter routes to several upstream providers and the listed price is the one OpenRouter shows for the slug (moves often)`,
      },
    });
  });
  return { records, skippedRows };
}

export const openRouterSource: PriceSource<'apiPrices'> = {
  name: SOURCE,
  description: "hosted-API $/token prices from OpenRouter's models endpoint",
  file: 'apiPrices',
  url: 'https://openrouter.ai/api/v1/models',
  recordedFile: 'openrouter-models.json',
  owns: (record) => record.provider === PROVIDER && record.source.url === 'https://openrouter.ai/api/v1/models',
  keyOf: (record) => record.id,
  parse,
};
