import { describe, expect, it } from 'vitest';
import { loadSeries, meanOf, peakOf } from '../../../src/engine/traffic/index.ts';
import type { LoadShape } from '../../../src/engine/advice-types.ts';

const MEAN = 37.5;

function check(shape: LoadShape, horizon: 'day' | 'week') {
  const series = loadSeries(MEAN, shape, horizon).requestsPerSecond;
  return { series, mean: meanOf(series), ratio: peakOf(series) / meanOf(series), min: Math.min(...series) };
}

describe('loadSeries', () => {
  it('has 1440 points for a day and 10080 for a week, at 1-minute steps', () => {
    expect(loadSeries(1, { kind: 'flat' }, 'day').requestsPerSecond).toHaveLength(1440);
    expect(loadSeries(1, { kind: 'flat' }, 'week')).toMatchObject({ stepMinutes: 1 });
    expect(loadSeries(1, { kind: 'flat' }, 'week').requestsPerSecond).toHaveLength(10080);
  });

  it('flat is the mean everywhere', () => {
    const { series } = check({ kind: 'flat' }, 'day');
    expect(peakOf(series)).toBeCloseTo(MEAN, 12);
    expect(Math.min(...series)).toBeCloseTo(MEAN, 12);
  });

  // Oracle: the definition of the shape (mean = requested, max/mean = peakToAverage); tolerance 1 % on the ratio.
  it.each([1, 1.2, 1.5, 2, 3, 4, 6, 10])('diurnal %sx keeps the mean exactly and peak/mean within 1 %%, never negative', (p) => {
    for (const horizon of ['day', 'week'] as const) {
      const { mean, ratio, min } = check({ kind: 'diurnal', peakToAverage: p }, horizon);
      expect(mean).toBeCloseTo(MEAN, 9);
      expect(Math.abs(ratio / p - 1)).toBeLessThan(0.01);
      expect(min).toBeGreaterThanOrEqual(0);
    }
  });

  it('diurnal peaks at peakHourUtc (default 14:00) with the trough 12 h away', () => {
    const at = (shape: LoadShape) => {
      const series = loadSeries(MEAN, shape, 'day').requestsPerSecond;
      return { peak: series.indexOf(peakOf(series)), trough: series.indexOf(Math.min(...series)) };
    };
    expect(at({ kind: 'diurnal', peakToAverage: 3 })).toEqual({ peak: 14 * 60, trough: 2 * 60 });
    expect(at({ kind: 'diurnal', peakToAverage: 3, peakHourUtc: 20 }).peak).toBe(20 * 60);
  });

  it('diurnal is smooth: no 1-minute jump above 2 % of the mean at 4x', () => {
    const { series } = check({ kind: 'diurnal', peakToAverage: 4 }, 'day');
    for (let m = 1; m < series.length; m++) expect(Math.abs(series[m]! - series[m - 1]!)).toBeLessThan(0.02 * MEAN);
  });

  it.each([
    [3, 0.5],
    [2, 0.2],
    [1.5, 1],
    [4, 1.3],
  ])('weekly %sx with weekends at %s keeps mean and week peak/mean', (p, weekendFraction) => {
    const { series, mean, ratio, min } = check({ kind: 'weekly', peakToAverage: p, weekendFraction }, 'week');
    expect(mean).toBeCloseTo(MEAN, 9);
    expect(Math.abs(ratio / p - 1)).toBeLessThan(0.01);
    expect(min).toBeGreaterThanOrEqual(0);
    const weekdayMean = meanOf(series.subarray(0, 5 * 1440));
    const weekendMean = meanOf(series.subarray(5 * 1440));
    expect(weekendMean / weekdayMean).toBeCloseTo(weekendFraction, 9);
  });

  it.each([
    [2, 30, 240],
    [5, 60, 300],
    [10, 15, 120],
    [1.3, 10, 60],
  ])('spike %sx (rise %s min, duration %s min) keeps the mean and reaches the peak', (p, riseMinutes, durationMinutes) => {
    for (const horizon of ['day', 'week'] as const) {
      const { mean, ratio, min } = check({ kind: 'spike', peakToAverage: p, riseMinutes, durationMinutes }, horizon);
      expect(mean).toBeCloseTo(MEAN, 9);
      expect(Math.abs(ratio / p - 1)).toBeLessThan(0.01);
      expect(min).toBeGreaterThanOrEqual(0);
    }
  });

  it('spike: a peak the mean cannot afford is clamped to the spike alone (no base), mean still exact', () => {
    // A 12-hour spike at 5x the day's mean would carry more than the whole day's requests.
    const { series, mean, ratio } = check({ kind: 'spike', peakToAverage: 5, riseMinutes: 60, durationMinutes: 720 }, 'day');
    expect(mean).toBeCloseTo(MEAN, 9);
    expect(ratio).toBeLessThan(5);
    expect(series[0]).toBe(0);
    const week = check({ kind: 'spike', peakToAverage: 5, riseMinutes: 60, durationMinutes: 720 }, 'week');
    expect(Math.abs(week.ratio / 5 - 1)).toBeLessThan(0.01);
  });

  it('spike rises over riseMinutes from its start, then decays', () => {
    const shape: LoadShape = { kind: 'spike', peakToAverage: 6, riseMinutes: 60, durationMinutes: 360, startMinute: 600 };
    const series = loadSeries(MEAN, shape, 'day').requestsPerSecond;
    const peakMinute = series.indexOf(peakOf(series));
    expect(peakMinute).toBeGreaterThanOrEqual(660);
    expect(peakMinute).toBeLessThan(660 + 120 + 1);
    expect(series[630]!).toBeLessThan(series[655]!);
    expect(series[600 + 60 + 360 + 10]!).toBeLessThan(0.5 * peakOf(series));
  });

  it('series: resamples hourly values to minutes without rescaling; mean and max are the series own', () => {
    const hourly = Array.from({ length: 24 }, (_, h) => 10 + 5 * Math.sin((h / 24) * 2 * Math.PI) + (h === 15 ? 20 : 0));
    const series = loadSeries(999, { kind: 'series', requestsPerSecond: hourly, stepMinutes: 60 }, 'day').requestsPerSecond;
    expect(series).toHaveLength(1440);
    expect(meanOf(series)).toBeCloseTo(meanOf(hourly), 9);
    expect(peakOf(series)).toBeCloseTo(peakOf(hourly), 9);
    const week = loadSeries(999, { kind: 'series', requestsPerSecond: hourly, stepMinutes: 60 }, 'week').requestsPerSecond;
    expect(week).toHaveLength(10080);
    expect(meanOf(week)).toBeCloseTo(meanOf(hourly), 9);
  });

  it('series: averages sub-minute samples into minutes', () => {
    const tenSecond = Array.from({ length: 1440 * 6 }, (_, i) => (i % 2 === 0 ? 4 : 8));
    const series = loadSeries(0, { kind: 'series', requestsPerSecond: tenSecond, stepMinutes: 1 / 6 }, 'day').requestsPerSecond;
    expect(series).toHaveLength(1440);
    expect(peakOf(series)).toBeCloseTo(6, 12);
    expect(Math.min(...series)).toBeCloseTo(6, 12);
  });

  it('rejects impossible shapes as defects (the edge validates user input first)', () => {
    expect(() => loadSeries(1, { kind: 'diurnal', peakToAverage: 0.5 }, 'day')).toThrow(RangeError);
    expect(() => loadSeries(-1, { kind: 'flat' }, 'day')).toThrow(RangeError);
    expect(() => loadSeries(1, { kind: 'series', requestsPerSecond: [], stepMinutes: 5 }, 'day')).toThrow(RangeError);
  });
});
