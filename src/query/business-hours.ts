/**
 * Business hours and weekdays as a load shape, not a diurnal guess: "business hours only", "9am-5pm ET",
 * "office hours, weekdays", "8-20 UTC, 7 days a week", "weekdays only", "weekends at 30%".
 * A window becomes the `business-hours` shape (a level inside the window, a stated fraction outside).
 */
import { businessHoursPeakToAverage } from '../engine/traffic/business-hours.ts';
import type { Extraction } from './extraction.ts';
import { formatNumber, PLAIN, parseNumber } from './numbers.ts';
import type { QueryFields } from './schema.ts';
import type { Scanner } from './scanner.ts';
import { TZ, TZ_OFFSET } from './time-zones.ts';

export interface BusinessHoursWindow {
  readonly startHourUtc: number;
  readonly endHourUtc: number;
  readonly weekdaysOnly: boolean;
  readonly offHoursFraction: number;
}

/** Off-window load when the text says "business hours" but not "only": a stated estimate. */
export const DEFAULT_OFF_HOURS_FRACTION = 0.1;

const REGION_ZONES: Readonly<Record<string, string>> = { us: 'et', 'east coast': 'et', 'west coast': 'pt', pacific: 'pt', eu: 'cet', european: 'cet', europe: 'cet', uk: 'gmt', india: 'ist', japan: 'jst' };
const BUSINESS = new RegExp(
  `\\b(?:(us|east coast|west coast|pacific|eu|european|europe|uk|india|japan)\\s)?(?:business|office|working|work|opening)[\\s-]?(?:hours|hrs|day)(?:\\straffic|\\sload|\\susage)?(?:\\s?(?:in\\s)?${TZ}\\b)?(\\s?only)?`,
  'gi',
);
const HOUR = '(\\d{1,2})(?::(\\d{2}))?\\s?(am|pm|a\\.m\\.|p\\.m\\.)?';
const WINDOW = new RegExp(`(?:\\b(?:from|between)\\s)?(?<![\\w.,:])${HOUR}\\s?(?:-|to|until|till|and)\\s?${HOUR}(?![\\w.:])(?:\\s?${TZ}\\b)?(\\s?only)?`, 'gi');
const ALL_WEEK = /\b(?:7 days a week|seven days a week|every day|incl(?:uding|\.)? weekends|weekends too|and weekends|all week)\b/gi;
const WEEKDAYS_ONLY =
  /\b(?:weekdays? only|only (?:on )?weekdays|no weekends?(?: traffic| load)?|weekends? (?:off|idle|quiet|dead|empty)|mon(?:day)?[\s-]?(?:to|-|through|thru)[\s-]?fri(?:day)?(?: only)?|business days(?: only)?|work ?days(?: only)?|weekdays)\b/gi;
const WEEKEND_SHARE = new RegExp(`\\bweekends?(?:\\s(?:traffic|load))?(?:\\s(?:at|are|is|run at|drop to|fall to|~|around|about))*\\s?${PLAIN}\\s?%`, 'gi');
const WEEKEND_HALF = /\bweekends?(?:\s(?:traffic|load))?(?:\s(?:at|are|is|run at|drop to))*\s(?:half|a half)\b/gi;

function hour24(h: string, minutes: string | undefined, ampm: string | undefined): number | undefined {
  let hour = Number(h);
  if (ampm !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (ampm.toLowerCase().startsWith('p') ? 12 : 0);
  }
  const m = minutes === undefined ? 0 : Number(minutes);
  return hour <= 24 && m < 60 ? hour + m / 60 : undefined;
}

const toUtc = (hour: number, offset: number): number => (((hour - offset) % 24) + 24) % 24;

interface Window { start: number; end: number; zone?: string; only: boolean; fragment: string }

