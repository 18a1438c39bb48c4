/**
 * Hosted-API prices priced on the workload's own token mix. An API bills input and output tokens at
 * their own rates (cached input at its own rate where the provider lists one), so for I input and O
 * output tokens per request, h of the input served from the provider's prefix cache:
 *   input $/M             p_in' = (1 - h) x p_in + h x p_cached      (p_in when no cached price is listed)
 *   $ per request         (I x p_in' + O x p_out) / 1e6
 *   blended $/M total     (I x p_in' + O x p_out) / (I + O)           per million input + output tokens
 *   $/M output tokens     (I x p_in' + O x p_out) / O                 per million output tokens, input included,
 *                         the same token as the engine's effectiveDollarsPerMillionOutputTokens.
 * Sources: each ApiPrice record's `source` (provider list prices via LiteLLM / OpenRouter, data/README.md).
 */
import type { ApiPrice, SourceRef } from '../catalog/types.ts';
import { compareText } from '../text-order.ts';

/** Hours in an average month (365.25 x 24 / 12), as the candidates' dollarsPerMonth use. */
export const HOURS_PER_MONTH = 730.5;
/** Prices older than this many days before the reference date are flagged as possibly stale. */
export const DEFAULT_STALE_AFTER_DAYS = 90;

export interface WorkloadTokens {
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** Share of input tokens served from a reused prefix (0..1). */
  readonly prefixCacheHitFraction?: number;
}

export interface ApiOption {
  readonly id: string;
  readonly provider: string;
  /** The provider's tier or variant when the listing names one ("turbo", "fast tier"). */
  readonly variant: string | null;
  readonly dollarsPerMillionInputTokens: number;
  readonly dollarsPerMillionOutputTokens: number;
  readonly dollarsPerMillionCachedInputTokens: number | null;
  /** True when the workload reuses prefixes and the provider lists a cached-input price. */
  readonly cachedInputPriced: boolean;
  /** Input $/M after the cache discount: (1 - h) x p_in + h x p_cached. */
  readonly effectiveDollarsPerMillionInputTokens: number;
  /** $ per million total (input + output) tokens of this workload. */
  readonly blendedDollarsPerMillionTokens: number;
  /** $ per million output tokens of this workload, input included (comparable with a fleet's effective $/M output). */
  readonly effectiveDollarsPerMillionOutputTokens: number;
  /** Stated output speed per user (tokens/s); null when the listing states none. */
  readonly outputTokensPerSecondPerUser: number | null;
  readonly source: SourceRef;
  readonly asOf: string;
  /** Days from the price's asOf to the reference date; null without a reference date. */
  readonly ageDays: number | null;
  /** Older than the stated age before the reference date: possibly stale. */
  readonly stale: boolean;
}

export interface ApiOptionsSettings {
  /** ISO date (YYYY-MM-DD) the ages are counted to; the engine has no clock. */
  readonly asOfDate?: string;
  readonly staleAfterDays?: number;
}

/** Input $/M after the prefix-cache discount: (1 - h) x p_in + h x p_cached (p_in when none is listed or h = 0). */
export function effectiveInputDollarsPerMillion(price: ApiPrice, prefixCacheHitFraction: number): number {
  const cached = price.dollarsPerMillionCachedInputTokens;
  if (cached === undefined || !(prefixCacheHitFraction > 0)) return price.dollarsPerMillionInputTokens;
  return (1 - prefixCacheHitFraction) * price.dollarsPerMillionInputTokens + prefixCacheHitFraction * cached;
}

/** $ per request: (I x p_in' + O x p_out) / 1e6. */
export function apiDollarsPerRequest(price: ApiPrice, workload: WorkloadTokens): number {
  const input = effectiveInputDollarsPerMillion(price, workload.prefixCacheHitFraction ?? 0);
  return (workload.inputTokens * input + workload.outputTokens * price.dollarsPerMillionOutputTokens) / 1e6;
}

