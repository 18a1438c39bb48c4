import { describe, expect, it } from 'vitest';
import { businessHoursPeakToAverage, businessHoursShape, businessHoursUnitWeek } from '../../../src/engine/traffic/business-hours.ts';
import { loadSeries } from '../../../src/engine/traffic/load-series.ts';

const NINE_TO_FIVE = { startHourUtc: 9, endHourUtc: 17, weekdaysOnly: true, offHoursFraction: 0 } as const;

describe('business-hours load', () => {
  it('is open 9-17 on weekdays only, with mean 1', () => {
    const week = businessHoursUnitWeek(NINE_TO_FIVE);
    expect(week).toHaveLength(168);
    expect(week.reduce((a, b) => a + b, 0) / 168).toBeCloseTo(1, 12);
    // 40 open hours of 168: the open level is 168 / 40 = 4.2 (the peak over the mean).
    expect(week[9]).toBeCloseTo(4.2, 12);
    expect(week[8]).toBe(0);
    expect(week[5 * 24 + 12]).toBe(0); // Saturday noon
    expect(businessHoursPeakToAverage(NINE_TO_FIVE)).toBeCloseTo(4.2, 12);
  });
  it('wraps past midnight and keeps an off-hours floor', () => {
    const night = businessHoursUnitWeek({ startHourUtc: 22, endHourUtc: 6, weekdaysOnly: false, offHoursFraction: 0.5 });
    // 8 open hours a day at L, 16 at L/2: mean = L (8 + 8) / 24, so L = 1.5.
    expect(night[23]).toBeCloseTo(1.5, 12);
    expect(night[3]).toBeCloseTo(1.5, 12);
    expect(night[12]).toBeCloseTo(0.75, 12);
  });
  it('becomes a series the simulation runs with the stated mean', () => {
    const series = loadSeries(10, businessHoursShape(10, NINE_TO_FIVE), 'week').requestsPerSecond;
    expect(series).toHaveLength(7 * 1440);
    expect(series.reduce((a, b) => a + b, 0) / series.length).toBeCloseTo(10, 9);
    expect(Math.max(...series)).toBeCloseTo(42, 9);
  });
  it('refuses a window that is never open', () => {
    expect(() => businessHoursUnitWeek({ startHourUtc: 9, endHourUtc: 9, weekdaysOnly: true, offHoursFraction: 0 })).toThrow(/open some hour/);
  });
});