/** "9-5" and "9 to 5" read as 9:00-17:00 once a business word is present; am/pm on either side also counts. */
function findWindow(scanner: Scanner, hasBusinessWord: boolean): Window | undefined {
  let found: Window | undefined;
  scanner.each(WINDOW, (m) => {
    if (found) return false;
    const [, h1, m1, ap1, h2, m2, ap2, zone, only] = m;
    const clockish = ap1 !== undefined || ap2 !== undefined || m1 !== undefined || m2 !== undefined || zone !== undefined;
    if (!clockish && !hasBusinessWord) return false;
    let start = hour24(h1!, m1, ap1 ?? (ap2 && Number(h1) <= Number(h2) ? ap2 : undefined));
    let end = hour24(h2!, m2, ap2);
    if (start === undefined || end === undefined) return false;
    if (ap1 === undefined && ap2 === undefined && end <= start && end <= 12) end += 12; // "9-5"
    if (end > 24 || start === end) return false;
    start %= 24;
    found = { start, end: end % 24, ...(zone ? { zone: zone.toLowerCase() } : {}), only: only !== undefined, fragment: m[0] };
  });
  return found;
}

function weekendFraction(scanner: Scanner, out: Extraction, withWindow: boolean): { fraction?: number; only: boolean } {
  let fraction: number | undefined;
  let only = false;
  scanner.each(WEEKEND_SHARE, (m) => {
    const value = parseNumber(m[1]!) / 100;
    if (!(value >= 0 && value <= 1)) {
      out.problem(m[0], `weekend load "${m[0]}" must be 0-100 % of the weekday load`, 'weekends at 30%', 'weekendFraction');
      return;
    }
    fraction = value;
    out.add('weekendFraction', value, m[0]);
  });
  scanner.each(WEEKEND_HALF, (m) => void out.add('weekendFraction', (fraction = 0.5), m[0]));
  scanner.each(WEEKDAYS_ONLY, (m) => {
    // A bare "weekdays" is a weekly shape, unless it qualifies business hours.
    if (/^weekdays$/i.test(m[0]) && !withWindow) return false;
    out.add('weekendFraction', (fraction = 0), m[0]);
    only ||= /\bonly\b/i.test(m[0]);
  });
  return { ...(fraction !== undefined ? { fraction } : {}), only };
}

/** Read business hours and weekend load; a window adds the `business-hours` shape. */
export function extractBusinessHours(scanner: Scanner, out: Extraction): void {
  let business: RegExpExecArray | undefined;
  scanner.each(BUSINESS, (m) => {
    business ??= m;
  });
  const window = findWindow(scanner, business !== undefined);
  const allWeek = scanner.text.search(ALL_WEEK) >= 0;
  scanner.each(ALL_WEEK, () => true);
  const { fraction: weekend, only: weekdaysOnlyWord } = weekendFraction(scanner, out, business !== undefined || window !== undefined);
  if (!business && !window) {
    if (weekend !== undefined) out.add('shape', 'weekly', 'weekends');
    return;
  }
  const region = business?.[1]?.toLowerCase();
  const zone = window?.zone ?? business?.[2]?.toLowerCase() ?? (region ? REGION_ZONES[region] : undefined);
  const offset = TZ_OFFSET[zone ?? 'utc'] ?? 0;
  // "9am-5pm weekdays only": the "only" closes the whole window, not just the weekends.
  const only = (business?.[3] ?? '') !== '' || (window?.only ?? false) || weekdaysOnlyWord;
  const fragment = [business?.[0], window?.fragment].filter((f) => f !== undefined).join(', ');
  const startLocal = window?.start ?? 9;
  const endLocal = window?.end ?? 17;
  if (!window) out.assume('businessHours', '9:00-17:00', `"${fragment}" has no hours; read as 9:00-17:00`);
  if (!zone) out.assume('businessHours', 'UTC', `"${fragment}" has no time zone; read as UTC`);
  else if (region && !window?.zone && !business?.[2]) out.assume('businessHours', zone.toUpperCase(), `"${business![0]}" read in ${zone.toUpperCase()}`);
  const weekdaysOnly = !allWeek && (business !== undefined || weekend === 0);
  if (weekdaysOnly && weekend === undefined) out.assume('businessHours', 'weekdays', `"${fragment}": business hours are Monday to Friday (say "7 days a week" otherwise)`);
  const offHoursFraction = only ? 0 : DEFAULT_OFF_HOURS_FRACTION;
  if (!only) out.assume('businessHours', `${offHoursFraction * 100}% off-hours`, `outside the window the load is ${offHoursFraction * 100} % of the in-window level (say "business hours only" for none)`);
  const value: BusinessHoursWindow = { startHourUtc: toUtc(startLocal, offset), endHourUtc: toUtc(endLocal, offset), weekdaysOnly, offHoursFraction };
  out.add('businessHours', value, fragment);
  out.add('shape', 'business-hours', fragment);
}

