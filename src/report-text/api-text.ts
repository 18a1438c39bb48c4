/**
 * The API-vs-self-hosting sentences, for the advice's comparison reason and the api report (moved out
 * of engine/reports, issue 15): money, percent and rates by src/format.ts's rule.
 */
import type { ApiComparison, BreakEvenMissing, Reason } from '../engine/advice-types.ts';
import type { ApiBreakEvenReport } from '../engine/reports/api-break-even-types.ts';
import { formatCount, formatRequestsPerSecond } from '../format.ts';
import { money, percent } from './words.ts';
import { compareText } from '../engine/text-order.ts';

export const rateText = formatRequestsPerSecond;

/** "DeepInfra" or "DeepInfra (turbo)". */
export function providerText(option: { readonly provider: string; readonly variant: string | null }): string {
  return option.variant ? `${option.provider} (${option.variant})` : option.provider;
}

/** Why there is no break-even, in words; `provider` and `apiDollarsPerMillionOutputTokens` are the cheapest API's. */
export function missingText(missing: BreakEvenMissing, provider: string, apiDollarsPerMillionOutputTokens: number): string {
  const limit = rateText(missing.limitRequestsPerSecond ?? 0);
  switch (missing.reason) {
    case 'no-api-price':
      return 'no hosted-API price for this model in the catalog';
    case 'no-self-hosted-option':
      return 'no dedicated fleet meets the targets, so there is nothing to break even with';
    case 'self-hosting-always-wins':
      return `self-hosting stays cheaper than ${provider}'s API down to ${limit}, the lowest load tried`;
    case 'self-hosting-never-wins': {
      const fullLoad = missing.fullLoadDollarsPerMillionOutputTokens;
      const floor = fullLoad !== undefined && Number.isFinite(fullLoad) && fullLoad > apiDollarsPerMillionOutputTokens
        ? ` (even fully used, the best fleet costs ${money(fullLoad)} per 1M output tokens, more than the API's ${money(apiDollarsPerMillionOutputTokens)})`
        : '';
      return `self-hosting does not beat ${provider}'s API up to ${limit}, the highest load tried${floor}`;
    }
  }
}

/** "at 30 req/s, OpenRouter's API at $0.36 per 1M output tokens ... self-hosting wins above about 45 req/s". */
export function apiComparisonText(reason: Reason, c: ApiComparison, meanRequestsPerSecond: number): string {
  const stale = c.priceStale ? ` (API price as of ${c.priceAsOf}, possibly stale)` : '';
  const at = `at ${rateText(meanRequestsPerSecond)}`;
  const be = reason.numbers?.approximateBreakEvenRequestsPerSecond ?? null;
  const missing = be === null && c.breakEvenMissing ? missingText(c.breakEvenMissing, c.provider, c.apiDollarsPerMillionOutputTokens) : undefined;
  if (reason.code === 'api-cheaper') {
    const months = `${money(c.apiDollarsPerMonth)} vs ${money(c.selfHostedDollarsPerMonth)} a month`;
    const wins = be !== null ? `self-hosting wins above about ${rateText(be)}` : (missing ?? "self-hosting does not win up to this fleet's peak capacity (tokcost api finds the break-even)");
    return `${at}, ${c.provider}'s API at ${money(c.apiDollarsPerMillionOutputTokens)} per 1M output tokens (input included) would cost ${percent(c.savingFraction)} less than the cheapest dedicated fleet (${months})${stale}; ${wins}`;
  }
  const months = `${money(c.apiDollarsPerMonth)} for the API vs ${money(c.selfHostedDollarsPerMonth)} a month`;
  const below = be !== null ? `; below about ${rateText(be)} the API would be cheaper` : missing ? `; ${missing}` : '; tokcost api finds the load below which the API is cheaper';
  return `${at}, the dedicated fleet costs ${percent(c.savingFraction)} less than the cheapest API, ${c.provider} at ${money(c.apiDollarsPerMillionOutputTokens)} per 1M output tokens (input included; ${months})${stale}${below}`;
}

type BreakEvenDraft = Omit<ApiBreakEvenReport, 'sentence' | 'notes'>;

/** The api report's "why no break-even", in words; null when it found one. */
export function breakEvenMissingText(r: BreakEvenDraft): string | null {
  if (!r.breakEvenMissing) return null;
  const api = r.cheapestApi;
  return missingText(r.breakEvenMissing, api ? providerText(api) : 'the API', api?.effectiveDollarsPerMillionOutputTokens ?? Number.NaN);
}

/** What the API side is assumed to deliver. */
export function apiSloText(r: BreakEvenDraft): string {
  const speed = r.apiSlo.outputTokensPerSecondPerUser;
  return speed !== null && r.cheapestApi ? `${providerText(r.cheapestApi)} states ${speed} output tokens/s per user` : 'not stated (the listing gives no speed or latency; assumed to meet your targets)';
}

