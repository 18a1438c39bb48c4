/**
 * A business-hours load: requests arrive at one level inside a daily window (e.g. 09:00-17:00 UTC) and
 * at `offHoursFraction` of that level outside it, on weekdays only or on every day. Expressed as a
 * week-long hourly `series` shape, scaled so its mean is the stated mean, so the existing simulation
 * (minute by minute, every policy) runs it unchanged. Week series start Monday 00:00 UTC.
 */
import type { LoadShape } from '../advice-types.ts';

export interface BusinessHours {
  /** Window start and end, hours UTC in [0, 24); an end before the start wraps past midnight. */
  readonly startHourUtc: number;
  readonly endHourUtc: number;
  /** True: Saturday and Sunday run at the off-hours level all day. */
  readonly weekdaysOnly: boolean;
  /** Off-window load as a fraction (0..1) of the in-window level. */
  readonly offHoursFraction: number;
}

const HOURS_PER_WEEK = 168;

function inWindow(hourOfDay: number, hours: BusinessHours): boolean {
  const { startHourUtc: start, endHourUtc: end } = hours;
  return start <= end ? hourOfDay >= start && hourOfDay < end : hourOfDay >= start || hourOfDay < end;
}

/** 168 hourly values with mean 1: level L in the window, L * offHoursFraction outside it. */
export function businessHoursUnitWeek(hours: BusinessHours): number[] {
  const raw: number[] = [];
  for (let h = 0; h < HOURS_PER_WEEK; h++) {
    const day = Math.floor(h / 24);
    const open = inWindow(h % 24, hours) && (!hours.weekdaysOnly || day < 5);
    raw.push(open ? 1 : hours.offHoursFraction);
  }
  const mean = raw.reduce((a, b) => a + b, 0) / HOURS_PER_WEEK;
  if (!(mean > 0)) throw new RangeError('a business-hours window must be open some hour of the week');
  return raw.map((v) => v / mean);
}

/** Peak over mean of the business-hours week: 1 / (share of the week at the in-window level, weighted). */
export function businessHoursPeakToAverage(hours: BusinessHours): number {
  return Math.max(...businessHoursUnitWeek(hours));
}

/** The `series` load shape with mean `meanRequestsPerSecond`. */
export function businessHoursShape(meanRequestsPerSecond: number, hours: BusinessHours): LoadShape {
  return { kind: 'series', label: 'business hours', stepMinutes: 60, requestsPerSecond: businessHoursUnitWeek(hours).map((v) => v * meanRequestsPerSecond) };
}