/**
 * A window said with a per-second, -minute or -hour rate: the rate is the in-window level, so the mean is
 * level / (peak over mean of the window). A per-day or longer volume is already a mean. With a stated peak
 * ("peaks 3x during business hours") the rate is the mean and the off-hours share is solved so that the
 * window peaks at it; a peak the window cannot reach is a problem, not a silent drop.
 */
export function applyBusinessHours(fields: QueryFields, rateUnitSeconds: number | undefined, out: Extraction): void {
  const window = fields.businessHours;
  if (window === undefined) return;
  if (fields.peakToAverage !== undefined) {
    statedPeak(fields, window, fields.peakToAverage, out);
  } else {
    const exactPeak = businessHoursPeakToAverage(window);
    fields.peakToAverage = Number(exactPeak.toPrecision(6));
    out.assume('peakToAverage', fields.peakToAverage, `the business-hours window alone makes the peak ${formatNumber(exactPeak)}x the mean`);
    if (fields.requestsPerSecond !== undefined && rateUnitSeconds !== undefined && rateUnitSeconds <= 3600) {
      const level = fields.requestsPerSecond;
      fields.requestsPerSecond = Number((level / exactPeak).toPrecision(9));
      out.assume('requestsPerSecond', fields.requestsPerSecond, `${formatNumber(level)} requests/s read as the rate during business hours; over the whole week that is a mean of ${formatNumber(fields.requestsPerSecond)} requests/s`);
    }
  }
  if (window.weekdaysOnly && fields.horizon === undefined) {
    fields.horizon = 'week';
    out.assume('horizon', 'week', 'a weekdays-only load needs a week to show its weekends');
  }
}

/**
 * Off-hours fraction f so that the in-window level over the mean is `peak`: with open share s of the week,
 * peak = 1 / (s + f (1 - s)), so f = (1 / peak - s) / (1 - s). Reachable for 1 <= peak <= 1 / s.
 */
function statedPeak(fields: QueryFields, window: BusinessHoursWindow, peak: number, out: Extraction): void {
  const highest = businessHoursPeakToAverage({ ...window, offHoursFraction: 0 });
  const share = 1 / highest;
  const fraction = (1 / peak - share) / (1 - share);
  if (peak > highest * (1 + 1e-9) || (window.offHoursFraction === 0 && Math.abs(peak - highest) > 1e-6 * highest)) {
    out.problem(`peaks ${formatNumber(peak)}x`, `this business-hours window peaks at ${formatNumber(highest)}x its mean when nothing runs outside it, so a ${formatNumber(peak)}x peak ${peak > highest ? 'cannot be reached' : 'contradicts "only"'}; a peak inside the window is not modeled`, 'business hours 9-5 ET, peaks 3x', 'peakToAverage');
    delete fields.peakToAverage;
    return;
  }
  fields.businessHours = { ...window, offHoursFraction: Number(Math.max(0, fraction).toPrecision(6)) };
  // The default off-hours share said at extraction no longer holds.
  const stale = out.assumptions.findIndex((a) => a.field === 'businessHours' && String(a.value).endsWith('% off-hours'));
  if (stale >= 0) out.assumptions.splice(stale, 1);
  out.assume('businessHours', `${formatNumber(fields.businessHours.offHoursFraction * 100)}% off-hours`, `a ${formatNumber(peak)}x peak over the business-hours window means the load outside it is ${formatNumber(fields.businessHours.offHoursFraction * 100)} % of the in-window level`);
}
