/**
 * "Rent GPUs or buy tokens": the hosted-API prices for the workload's model priced on its own token mix,
 * the best dedicated fleet at the user's load beside the cheapest API, and the break-even: the mean load
 * (requests/s, tokens/day) and utilization above which self-hosting becomes cheaper, for the user's load
 * shape scaled up and down (a spikier load pays for more idle capacity, so it breaks even higher).
 *
 * 1. advise(request) at the user's load: the recommendation, the ranking, the comparison.
 * 2. apiOptionsFor: every API price for the model on this workload, ages against the reference date.
 * 3. searchBreakEven over selfHostedSweep (advise's per-platform search on the leading platforms).
 * 4. Curves for the chart: the search's rates plus a factor-2 grid around the user's load and the break-even
 *    (apiBreakEvenPoint, the number advise states, skips them).
 * Pure: the reference date comes in the options or the request.
 */
import type { AdviceRequest, Candidate } from '../advice-types.ts';
import { advise } from '../advise.ts';
import { findModel } from '../catalog/lookup.ts';
import type { Catalog } from '../catalog/types.ts';
import { apiDollarsPerMonth, apiOptionsFor, cheapestApiOption, DEFAULT_STALE_AFTER_DAYS, slowerThanTarget, type ApiOption } from '../cost/api-pricing.ts';
import type { CalibrationTable } from '../performance/calibration.ts';
import { meanRateOf } from './api-comparison.ts';
import { searchBreakEven, type BreakEvenSearch } from './api-break-even-search.ts';
import type { ApiBreakEvenOptions, ApiBreakEvenReport, ApiOptionRow, BreakEven, BreakEvenMissing, SelfHostedCurve } from './api-break-even-types.ts';
import { selfHostedSweep, sweepHorizon, type SelfHostedAt } from './api-sweep.ts';

export type * from './api-break-even-types.ts';

const SECONDS_PER_DAY = 86_400;
const DEFAULT_LEADING_PLATFORMS = 3;

export function apiBreakEven(request: AdviceRequest, catalog: Catalog, calibration: CalibrationTable, options: ApiBreakEvenOptions = {}): ApiBreakEvenReport {
  const found = breakEvenSearchOf(request, catalog, calibration, options);
  const { dated, asOfDate, staleAfterDays, model, advice, selfHosted, userRate, rows, cheapest, breakEven, leading } = found;
  const targetSpeed = request.latency.tpotMs !== undefined ? 1000 / request.latency.tpotMs : null;
  const apiSpeed = cheapest?.outputTokensPerSecondPerUser ?? null;
  return {
    request: dated,
    modelId: model?.id ?? request.modelId,
    modelName: model?.name ?? request.modelId,
    asOfDate,
    staleAfterDays,
    workload: {
      meanRequestsPerSecond: userRate,
      inputTokens: request.inputTokens,
      outputTokens: request.outputTokens,
      prefixCacheHitFraction: request.prefixCacheHitFraction ?? 0,
      tokensPerDay: userRate * SECONDS_PER_DAY * (request.inputTokens + request.outputTokens),
      outputTokensPerDay: userRate * SECONDS_PER_DAY * request.outputTokens,
    },
    apiOptions: rows,
    cheapestApi: cheapest,
    apiSlo: {
      outputTokensPerSecondPerUser: apiSpeed,
      targetOutputTokensPerSecondPerUser: targetSpeed,
    },
    selfHosted,
    comparison: advice.apiComparison ? { ...advice.apiComparison, approximateBreakEvenRequestsPerSecond: breakEven?.requestsPerSecond ?? null } : null,
    breakEven,
    breakEvenMissing: found.breakEvenMissing,
    leadingPlatforms: leading,
    curves: curvesOf(leading, found.sweep, chartRates(userRate, found.search), catalog),
    // The self-hosted side's defaults and prices; each API option carries its own source.
    assumptions: advice.assumptions,
  };
}

/** The break-even alone, as advise's answer states it (apiBreakEven's own search, without the chart's curves). */
export function apiBreakEvenPoint(request: AdviceRequest, catalog: Catalog, calibration: CalibrationTable, options: ApiBreakEvenOptions = {}): Pick<ApiBreakEvenReport, 'breakEven' | 'breakEvenMissing'> {
  const { breakEven, breakEvenMissing } = breakEvenSearchOf(request, catalog, calibration, options);
  return { breakEven, breakEvenMissing };
}

