/**
 * A parsed query -> the engine's AdviceRequest: load shape object, latency targets, pricing object,
 * $/GPU-hour overrides. Concurrent users become requests/s by Little's law only when the output length
 * and a per-user speed are known; anything else missing is filled from stated defaults, each listed.
 */
import type { AdviceRequest, LoadShape, Pricing } from '../engine/advice-types.ts';
import type { Vendor } from '../engine/catalog/types.ts';
import { businessHoursShape } from '../engine/traffic/business-hours.ts';
import { formatNumber } from './numbers.ts';
import { EXAMPLES, VENDORS, type Assumption, type ParsedQuery, type Problem } from './schema.ts';

export interface AdviceDefaults {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly requestsPerSecond: number;
  readonly weekendFraction: number;
  readonly spikeRiseMinutes: number;
  readonly spikeDurationMinutes: number;
  readonly pricing: Pricing;
}

export const ADVICE_DEFAULTS: AdviceDefaults = {
  inputTokens: 1000,
  outputTokens: 1000,
  requestsPerSecond: 10,
  weekendFraction: 0.5,
  spikeRiseMinutes: 15,
  spikeDurationMinutes: 120,
  pricing: { kind: 'rented' },
};

export interface AdviceRequestResult {
  /** Null when a problem (the query's own, or found here) stands in the way. */
  readonly request: AdviceRequest | null;
  readonly problems: readonly Problem[];
  /** Assumptions made here, in addition to the query's own. */
  readonly assumptions: readonly Assumption[];
}

function loadShape(q: ParsedQuery, d: AdviceDefaults, assume: (a: Assumption) => void, meanRequestsPerSecond: number): LoadShape {
  const peak = q.peakToAverage ?? 1;
  if (q.peakHourUtc !== undefined && q.shape !== undefined && q.shape !== 'diurnal') {
    assume({ field: 'peakHourUtc', value: q.peakHourUtc, reason: `a ${q.shape} load has no single peak hour; the hour was not used` });
  }
  switch (q.shape) {
    case 'diurnal':
      return { kind: 'diurnal', peakToAverage: peak, ...(q.peakHourUtc !== undefined ? { peakHourUtc: q.peakHourUtc } : {}) };
    case 'weekly':
      if (q.weekendFraction === undefined) assume({ field: 'weekendFraction', value: d.weekendFraction, reason: 'weekend load as a share of the weekday mean, not stated' });
      return { kind: 'weekly', peakToAverage: peak, weekendFraction: q.weekendFraction ?? d.weekendFraction };
    case 'spike':
      assume({ field: 'spike', value: `${d.spikeRiseMinutes} min rise${q.spikeDurationMinutes === undefined ? `, ${d.spikeDurationMinutes} min long` : ''}`, reason: 'spike timing not stated' });
      return { kind: 'spike', peakToAverage: peak, riseMinutes: d.spikeRiseMinutes, durationMinutes: q.spikeDurationMinutes ?? d.spikeDurationMinutes };
    case 'business-hours':
      if (q.businessHours !== undefined) return businessHoursShape(meanRequestsPerSecond, q.businessHours);
      return { kind: 'diurnal', peakToAverage: peak };
    default:
      return peak > 1 ? { kind: 'diurnal', peakToAverage: peak } : { kind: 'flat' };
  }
}

function pricingOf(q: ParsedQuery, d: AdviceDefaults, assume: (a: Assumption) => void): Pricing {
  if (q.pricing === 'owned') {
    return {
      kind: 'owned',
      ...(q.dollarsPerKwh !== undefined ? { dollarsPerKwh: q.dollarsPerKwh } : {}),
      ...(q.powerUsageEffectiveness !== undefined ? { powerUsageEffectiveness: q.powerUsageEffectiveness } : {}),
      ...(q.amortizationYears !== undefined ? { amortizationYears: q.amortizationYears } : {}),
    };
  }
  if (q.pricing === 'rented') return { kind: 'rented', ...(q.tier !== undefined ? { tier: q.tier } : {}) };
  assume({ field: 'pricing', value: d.pricing.kind, reason: 'rented or owned not stated' });
  return d.pricing;
}