/** The break-even report's answer in one sentence. */
export function breakEvenSentence(r: BreakEvenDraft): string {
  const api = r.cheapestApi;
  const fleet = r.selfHosted;
  if (!api) return `No hosted-API price for ${r.modelName} in the catalog, so there is nothing to compare the dedicated fleet with.`;
  const apiPrice = `${providerText(api)}'s API at ${money(api.effectiveDollarsPerMillionOutputTokens)} per 1M output tokens (input included)`;
  if (!fleet) return `No dedicated fleet meets the targets for ${r.modelName}; ${apiPrice} is the option.`;
  const rate = rateText(r.workload.meanRequestsPerSecond);
  const apiMonth = r.comparison?.apiDollarsPerMonth;
  const months = apiMonth !== undefined ? `; ${money(apiMonth)} vs ${money(fleet.dollarsPerMonth)} a month` : '';
  const stale = api.stale ? ` (${providerText(api)}'s price dates from ${api.asOf}: possibly stale)` : '';
  const be = r.breakEven;
  const tail = be
    ? `${rateText(be.requestsPerSecond)} (${formatCount(be.tokensPerDay)} tokens a day in + out, ${percent(be.utilizationFraction)} of the paid GPU-time used, on ${be.platformName})`
    : null;
  const none = breakEvenMissingText(r) ?? 'no break-even found';
  if (api.effectiveDollarsPerMillionOutputTokens < fleet.effectiveDollarsPerMillionOutputTokens) {
    const saving = 1 - api.effectiveDollarsPerMillionOutputTokens / fleet.effectiveDollarsPerMillionOutputTokens;
    const wins = tail ? `self-hosting wins above ${tail}` : none;
    return `At ${rate}, ${apiPrice} would cost ${percent(saving)} less than the cheapest dedicated fleet (${fleet.platformName} at ${money(fleet.effectiveDollarsPerMillionOutputTokens)}${months})${stale}; ${wins}.`;
  }
  const saving = 1 - fleet.effectiveDollarsPerMillionOutputTokens / api.effectiveDollarsPerMillionOutputTokens;
  const below = tail ? `the API would be cheaper below ${tail}` : none;
  const fleetMonths = apiMonth !== undefined ? `; ${money(fleet.dollarsPerMonth)} vs ${money(apiMonth)} a month` : '';
  return `At ${rate}, a dedicated ${fleet.platformName} fleet at ${money(fleet.effectiveDollarsPerMillionOutputTokens)} per 1M output tokens costs ${percent(saving)} less than the cheapest API (${providerText(api)} at ${money(api.effectiveDollarsPerMillionOutputTokens)}, input included${fleetMonths})${stale}; ${below}.`;
}

/** The report's notes: stale prices, cached input, slow APIs, how the break-even was searched. */
export function breakEvenNotes(r: BreakEvenDraft): string[] {
  const notes: string[] = [];
  const options = r.apiOptions;
  if (r.asOfDate === null) notes.push('no reference date given: price ages not checked');
  const stale = options.filter((o) => o.stale);
  if (stale.length > 0) {
    const oldest = [...stale].sort((a, b) => compareText(a.asOf, b.asOf))[0]!;
    notes.push(`${stale.length} of ${options.length} API prices are more than ${r.staleAfterDays} days older than ${r.asOfDate}: possibly stale (oldest: ${providerText(oldest)}, ${oldest.asOf})`);
  }
  if (r.workload.prefixCacheHitFraction > 0) {
    const cached = options.filter((o) => o.cachedInputPriced).length;
    notes.push(`${percent(r.workload.prefixCacheHitFraction)} of input tokens reuse a prefix: ${cached} of ${options.length} providers list a cached-input price and are priced with it; the rest charge full input price`);
  }
  for (const o of options.filter((x) => x.slowerThanTarget).slice(0, 3)) {
    notes.push(`${providerText(o)} states ${o.outputTokensPerSecondPerUser} output tokens/s per user, below your target of ${Math.round(r.apiSlo.targetOutputTokensPerSecondPerUser ?? 0)}: not counted as the cheapest`);
  }
  if (r.leadingPlatforms.length > 0) {
    notes.push(`break-even searched on the ${r.leadingPlatforms.length} leading platforms (${r.leadingPlatforms.join(', ')}), your load shape scaled up and down (peaks scale with the mean), every configuration and policy re-optimized at each load`);
  }
  notes.push('API prices are list prices per million tokens (input, cached input, output), without volume discounts, rate limits or batch tiers');
  return notes;
}

/** The api report with its sentence and notes worded (for --json and the stored Slack report). */
export function wordApiBreakEven<R extends BreakEvenDraft>(r: R): R & { readonly sentence: string; readonly notes: readonly string[] } {
  return { ...r, sentence: breakEvenSentence(r), notes: breakEvenNotes(r) };
}