/** Steps 1-3 of the report: advise at the user's load, the API options, the platforms searched and the search. */
function breakEvenSearchOf(request: AdviceRequest, catalog: Catalog, calibration: CalibrationTable, options: ApiBreakEvenOptions) {
  const asOfDate = options.asOfDate ?? request.asOfDate ?? null;
  const dated: AdviceRequest = asOfDate ? { ...request, asOfDate } : request;
  const staleAfterDays = options.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS;
  const model = findModel(catalog, request.modelId);
  const advice = options.advice ?? advise(dated, catalog, calibration, options.parameters);
  const selfHosted = advice.recommendation;
  const userRate = meanRateOf(advice);
  const settings = { ...(asOfDate ? { asOfDate } : {}), staleAfterDays };
  const rows = apiOptionsFor(catalog.apiPrices, model?.id ?? request.modelId, request, settings).map((o) => row(o, selfHosted?.effectiveDollarsPerMillionOutputTokens ?? null, request.latency.tpotMs));
  const cheapest = (cheapestApiOption(rows, request.latency.tpotMs) as ApiOptionRow | null) ?? null;
  const searchOptions = { ...(options.maxFactor !== undefined ? { maxFactor: options.maxFactor } : {}), ...(options.toleranceFraction !== undefined ? { toleranceFraction: options.toleranceFraction } : {}) };
  const feasible = [...new Set(advice.candidates.map((c) => c.platform))];
  const sweep = selfHostedSweep(request, catalog, calibration, feasible, options.parameters, sweepHorizon(request), { requestsPerSecond: userRate, candidates: advice.candidates });
  const screening = sweepHorizon(request) === 'day' ? sweep : selfHostedSweep(request, catalog, calibration, feasible, options.parameters, 'day');
  const ranked = leadingPlatformsOf(advice.candidates, options.leadingPlatforms ?? DEFAULT_LEADING_PLATFORMS, []);
  const leading = cheapest && selfHosted && userRate > 0
    ? leadingPlatformsOf(advice.candidates, ranked.length, crossingPlatforms(screening, screenedPlatforms(advice.candidates, selfHosted, cheapest), selfHosted.effectiveDollarsPerMillionOutputTokens, cheapest.effectiveDollarsPerMillionOutputTokens, userRate, options.maxFactor))
    : ranked;
  const search = cheapest && selfHosted && userRate > 0
    ? searchBreakEven((rate) => sweep(rate, leading).best?.effectiveDollarsPerMillionOutputTokens ?? Infinity, cheapest.effectiveDollarsPerMillionOutputTokens, userRate, searchOptions)
    : null;
  const breakEven = search?.kind === 'found' && cheapest ? breakEvenAt(search.requestsPerSecond, userRate, (rate) => sweep(rate, leading), cheapest, request) : null;
  const breakEvenMissing = breakEven ? null : missing(search, cheapest !== null, selfHosted !== null, cheapest, advice.candidates);
  return { dated, asOfDate, staleAfterDays, model, advice, selfHosted, userRate, rows, cheapest, sweep, leading, search, breakEven, breakEvenMissing };
}

/** The first `count` platforms of advise's ranking at the user's load, plus `also` (deduplicated). */
export function leadingPlatformsOf(candidates: readonly Candidate[], count: number, also: readonly (string | undefined)[]): string[] {
  const leading = [...new Set(candidates.filter((c) => c.meetsSlo).map((c) => c.platform))].slice(0, count);
  for (const id of also) if (id !== undefined && !leading.includes(id)) leading.push(id);
  return leading;
}

/**
 * The cheapest platforms on either side of the crossing, found by a screening search (doubling only,
 * every feasible platform, one simulated day of the shape; at the user's own rate advise's answer), so
 * that the fleet that wins at other loads is searched too, not only the leaders at the user's load.
 */
function crossingPlatforms(screening: SelfHostedAt, platforms: readonly string[], selfHostedAtUser: number, apiDollarsPerMillionOutputTokens: number, userRate: number, maxFactor: number | undefined): (string | undefined)[] {
  const cost = (rate: number) => (rate === userRate ? selfHostedAtUser : (screening(rate, platforms).best?.effectiveDollarsPerMillionOutputTokens ?? Infinity));
  const bracket = searchBreakEven(cost, apiDollarsPerMillionOutputTokens, userRate, { ...(maxFactor !== undefined ? { maxFactor } : {}), toleranceFraction: 1 });
  const ends = bracket.kind === 'found' ? [bracket.requestsPerSecond / 2, bracket.requestsPerSecond] : [bracket.kind === 'never' ? bracket.upToRequestsPerSecond : bracket.downToRequestsPerSecond];
  return ends.filter((rate) => rate !== userRate).map((rate) => screening(rate, platforms).best?.platform);
}

/** Screening margin: a platform whose best full-load cost exceeds the API's by more than this cannot win above the user's load. */
const FULL_LOAD_MARGIN_MULTIPLIER = 1.5;

