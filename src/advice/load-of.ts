/**
 * The load of a workload: mean requests/s (stated, from concurrent users by Little's law, from a series,
 * or the default) and its shape over a day or a week. A stated peak-to-average of 1 is a flat load; a
 * peak without a pattern is a daily cycle; each default used is stated.
 */
import type { LoadShape } from '../engine/advice-types.ts';
import { businessHoursShape } from '../engine/traffic/business-hours.ts';
import type { AssumptionList } from './assumption-list.ts';
import { outOfBound, SERIES_BOUND, showNumber } from './bounds.ts';
import type { Problems } from './build-workload.ts';
import { DEFAULT_REASONS, WORKLOAD_DEFAULTS } from './defaults.ts';
import type { LatencyOf } from './latency-of.ts';
import type { DraftFields } from './workload-draft.ts';

export interface LoadOf {
  readonly meanRequestsPerSecond: number;
  readonly shape: LoadShape;
  readonly horizon: 'day' | 'week';
}

const MINUTES_PER_DAY = 1440;

export function loadOf(f: DraftFields, outputTokens: number, latency: LatencyOf, assumptions: AssumptionList, problems: Problems): LoadOf | null {
  if (f.shape === 'series' || (f.shape === undefined && f.series !== undefined)) return seriesLoad(f, problems);
  const rps = meanRate(f, outputTokens, latency, assumptions, problems);
  const shape = f.shape === 'business-hours' && rps !== undefined ? businessHoursLoad(f, rps, assumptions, problems) : shapeOf(f, assumptions, problems);
  if (rps === undefined || shape === null) return null;
  const weekly = shape.kind === 'weekly' || f.shape === 'business-hours';
  const horizon = f.horizon ?? (weekly ? WORKLOAD_DEFAULTS.horizon.weekly : WORKLOAD_DEFAULTS.horizon.other);
  if (f.horizon === undefined) assumptions.default('horizon', horizon, DEFAULT_REASONS.horizon(weekly));
  return { meanRequestsPerSecond: rps, shape, horizon };
}

/** Mean requests/s: stated, Little's law over concurrent users (no think time), or the default. */
function meanRate(f: DraftFields, outputTokens: number, latency: LatencyOf, assumptions: AssumptionList, problems: Problems): number | undefined {
  if (f.requestsPerSecond !== undefined) return f.requestsPerSecond;
  if (f.concurrentUsers === undefined) {
    assumptions.default('requestsPerSecond', WORKLOAD_DEFAULTS.requestsPerSecond, DEFAULT_REASONS.requestsPerSecond);
    return WORKLOAD_DEFAULTS.requestsPerSecond;
  }
  if (latency.tpotMs === undefined) {
    problems.add('concurrentUsers', `${f.concurrentUsers} concurrent users`, `can't turn ${f.concurrentUsers} concurrent users into requests/s without a per-user speed (a batch workload has none)`, `${f.concurrentUsers} concurrent users at 50 tok/s per user`);
    return undefined;
  }
  const ttftMs = latency.targets.ttftMs ?? 0;
  const rps = f.concurrentUsers / ((ttftMs + outputTokens * latency.tpotMs) / 1000);
  assumptions.note('requestsPerSecond', Number(rps.toPrecision(4)), `Little's law: ${f.concurrentUsers} users ÷ (${showNumber(ttftMs)} ms TTFT + ${outputTokens} tokens × ${showNumber(latency.tpotMs)} ms) = ${showNumber(rps)} requests/s, each user sending the next request as the last one ends`);
  return rps;
}

