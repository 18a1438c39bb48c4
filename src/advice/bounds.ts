/**
 * One set of bounds for every numeric workload field, whatever door it came through. Each says why: what
 * is physically possible, what a price or an energy cost can sanely be. A value outside is refused with
 * the field, the bound and an example that works; non-finite values never pass. The model's context
 * window (from the catalog) is checked in buildWorkload, where the model is known.
 */
import type { DraftField } from './workload-draft.ts';
import { enUsNumber } from '../engine/number-text.ts';

export interface Bound {
  readonly min: number;
  readonly max: number;
  /** min itself is allowed unless exclusive. */
  readonly minExclusive?: boolean;
  readonly maxExclusive?: boolean;
  readonly integer?: boolean;
  /** What the field is, for messages. */
  readonly label: string;
  readonly why: string;
  /** A value that works, in the field's own units. */
  readonly example: number;
  /** The range in words, when numbers alone read badly ("one request a day to 1,000,000 req/s"). */
  readonly range?: string;
  /** The value restated in friendlier units ("0.5 requests a day"). */
  readonly restate?: (value: number) => string;
}

export const BOUNDS: Partial<Record<DraftField, Bound>> = {
  inputTokens: { min: 1, max: 10_000_000, integer: true, label: 'input tokens per request', why: 'no catalog model reads more than 10M tokens; the model\'s context window is checked too', example: 2000 },
  outputTokens: { min: 1, max: 1_000_000, integer: true, label: 'output tokens per request', why: 'no catalog model writes more than 1M tokens in one answer', example: 500 },
  requestsPerSecond: {
    min: 1 / 86_400, max: 1_000_000, label: 'mean requests/s', why: '1M req/s is about ten times the world\'s busiest search engine; below one request a day no fleet has a cost per token', example: 30,
    range: 'one request a day to 1,000,000 req/s', restate: (rps) => (rps < 1 ? `${showNumber(rps * 86_400)} requests a day` : ''),
  },
  concurrentUsers: { min: 1, max: 100_000_000, integer: true, label: 'concurrent users', why: 'at most 100 million people at once', example: 200 },
  peakToAverage: { min: 1, max: 100, label: 'peak-to-average ratio', why: '1 is a flat load; above 100x the mean is not a daily pattern (ask for a launch spike)', example: 4 },
  peakHourUtc: { min: 0, max: 23, integer: true, label: 'peak hour (UTC)', why: 'an hour of the day, 0 to 23', example: 12 },
  weekendFraction: { min: 0, max: 1, label: 'weekend load as a share of the weekday mean', why: 'a share: 0 (no weekend traffic) to 1 (same as weekdays)', example: 0.5 },
  spikeRiseMinutes: { min: 1, max: 1440, integer: true, label: 'spike rise (minutes)', why: 'a spike rises within a day', example: 15 },
  spikeDurationMinutes: { min: 1, max: 10_080, integer: true, label: 'spike duration (minutes)', why: 'a spike lasts at most the week simulated', example: 120 },
  ttftMs: { min: 10, max: 3_600_000, label: 'TTFT target (ms)', why: 'no model starts answering in under 10 ms, and a target above an hour is no target', example: 1000 },
  ttftPercentile: { min: 50, max: 99.9, label: 'TTFT percentile', why: 'p50 (median) to p99.9; the queueing model has no meaning outside', example: 95 },
  tpotMs: { min: 0.2, max: 60_000, label: 'TPOT target (ms per output token)', why: 'from 5,000 tokens/s per user (beyond any accelerator today) to one token a minute', example: 20 },
  tokensPerSecondPerUser: { min: 1 / 60, max: 5000, label: 'output tokens/s per user', why: 'from one token a minute to 5,000 tokens/s, beyond any accelerator today', example: 50 },
  dollarsPerKwh: { min: 0.005, max: 2, label: 'electricity $/kWh', why: 'industrial power costs $0.02-0.40/kWh; outside $0.005-2 is a typo', example: 0.08 },
  powerUsageEffectiveness: { min: 1, max: 3, label: 'PUE', why: 'PUE is at least 1 (no facility overhead); above 3 no data center is built today', example: 1.2 },
  amortizationYears: { min: 0.5, max: 15, label: 'amortization (years)', why: 'accelerators are written off over 0.5 to 15 years', example: 4 },
  prefixCacheHitFraction: { min: 0, max: 1, maxExclusive: true, label: 'prefix-cache hit fraction', why: 'a share of input tokens, 0 to below 1 (some input is always new)', example: 0.3 },
  lengthSpreadFraction: { min: 0, max: 5, label: 'length spread (coefficient of variation)', why: '0 (fixed lengths) to 5 (extremely mixed)', example: 0.5 },
};

/** Speculative decoding's per-token acceptance rate, for every door (flags, words, the form). */
export const ACCEPTANCE_RATE_BOUND: Bound = {
  min: 0, max: 1, minExclusive: true, maxExclusive: true, label: 'speculative acceptance rate', why: 'a share of drafted tokens accepted, above 0 and below 1', example: 0.7,
};

/** $/GPU-hour, for every platform price a user or a workspace sets. */
export const DOLLARS_PER_GPU_HOUR_BOUND: Bound = {
  min: 0.01, max: 1000, label: '$ per GPU-hour', why: 'the cheapest spot GPU rents for about $0.10/hour and no accelerator for $1,000', example: 1.99,
};

/** Steps of a user's series: from 1 minute to an hour; values as requestsPerSecond (0 allowed: idle minutes). */
export const SERIES_BOUND: Bound = { min: 0, max: 1_000_000, label: 'requests/s in the series', why: 'from idle to 1M req/s', example: 42.5 };

/** The bound's range as a person reads it: "1 to 100", "0 to below 1". */
export function rangeText(bound: Bound): string {
  if (bound.range) return bound.range;
  const lo = bound.minExclusive ? `above ${showNumber(bound.min)}` : showNumber(bound.min);
  const hi = bound.maxExclusive ? `below ${showNumber(bound.max)}` : showNumber(bound.max);
  return `${lo} to ${hi}${bound.integer ? ', a whole number' : ''}`;
}

/** Null when `value` is inside; else what is wrong with it. */
export function outOfBound(value: number, bound: Bound): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return `${bound.label} must be a finite number`;
  if (bound.integer && !Number.isInteger(value)) return `${bound.label} must be a whole number`;
  const low = bound.minExclusive ? value <= bound.min : value < bound.min;
  const high = bound.maxExclusive ? value >= bound.max : value > bound.max;
  if (low || high) return `${bound.label} ${showNumber(value)}${bound.restate?.(value) ? ` (${bound.restate(value)})` : ''} is out of range (${rangeText(bound)}: ${bound.why})`;
  return null;
}

/** 0.0000116 -> "1.16e-5" is what we must never print; "0.0000116" reads. */
export function showNumber(value: number): string {
  if (Number.isNaN(value)) return 'not a number';
  if (!Number.isFinite(value)) return value > 0 ? 'more than 10^15' : 'less than -10^15';
  const abs = Math.abs(value);
  if (abs >= 1e15) return value > 0 ? 'more than 10^15' : 'less than -10^15';
  if (abs !== 0 && abs < 1e-4) return abs < 1e-18 ? 'less than 10^-18' : value.toFixed(Math.min(20, 2 - Math.floor(Math.log10(abs))));
  return enUsNumber(Number(value.toPrecision(6)), 6);
}
