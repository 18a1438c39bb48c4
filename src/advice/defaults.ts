/**
 * The one table of workload defaults. Whatever door a workload came through, each value filled in from
 * here is listed as a stated assumption with the reason below (buildWorkload does the filling).
 */
import type { Pricing } from '../engine/advice-types.ts';

export interface WorkloadDefaults {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly requestsPerSecond: number;
  /** Shape when neither a shape nor a peak was said. */
  readonly shape: 'diurnal';
  /** Peak-to-average when a shape was said without one. */
  readonly peakToAverage: { readonly diurnal: number; readonly weekly: number; readonly spike: number };
  readonly weekendFraction: number;
  readonly spikeRiseMinutes: number;
  readonly spikeDurationMinutes: number;
  /** A business-hours load with no window said: 9:00-17:00 UTC on weekdays, none outside it. */
  readonly businessHours: { readonly startHourUtc: number; readonly endHourUtc: number; readonly weekdaysOnly: boolean; readonly offHoursFraction: number };
  /** Horizon: a week for a weekly pattern (weekends), else a day. */
  readonly horizon: { readonly weekly: 'week'; readonly other: 'day' };
  readonly pricing: Pricing;
  readonly ttftPercentile: number;
}

export const WORKLOAD_DEFAULTS: WorkloadDefaults = {
  inputTokens: 1000,
  outputTokens: 1000,
  requestsPerSecond: 10,
  shape: 'diurnal',
  peakToAverage: { diurnal: 2, weekly: 2, spike: 5 },
  weekendFraction: 0.5,
  spikeRiseMinutes: 15,
  spikeDurationMinutes: 120,
  businessHours: { startHourUtc: 9, endHourUtc: 17, weekdaysOnly: true, offHoursFraction: 0 },
  horizon: { weekly: 'week', other: 'day' },
  pricing: { kind: 'rented' },
  ttftPercentile: 95,
};

/** Why each default is what it is (shown with the assumption). */
export const DEFAULT_REASONS = {
  inputTokens: 'input length not stated; 1k/1k is the most benchmarked shape (say e.g. "2k in / 500 out")',
  outputTokens: 'output length not stated; 1k/1k is the most benchmarked shape (say e.g. "2k in / 500 out")',
  requestsPerSecond: 'load not stated (say e.g. "30 rps")',
  shape: 'load shape not stated; real traffic follows the day (say "flat" for a steady load)',
  peakToAverage: (shape: string, peak: number) => `peak not stated; a ${shape} load assumed to peak at ${peak}x the mean (say e.g. "peaks 4x")`,
  weekendFraction: 'weekend load as a share of the weekday mean, not stated',
  spike: 'spike timing not stated',
  businessHours: 'business hours without a window; read as 9:00-17:00 UTC, Monday to Friday, no load outside',
  horizon: (weekly: boolean) => (weekly ? 'a weekly pattern needs a week' : 'not stated; a day covers a daily cycle'),
  pricing: 'rented or owned not stated',
  ttftPercentile: 'percentile of the TTFT target not stated',
} as const;

/**
 * The interactive (chat-style) latency default, applied unless the user says "batch" or "offline":
 * p95 TTFT 1 s up to 4k input tokens, then 250 ms more per further 1k (a long prompt takes longer to
 * read before the first token), and 20 tokens/s per user (TPOT 50 ms), faster than people read.
 * Anchored on MLPerf Inference's chat latency bounds (Llama 2 70B interactive: p99 TTFT 450 ms, TPOT 40 ms;
 * server: 2 s, 200 ms) and loosened to what hosted chat products deliver; an estimate, labelled as such.
 */
export function interactiveLatencyDefault(inputTokens: number): { readonly ttftMs: number; readonly ttftPercentile: number; readonly tokensPerSecondPerUser: number } {
  const ttftMs = 1000 + 250 * Math.max(0, Math.ceil((inputTokens - 4096) / 1024));
  return { ttftMs, ttftPercentile: 95, tokensPerSecondPerUser: 20 };
}

export const INTERACTIVE_DEFAULT_SOURCE = {
  title: 'tokcost interactive latency default (MLPerf Inference v5.0 chat bounds, loosened to hosted-chat practice)',
  url: 'https://github.com/mlcommons/inference_policies/blob/master/inference_rules.adoc',
  asOf: '2026-12',
  basis: 'estimate',
} as const;