/** Whole days from `asOf` (YYYY-MM-DD or YYYY-MM, read as the 1st) to `referenceDate`; null if either is unreadable. */
export function priceAgeDays(asOf: string, referenceDate: string): number | null {
  const day = (iso: string) => Date.parse(/^\d{4}-\d{2}$/.test(iso) ? `${iso}-01T00:00:00Z` : `${iso.slice(0, 10)}T00:00:00Z`);
  const from = day(asOf);
  const to = day(referenceDate);
  return Number.isFinite(from) && Number.isFinite(to) ? Math.round((to - from) / 86_400_000) : null;
}

/** One API price priced on the workload's mix, with its age. */
export function apiOption(price: ApiPrice, workload: WorkloadTokens, settings: ApiOptionsSettings = {}): ApiOption {
  const hit = workload.prefixCacheHitFraction ?? 0;
  const dollarsPerRequest = apiDollarsPerRequest(price, workload);
  const ageDays = settings.asOfDate ? priceAgeDays(price.source.asOf, settings.asOfDate) : null;
  return {
    id: price.id,
    provider: price.provider,
    variant: /^tier: ([^;]+)/.exec(price.source.note ?? '')?.[1]?.trim() ?? null,
    dollarsPerMillionInputTokens: price.dollarsPerMillionInputTokens,
    dollarsPerMillionOutputTokens: price.dollarsPerMillionOutputTokens,
    dollarsPerMillionCachedInputTokens: price.dollarsPerMillionCachedInputTokens ?? null,
    cachedInputPriced: hit > 0 && price.dollarsPerMillionCachedInputTokens !== undefined,
    effectiveDollarsPerMillionInputTokens: effectiveInputDollarsPerMillion(price, hit),
    blendedDollarsPerMillionTokens: (dollarsPerRequest * 1e6) / (workload.inputTokens + workload.outputTokens),
    effectiveDollarsPerMillionOutputTokens: (dollarsPerRequest * 1e6) / workload.outputTokens,
    outputTokensPerSecondPerUser: price.outputTokensPerSecondPerUser ?? null,
    source: price.source,
    asOf: price.source.asOf,
    ageDays,
    stale: ageDays !== null && ageDays > (settings.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS),
  };
}

/** Every API price for the model, cheapest per million output tokens of this workload first. */
export function apiOptionsFor(apiPrices: readonly ApiPrice[], modelId: string, workload: WorkloadTokens, settings: ApiOptionsSettings = {}): ApiOption[] {
  return apiPrices
    .filter((p) => p.modelId === modelId)
    .map((p) => apiOption(p, workload, settings))
    .sort((a, b) => a.effectiveDollarsPerMillionOutputTokens - b.effectiveDollarsPerMillionOutputTokens || compareText(a.provider, b.provider) || compareText(a.id, b.id));
}

/** Slower than the user's TPOT target says (stated speed < 1000 / tpotMs tokens/s); false when either is unknown. */
export function slowerThanTarget(option: ApiOption, tpotMs: number | undefined): boolean {
  return tpotMs !== undefined && option.outputTokensPerSecondPerUser !== null && option.outputTokensPerSecondPerUser < 1000 / tpotMs;
}

/** The cheapest option not known to be slower than the target (else the cheapest); null when none. */
export function cheapestApiOption(options: readonly ApiOption[], tpotMs?: number): ApiOption | null {
  return options.find((o) => !slowerThanTarget(o, tpotMs)) ?? options[0] ?? null;
}

/** API $ per month at a mean rate: rate x 3600 x HOURS_PER_MONTH x $ per request. */
export function apiDollarsPerMonth(option: ApiOption, meanRequestsPerSecond: number, outputTokens: number): number {
  return (meanRequestsPerSecond * 3600 * HOURS_PER_MONTH * outputTokens * option.effectiveDollarsPerMillionOutputTokens) / 1e6;
}