/**
 * Platforms worth screening. Above the user's load (API cheaper there) only those whose full-load cost
 * (a floor under the effective cost) is within the margin of the API's; below it, every feasible one.
 */
function screenedPlatforms(candidates: readonly Candidate[], selfHosted: Candidate, api: ApiOption): string[] {
  const upward = selfHosted.effectiveDollarsPerMillionOutputTokens > api.effectiveDollarsPerMillionOutputTokens;
  const bound = api.effectiveDollarsPerMillionOutputTokens * FULL_LOAD_MARGIN_MULTIPLIER;
  return [...new Set(candidates.filter((c) => c.meetsSlo && (!upward || c.fullLoadDollarsPerMillionOutputTokens <= bound)).map((c) => c.platform))];
}

function row(option: ApiOption, selfHostedDollarsPerMillionOutputTokens: number | null, tpotMs: number | undefined): ApiOptionRow {
  const self = selfHostedDollarsPerMillionOutputTokens;
  return { ...option, vsSelfHostedFraction: self !== null && Number.isFinite(self) && self > 0 ? option.effectiveDollarsPerMillionOutputTokens / self - 1 : null, slowerThanTarget: slowerThanTarget(option, tpotMs) };
}

function breakEvenAt(rate: number, userRate: number, sweep: SelfHostedAt, api: ApiOption, request: AdviceRequest): BreakEven | null {
  const best = sweep(rate).best;
  if (!best) return null;
  return {
    requestsPerSecond: rate,
    factorOfUserLoad: rate / userRate,
    tokensPerDay: rate * SECONDS_PER_DAY * (request.inputTokens + request.outputTokens),
    outputTokensPerDay: rate * SECONDS_PER_DAY * request.outputTokens,
    utilizationFraction: best.meanUtilizationFraction,
    platform: best.platform,
    platformName: best.platformName,
    policy: best.policy,
    servingMode: best.servingMode,
    selfHostedDollarsPerMillionOutputTokens: best.effectiveDollarsPerMillionOutputTokens,
    provider: api.variant ? `${api.provider} (${api.variant})` : api.provider,
    apiDollarsPerMillionOutputTokens: api.effectiveDollarsPerMillionOutputTokens,
    dollarsPerMonth: apiDollarsPerMonth(api, rate, request.outputTokens),
  };
}

function missing(found: BreakEvenSearch | null, hasApi: boolean, hasFleet: boolean, api: ApiOption | null, candidates: readonly Candidate[]): BreakEvenMissing {
  if (!hasApi) return { reason: 'no-api-price', limitRequestsPerSecond: null };
  if (!hasFleet || !found) return { reason: 'no-self-hosted-option', limitRequestsPerSecond: null };
  const fullLoad = Math.min(...candidates.filter((c) => c.meetsSlo).map((c) => c.fullLoadDollarsPerMillionOutputTokens));
  if (found.kind === 'always') return { reason: 'self-hosting-always-wins', limitRequestsPerSecond: found.downToRequestsPerSecond, fullLoadDollarsPerMillionOutputTokens: fullLoad };
  const limit = found.kind === 'never' ? found.upToRequestsPerSecond : null;
  return { reason: 'self-hosting-never-wins', limitRequestsPerSecond: limit, fullLoadDollarsPerMillionOutputTokens: fullLoad };
}

/** The search's rates plus user x 2^k covering 1/4 of the lower to 8x the higher of the user's load and the break-even. */
export function chartRates(userRate: number, found: BreakEvenSearch | null): number[] {
  if (!(userRate > 0)) return [];
  const other = found?.kind === 'found' ? found.requestsPerSecond : userRate;
  const kLo = Math.floor(Math.log2(Math.min(userRate, other) / userRate)) - 2;
  const kHi = Math.ceil(Math.log2(Math.max(userRate, other) / userRate)) + 3;
  const grid = Array.from({ length: kHi - kLo + 1 }, (_, i) => userRate * 2 ** (kLo + i));
  return [...new Set([...grid, ...(found?.evaluatedRequestsPerSecond ?? [])])].sort((a, b) => a - b);
}

function curvesOf(platforms: readonly string[], sweep: SelfHostedAt, rates: readonly number[], catalog: Catalog): SelfHostedCurve[] {
  return platforms.map((platform) => ({
    platform,
    platformName: catalog.accelerators.find((a) => a.id === platform)?.name ?? platform,
    points: rates.flatMap((rate) => {
      const c = sweep(rate, platforms).byPlatform.get(platform);
      return c && Number.isFinite(c.effectiveDollarsPerMillionOutputTokens) ? [{ requestsPerSecond: rate, effectiveDollarsPerMillionOutputTokens: c.effectiveDollarsPerMillionOutputTokens }] : [];
    }),
  }));
}
