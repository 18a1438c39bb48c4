/** The break-even report's answer in words and its notes (stale prices, cached input, speed, method). */
import type { ApiOption } from '../cost/api-pricing.ts';
import type { ApiBreakEvenReport } from './api-break-even-types.ts';
import { countText, moneyText, percentText, providerText, rateText } from './api-text.ts';
import { compareText } from '../text-order.ts';

type Draft = Omit<ApiBreakEvenReport, 'sentence' | 'notes'>;

/** Why there is no break-even: self-hosting never wins (with the full-load floor) or always wins, within the rates tried. */
export function missingText(kind: 'never' | 'always', limitRequestsPerSecond: number | null, api: ApiOption, fullLoadDollarsPerMillionOutputTokens: number): string {
  if (kind === 'always') return `self-hosting stays cheaper than ${providerText(api)}'s API down to ${rateText(limitRequestsPerSecond ?? 0)}, the lowest load tried`;
  const floor = Number.isFinite(fullLoadDollarsPerMillionOutputTokens) && fullLoadDollarsPerMillionOutputTokens > api.effectiveDollarsPerMillionOutputTokens
    ? ` (even fully used, the best fleet costs ${moneyText(fullLoadDollarsPerMillionOutputTokens)} per 1M output tokens, more than the API's ${moneyText(api.effectiveDollarsPerMillionOutputTokens)})`
    : '';
  return `self-hosting does not beat ${providerText(api)}'s API up to ${rateText(limitRequestsPerSecond ?? 0)}, the highest load tried${floor}`;
}

export function breakEvenSentence(r: Draft): string {
  const api = r.cheapestApi;
  const fleet = r.selfHosted;
  if (!api) return `No hosted-API price for ${r.modelName} in the catalog, so there is nothing to compare the dedicated fleet with.`;
  const apiPrice = `${providerText(api)}'s API at ${moneyText(api.effectiveDollarsPerMillionOutputTokens)} per 1M output tokens (input included)`;
  if (!fleet) return `No dedicated fleet meets the targets for ${r.modelName}; ${apiPrice} is the option.`;
  const rate = rateText(r.workload.meanRequestsPerSecond);
  const apiMonth = r.comparison?.apiDollarsPerMonth;
  const months = apiMonth !== undefined ? `; ${moneyText(apiMonth)} vs ${moneyText(fleet.dollarsPerMonth)} a month` : '';
  const stale = api.stale ? ` (${providerText(api)}'s price dates from ${api.asOf}: possibly stale)` : '';
  const be = r.breakEven;
  const tail = be
    ? `${rateText(be.requestsPerSecond)} (${countText(be.tokensPerDay)} tokens a day in + out, ${percentText(be.utilizationFraction)} of the paid GPU-time used, on ${be.platformName})`
    : null;
  if (api.effectiveDollarsPerMillionOutputTokens < fleet.effectiveDollarsPerMillionOutputTokens) {
    const saving = 1 - api.effectiveDollarsPerMillionOutputTokens / fleet.effectiveDollarsPerMillionOutputTokens;
    const wins = tail ? `self-hosting wins above ${tail}` : (r.breakEvenMissing?.text ?? 'no break-even found');
    return `At ${rate}, ${apiPrice} would cost ${percentText(saving)} less than the cheapest dedicated fleet (${fleet.platformName} at ${moneyText(fleet.effectiveDollarsPerMillionOutputTokens)}${months})${stale}; ${wins}.`;
  }
  const saving = 1 - fleet.effectiveDollarsPerMillionOutputTokens / api.effectiveDollarsPerMillionOutputTokens;
  const below = tail ? `the API would be cheaper below ${tail}` : (r.breakEvenMissing?.text ?? 'no break-even found');
  const fleetMonths = apiMonth !== undefined ? `; ${moneyText(fleet.dollarsPerMonth)} vs ${moneyText(apiMonth)} a month` : '';
  return `At ${rate}, a dedicated ${fleet.platformName} fleet at ${moneyText(fleet.effectiveDollarsPerMillionOutputTokens)} per 1M output tokens costs ${percentText(saving)} less than the cheapest API (${providerText(api)} at ${moneyText(api.effectiveDollarsPerMillionOutputTokens)}, input included${fleetMonths})${stale}; ${below}.`;
}

export function reportNotes(r: Draft): string[] {
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
    notes.push(`${percentText(r.workload.prefixCacheHitFraction)} of input tokens reuse a prefix: ${cached} of ${options.length} providers list a cached-input price and are priced with it; the rest charge full input price`);
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