function shapeOf(f: DraftFields, assumptions: AssumptionList, problems: Problems): LoadShape | null {
  const peak = f.peakToAverage;
  let kind = f.shape as Exclude<DraftFields['shape'], 'series' | 'business-hours'>;
  if (kind === undefined) {
    if (peak === undefined) {
      kind = WORKLOAD_DEFAULTS.shape;
      assumptions.default('shape', kind, DEFAULT_REASONS.shape);
    } else if (peak === 1) {
      kind = 'flat';
      assumptions.note('shape', 'flat', 'a peak-to-average of 1 is a flat load');
    } else {
      kind = 'diurnal';
      assumptions.default('shape', kind, 'a peak without a pattern; read as a daily cycle');
    }
  }
  if (f.peakHourUtc !== undefined && kind !== 'diurnal') assumptions.note('peakHourUtc', f.peakHourUtc, `a ${kind} load has no single peak hour; the hour was not used`);
  if (kind === 'flat') {
    if (peak !== undefined && peak > 1) {
      problems.add('peakToAverage', `flat, peaks ${showNumber(peak)}x`, `a flat load has no ${showNumber(peak)}x peak; say "flat" or a peak`, 4);
      return null;
    }
    return { kind: 'flat' };
  }
  const peakToAverage = peak ?? WORKLOAD_DEFAULTS.peakToAverage[kind];
  if (peak === undefined) assumptions.default('peakToAverage', peakToAverage, DEFAULT_REASONS.peakToAverage(kind, peakToAverage));
  if (kind === 'diurnal') return { kind, peakToAverage, ...(f.peakHourUtc !== undefined ? { peakHourUtc: f.peakHourUtc } : {}) };
  if (kind === 'weekly') {
    const weekendFraction = f.weekendFraction ?? WORKLOAD_DEFAULTS.weekendFraction;
    if (f.weekendFraction === undefined) assumptions.default('weekendFraction', weekendFraction, DEFAULT_REASONS.weekendFraction);
    return { kind, peakToAverage, weekendFraction };
  }
  const riseMinutes = f.spikeRiseMinutes ?? WORKLOAD_DEFAULTS.spikeRiseMinutes;
  const durationMinutes = f.spikeDurationMinutes ?? WORKLOAD_DEFAULTS.spikeDurationMinutes;
  if (f.spikeRiseMinutes === undefined || f.spikeDurationMinutes === undefined) assumptions.default('spike', `${riseMinutes} min rise, ${durationMinutes} min long`, DEFAULT_REASONS.spike);
  return { kind: 'spike', peakToAverage, riseMinutes, durationMinutes };
}

/** Business hours: a week-long hourly series at one level inside the window, a fraction of it outside. */
function businessHoursLoad(f: DraftFields, rps: number, assumptions: AssumptionList, problems: Problems): LoadShape | null {
  const hours = f.businessHours ?? WORKLOAD_DEFAULTS.businessHours;
  if (f.businessHours === undefined) assumptions.default('businessHours', `${hours.startHourUtc}:00-${hours.endHourUtc}:00 UTC, weekdays`, DEFAULT_REASONS.businessHours);
  const inRange = (h: number) => Number.isFinite(h) && h >= 0 && h <= 24;
  if (!inRange(hours.startHourUtc) || !inRange(hours.endHourUtc) || hours.startHourUtc === hours.endHourUtc || !(hours.offHoursFraction >= 0 && hours.offHoursFraction <= 1)) {
    problems.add('businessHours', `${showNumber(hours.startHourUtc)}-${showNumber(hours.endHourUtc)}`, 'business hours need a start and an end hour between 0 and 24 that differ, and an off-hours load between 0 and 1 of the in-hours level', '9am-5pm weekdays');
    return null;
  }
  return businessHoursShape(rps, hours);
}

/** The user's own series: its mean is the load; a day or less is simulated as a day, longer as a week. */
function seriesLoad(f: DraftFields, problems: Problems): LoadOf | null {
  const series = f.series;
  if (!series || series.requestsPerSecond.length === 0) {
    problems.add('series', '', 'a series load needs the series itself', '--load-csv traffic.csv');
    return null;
  }
  if (!(Number.isInteger(series.stepMinutes) && series.stepMinutes >= 1 && series.stepMinutes <= 60)) {
    problems.add('series', String(series.stepMinutes), `series steps must be 1 to 60 whole minutes, got ${showNumber(series.stepMinutes)}`, '--load-csv traffic.csv');
    return null;
  }
  for (const [i, value] of series.requestsPerSecond.entries()) {
    const wrong = outOfBound(value, SERIES_BOUND);
    if (wrong) {
      problems.add('series', `step ${i + 1}`, `step ${i + 1} of the series: ${wrong}`, '--load-csv traffic.csv');
      return null;
    }
  }
  for (const field of ['requestsPerSecond', 'concurrentUsers', 'peakToAverage'] as const) {
    if (f[field] !== undefined) problems.add(field, String(f[field]), `a load series sets the load itself; drop the ${field === 'peakToAverage' ? 'peak' : 'rate'} or the series`, '--load-csv traffic.csv');
  }
  const values = series.requestsPerSecond;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  if (!(mean > 0)) {
    problems.add('series', '', 'the series has no load in it (every value is 0)', '--load-csv traffic.csv');
    return null;
  }
  const minutes = values.length * series.stepMinutes;
  return { meanRequestsPerSecond: mean, shape: { kind: 'series', requestsPerSecond: [...values], stepMinutes: series.stepMinutes }, horizon: f.horizon ?? (minutes > MINUTES_PER_DAY ? 'week' : 'day') };
}
