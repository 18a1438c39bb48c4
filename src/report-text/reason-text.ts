/**
 * Every reason record in words (the engine's recommend/ modules make the records): the sentence is
 * computed from the numbers the record cites and the candidates it names, with the one money and
 * percent rule of src/format.ts. A record that arrives worded (a pricing note) keeps its text.
 */
import type { AdviceReport, Candidate, Commitment, Reason } from '../engine/advice-types.ts';
import { policyOf } from '../engine/fleet/policies/index.ts';
import { meanRateOf } from '../engine/reports/api-comparison.ts';
import { apiComparisonText } from './api-text.ts';
import { policyReasonText } from './policy-reason-text.ts';
import { commitmentText, money, percent, percentPoints, priceAndElasticity } from './words.ts';

/** What a reason's sentence may draw on besides the record: the recommendation and, for the API reason, the comparison. */
export type ReasonContext = Pick<AdviceReport, 'recommendation'> & Partial<Pick<AdviceReport, 'apiComparison' | 'loadSeries' | 'request'>>;

const LOSS_NAMES: Record<string, string> = {
  demandBelowCapacityFraction: 'demand below capacity',
  replicaGranularityFraction: 'replica granularity',
  latencyHeadroomFraction: 'latency headroom',
  smallBatchFraction: 'small batches',
};