/** Mean requests/s: stated, or Little's law over concurrent users (no think time), else a problem. */
function meanRequestsPerSecond(q: ParsedQuery, outputTokens: number, assume: (a: Assumption) => void, problems: Problem[]): number | undefined {
  if (q.requestsPerSecond !== undefined) return q.requestsPerSecond;
  if (q.concurrentUsers === undefined) return undefined;
  const tpotMs = q.tpotMs ?? (q.tokensPerSecondPerUser !== undefined ? 1000 / q.tokensPerSecondPerUser : undefined);
  if (tpotMs === undefined || q.outputTokens === undefined) {
    problems.push({
      fragment: `${q.concurrentUsers} concurrent users`,
      message: `can't turn ${q.concurrentUsers} concurrent users into requests/s without ${q.outputTokens === undefined ? 'the output length and ' : ''}a per-user speed`,
      example: `${q.concurrentUsers} concurrent users at 50 tok/s per user, 2k in / 500 out`,
      field: 'requestsPerSecond',
    });
    return undefined;
  }
  const seconds = ((q.ttftMs ?? 0) + outputTokens * tpotMs) / 1000;
  const rps = q.concurrentUsers / seconds;
  assume({
    field: 'requestsPerSecond',
    value: rps,
    reason: `Little's law: ${q.concurrentUsers} users ÷ (${formatNumber(q.ttftMs ?? 0)} ms TTFT + ${outputTokens} tokens × ${formatNumber(tpotMs)} ms) = ${formatNumber(rps)} requests/s, each user sending the next request as the last one ends`,
  });
  return rps;
}

export function toAdviceRequest(query: ParsedQuery, defaults: Partial<AdviceDefaults> = {}): AdviceRequestResult {
  const d = { ...ADVICE_DEFAULTS, ...defaults };
  const problems: Problem[] = [...query.problems];
  const assumptions: Assumption[] = [];
  const assume = (a: Assumption): void => void assumptions.push(a);
  if (query.model === undefined && !problems.some((p) => p.field === 'model')) {
    problems.push({ fragment: '', message: 'which model?', example: EXAMPLES.whole, field: 'model' });
  }
  for (const side of ['inputTokens', 'outputTokens'] as const) {
    if (query[side] === undefined) assume({ field: side, value: d[side], reason: 'not stated' });
  }
  const inputTokens = query.inputTokens ?? d.inputTokens;
  const outputTokens = query.outputTokens ?? d.outputTokens;
  let rps = meanRequestsPerSecond(query, outputTokens, assume, problems);
  if (rps === undefined && query.concurrentUsers === undefined) {
    rps = d.requestsPerSecond;
    assume({ field: 'requestsPerSecond', value: rps, reason: 'load not stated' });
  }
  const shape = loadShape(query, d, assume, rps ?? 0);
  const horizon = query.horizon ?? (shape.kind === 'weekly' || shape.kind === 'series' ? 'week' : 'day');
  if (query.horizon === undefined) assume({ field: 'horizon', value: horizon, reason: shape.kind === 'weekly' || shape.kind === 'series' ? 'a weekly pattern needs a week' : 'not stated' });
  const pricing = pricingOf(query, d, assume);
  if (problems.length > 0 || query.model === undefined || rps === undefined) return { request: null, problems, assumptions };
  const excluded = new Set(query.excludeVendors ?? []);
  const vendors = excluded.size > 0 ? (query.vendors ?? VENDORS).filter((v) => !excluded.has(v)) : query.vendors;
  const tpotMs = query.tpotMs ?? (query.tokensPerSecondPerUser !== undefined ? 1000 / query.tokensPerSecondPerUser : undefined);
  const request: AdviceRequest = {
    modelId: query.model,
    ...(query.precision !== undefined ? { precision: query.precision } : {}),
    inputTokens,
    outputTokens,
    meanRequestsPerSecond: rps,
    shape,
    horizon,
    latency: {
      ...(query.ttftMs !== undefined ? { ttftMs: query.ttftMs } : {}),
      ...(query.ttftPercentile !== undefined ? { ttftPercentile: query.ttftPercentile } : {}),
      ...(tpotMs !== undefined ? { tpotMs } : {}),
    },
    pricing,
    ...(query.dollarsPerGpuHour !== undefined ? { dollarsPerGpuHourOverrides: query.dollarsPerGpuHour } : {}),
    ...(query.platforms !== undefined ? { platforms: query.platforms } : {}),
    ...(vendors !== undefined ? { vendors: vendors as Vendor[] } : {}),
    ...(query.excludePlatforms !== undefined ? { excludePlatforms: query.excludePlatforms } : {}),
  };
  return { request, problems, assumptions };
}
