/**
 * Load profiles: a mean request rate and a shape -> requests/s at 1-minute steps over a day or a week.
 * Week series start Monday 00:00 UTC. For every generated shape the series mean equals the requested mean
 * (normalized, to floating-point rounding); a user's own series keeps its own values.
 */
import type { LoadShape } from '../advice-types.ts';
import { MINUTES_PER_DAY, unitDayCurve } from './diurnal-curve.ts';
import { resampleToMinutes } from './resample-series.ts';
import { meanOf, peakOf } from './series-stats.ts';
import { spikePulse } from './spike-pulse.ts';

export type Horizon = 'day' | 'week';

export interface LoadSeries {
  readonly stepMinutes: 1;
  /** requests/s, one value per minute: 1440 (day) or 10080 (week) points. */
  readonly requestsPerSecond: Float64Array;
}

/** Peak/mean of the diurnal base under a launch spike, unless the spike itself is lower. */
export const SPIKE_BASE_PEAK_TO_AVERAGE = 1.5;

export function horizonMinutes(horizon: Horizon): number {
  return horizon === 'day' ? MINUTES_PER_DAY : 7 * MINUTES_PER_DAY;
}

/**
 * requests/s per minute for `shape` with mean `meanRequestsPerSecond` (ignored for `series`, whose values
 * are used as given). max/mean equals `peakToAverage` for diurnal, weekly (over the week) and spike shapes.
 */
export function loadSeries(meanRequestsPerSecond: number, shape: LoadShape, horizon: Horizon): LoadSeries {
  if (!(meanRequestsPerSecond >= 0) || !Number.isFinite(meanRequestsPerSecond)) {
    throw new RangeError(`mean requests/s must be finite and >= 0, got ${meanRequestsPerSecond}`);
  }
  const minutes = horizonMinutes(horizon);
  if (shape.kind === 'series') {
    return { stepMinutes: 1, requestsPerSecond: tile(resampleToMinutes(shape.requestsPerSecond, shape.stepMinutes), minutes) };
  }
  const unit = unitMeanSeries(shape, horizon, minutes);
  const scale = meanRequestsPerSecond / meanOf(unit);
  for (let m = 0; m < minutes; m++) unit[m]! *= scale;
  return { stepMinutes: 1, requestsPerSecond: unit };
}

function unitMeanSeries(shape: Exclude<LoadShape, { kind: 'series' }>, horizon: Horizon, minutes: number): Float64Array {
  switch (shape.kind) {
    case 'flat':
      return new Float64Array(minutes).fill(1);
    case 'diurnal':
      return tile(unitDayCurve(shape.peakToAverage, shape.peakHourUtc), minutes);
    case 'weekly':
      return horizon === 'day' ? unitDayCurve(shape.peakToAverage) : unitWeek(shape.peakToAverage, shape.weekendFraction);
    case 'spike':
      return unitSpike(shape, minutes);
  }
}

/**
 * Weekdays (Mon..Fri) at level w, weekend days at w * weekendFraction, w = 7 / (5 + 2 * weekendFraction),
 * each day shaped by the day curve with peak/mean = peakToAverage / (busiest day's level), so the week's max/mean is
 * `peakToAverage`. When that would need a day curve below 1 (a week flatter than its weekday/weekend
 * contrast allows), the days are flat and the week's max/mean is the busiest day's level.
 */
function unitWeek(peakToAverage: number, weekendFraction: number): Float64Array {
  if (!(weekendFraction >= 0) || !Number.isFinite(weekendFraction)) {
    throw new RangeError(`weekendFraction must be finite and >= 0, got ${weekendFraction}`);
  }
  const weekdayLevel = 7 / (5 + 2 * weekendFraction);
  const busiestLevel = Math.max(weekdayLevel, weekdayLevel * weekendFraction);
  const day = unitDayCurve(Math.max(1, peakToAverage / busiestLevel));
  const week = new Float64Array(7 * MINUTES_PER_DAY);
  for (let d = 0; d < 7; d++) {
    const level = d < 5 ? weekdayLevel : weekdayLevel * weekendFraction;
    for (let m = 0; m < MINUTES_PER_DAY; m++) week[d * MINUTES_PER_DAY + m] = level * day[m]!;
  }
  return week;
}

/**
 * base(t) * a + h * pulse(t) with a = 1 - h * mean(pulse) (unit mean) and h solved by bisection so that the
 * max is `peakToAverage`. max(h) is convex, starts at the base peak and ends at max/mean of the pulse alone,
 * so the crossing is unique; targets beyond either end are clamped there. The base peak/mean is 1.5, or
 * halfway to the spike's when the spike is below 2x. Default start: the spike peaks at the first day's base
 * peak (14:00 UTC), the worst case for capacity.
 */
function unitSpike(shape: Extract<LoadShape, { kind: 'spike' }>, minutes: number): Float64Array {
  const target = shape.peakToAverage;
  if (!(target >= 1) || !Number.isFinite(target)) throw new RangeError(`peakToAverage must be >= 1, got ${target}`);
  const basePeak = target >= 2 ? SPIKE_BASE_PEAK_TO_AVERAGE : 1 + (target - 1) / 2;
  const base = tile(unitDayCurve(basePeak), minutes);
  const startMinute = shape.startMinute ?? Math.max(0, 14 * 60 - shape.riseMinutes);
  const pulse = spikePulse({ riseMinutes: shape.riseMinutes, durationMinutes: shape.durationMinutes, startMinute }, minutes);
  const pulseMean = meanOf(pulse);
  if (pulseMean === 0) return base;
  const peakAt = (h: number) => {
    const a = 1 - h * pulseMean;
    let peak = 0;
    for (let m = 0; m < minutes; m++) peak = Math.max(peak, a * base[m]! + h * pulse[m]!);
    return peak;
  };
  let low = 0;
  let high = 1 / pulseMean;
  if (peakAt(high) <= target) low = high;
  else if (peakAt(0) >= target) high = 0;
  for (let i = 0; i < 60 && high - low > 1e-9 * high; i++) {
    const middle = (low + high) / 2;
    if (peakAt(middle) < target) low = middle;
    else high = middle;
  }
  const h = (low + high) / 2;
  const a = 1 - h * pulseMean;
  for (let m = 0; m < minutes; m++) base[m] = a * base[m]! + h * pulse[m]!;
  return base;
}

/** Repeats (or cuts) a series to `minutes` points. */
function tile(series: Float64Array, minutes: number): Float64Array {
  if (series.length === minutes) return series;
  const out = new Float64Array(minutes);
  for (let m = 0; m < minutes; m++) out[m] = series[m % series.length]!;
  return out;
}