export function reasonText(reason: Reason, context: ReasonContext): string {
  if (reason.text !== undefined) return reason.text;
  const chosen = context.recommendation;
  const n = (key: string): number => reason.numbers?.[key] ?? 0;
  const other = reason.versus;
  switch (reason.code) {
    case 'recommendation':
      return chosen ? `${chosen.platformName}, ${chosen.servingMode}, ${priceAndElasticity(chosen)}: the cheapest configuration that meets the targets` : 'no recommendation';
    case 'unknown-model':
      return `unknown model "${String(reason.facts?.modelId ?? '')}"`;
    case 'slo-unreachable':
      return other
        ? `no configuration meets the targets on every minute; closest: ${other.platformName} missing ${n('sloMissMinutes')} minutes`
        : reason.facts?.firstRefusal !== undefined
          ? `none of the ${n('refusedPlatforms')} platforms considered can serve it (${String(reason.facts.firstRefusedPlatform)}: ${String(reason.facts.firstRefusal)})`
          : 'no platform can serve this model within the targets at any price in the catalog';
    case 'disaggregated-wins':
      return `disaggregated wins here because ${n('inputTokens')}-token prompts would stall decode in aggregated serving; at this load aggregated would cost ${percentPoints(n('percentMore'))} more`;
    case 'serving-mode-tie':
      return `aggregated and disaggregated serving cost the same at this load (the fleet is ${n('peakGpuCount')} GPUs either way), so the simpler aggregated setup is recommended`;
    case 'disaggregation-does-not-pay': {
      const handoff = reason.numbers?.kvHandoffMs;
      return `disaggregation does not pay for this workload: separate prefill and decode pools would cost ${percentPoints(n('percentMore'))} more (${other?.prefillWorkers ?? 0} prefill + ${other?.decodeWorkers ?? 0} decode workers at peak${handoff !== undefined ? `, KV hand-off ${handoff.toFixed(1)} ms` : ''})`;
    }
    case 'utilization': {
      const loss = String(reason.facts?.largestLoss ?? '');
      const mean = reason.numbers?.meanLoadFraction;
      return `${percent(n('servedFraction'))} of the paid GPU-time serves tokens at the full-load rate${mean !== undefined ? ` (the mean load is ${percent(mean)} of the fleet's capacity at the SLO)` : ''}; the largest loss is ${LOSS_NAMES[loss] ?? loss} (${percent(n(loss))}), so the effective cost is ${n('effectiveOverFullLoadMultiplier').toFixed(1)}x the full-load cost`;
    }
    case 'runner-up-other-vendor':
      return other ? `best on another vendor: ${other.platformName} (${other.servingMode}, ${policyOf(other.policy).description}) at ${money(other.effectiveDollarsPerMillionOutputTokens)} per million output tokens, ${percentPoints(n('percentMore'))} more` : '';
    case 'optimistic-queueing':
      return `the fleet is planned at ${percent(n('ceilingFraction'))} utilization; queueing estimates above ${percent(n('optimisticAboveFraction'))} are optimistic, so real TTFT tails may be longer`;
    case 'spec-only-estimate':
      return `${chosen?.platformName ?? 'this platform'} throughput is a spec-only estimate (no calibrated measurement): treat costs as +/-${percent(n('bandFraction'))}`;
    case 'scale-to-zero-considered':
      return scaleToZeroText(n('quietestRequestsPerSecond'), n('scaleUpLagMinutes'), n('smallestFleetGpus'));
    case 'owned-cost-split':
      return ownedCostText(reason);
    case 'price-override':
    case 'price-override-unused':
      return priceOverrideText(reason, chosen);
    case 'api-cheaper':
    case 'self-hosting-cheaper':
      return context.apiComparison ? apiComparisonText(reason, context.apiComparison, meanRequestsPerSecond(context)) : '';
    default:
      return policyReasonText(reason, chosen) ?? reason.code;
  }
}

function meanRequestsPerSecond(context: ReasonContext): number {
  return context.loadSeries && context.request ? meanRateOf(context as AdviceReport) : 0;
}

function scaleToZeroText(quietest: number, lagMinutes: number, smallestGpus: number): string {
  const perMinute = quietest * 60;
  return `scale to zero was considered: it saves only over stretches with no traffic, but the quietest minute still brings ${Number(quietest.toPrecision(2))} req/s (about ${perMinute >= 10 ? Math.round(perMinute) : Number(perMinute.toPrecision(2))} requests a minute) and a replica takes ${lagMinutes} minutes to start, so the fleet keeps its smallest size (${smallestGpus} GPUs); it pays only if traffic stops for longer than ${lagMinutes} minutes at a time`;
}

function ownedCostText(reason: Reason): string {
  const n = (key: string): number => reason.numbers?.[key] ?? 0;
  const parts: [string, number][] = [
    [reason.facts?.purchaseIncludesServer ? 'accelerator with its server (the price covers both)' : 'accelerator', n('acceleratorDollarsPerGpuHour')],
    ['server', n('serverDollarsPerGpuHour')],
    ['network', n('networkDollarsPerGpuHour')],
    ['facility', n('facilityDollarsPerGpuHour')],
    [`staff and operations (estimate, ${percent(n('operationsFractionPerYear'))} of the hardware a year)`, n('operationsDollarsPerGpuHour')],
  ];
  const shown = parts.filter(([, v]) => v > 0);
  return `an owned ${String(reason.facts?.platformName ?? '')} costs ${money(n('capitalDollarsPerGpuHour'))} per GPU-hour before power, over ${n('amortizationYears')} years: ${shown.map(([name, v]) => `${money(v)} ${name}`).join(' + ')}`;
}

/** "$2.10 (3-year commitment) and $8.60 (on-demand)": the catalog prices a user's price replaced. */
function catalogPricesText(reason: Reason): string {
  if (reason.facts?.catalogPrice === 'purchase') return 'its purchase price';
  const out: string[] = [];
  for (let i = 0; reason.numbers?.[`catalogPrice${i}DollarsPerGpuHour`] !== undefined; i++) {
    out.push(`${money(reason.numbers[`catalogPrice${i}DollarsPerGpuHour`]!)} (${commitmentText(reason.facts?.[`catalogPrice${i}Commitment`] as Commitment)})`);
  }
  return out.join(' and ');
}

function priceOverrideText(reason: Reason, chosen: Candidate | null): string {
  const facts = reason.facts ?? {};
  const price = `${money(reason.numbers?.dollarsPerGpuHour ?? Number.NaN)}/GPU-hour`;
  if (facts.why === 'no-such-platform') return `your price of ${price} for "${String(facts.platform)}" matched no platform in the catalog, so it changed nothing`;
  const name = String(facts.platformName ?? facts.platform ?? '');
  if (facts.why === 'owned') return `your price of ${price} for ${name} is not used: owned hardware is priced from its purchase price and power`;
  const head = `your price of ${price} for ${name} (every policy, paid by the hour)`;
  if (typeof facts.catalogMissing === 'string') return `${head} made it priceable: the catalog has none (${facts.catalogMissing})`;
  if (facts.meetsTargets === false || !reason.versus) return `${head} replaced the catalog's ${catalogPricesText(reason)}; no configuration on it meets the targets, so it changed no answer`;
  const best = reason.versus;
  const more = reason.numbers?.percentMoreThanRecommendation;
  const standing = facts.isRecommendation ? 'it is the recommendation' : more !== undefined && chosen ? `${percentPoints(more)} more than the recommendation` : '';
  return `${head} replaced the catalog's ${catalogPricesText(reason)}: its best fleet (${best.peakGpuCount} GPUs, ${policyOf(best.policy).label}) costs ${money(reason.numbers?.effectiveDollarsPerMillionOutputTokens ?? Number.NaN)} per million output tokens at your price against ${money(reason.numbers?.catalogEffectiveDollarsPerMillionOutputTokens ?? Number.NaN)} at the catalog's${standing ? `; ${standing}` : ''}`;
}
