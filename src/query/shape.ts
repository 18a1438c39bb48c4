/**
 * Load shape: "peaks 4x", "peak-to-average 6", "3x peak", "spikes 10x", "bursty", "viral launch"
 * (spike), "weekday traffic" (weekly), "diurnal", "flat"; the peak hour: "at noon", "peak at 2pm ET".
 */
import type { Extraction } from './extraction.ts';
import { PLAIN, parseNumber } from './numbers.ts';
import type { Scanner } from './scanner.ts';
import { TZ, TZ_OFFSET } from './time-zones.ts';
import { extractBusinessHours } from './business-hours.ts';
import { extractSpikeDuration } from './spike-duration.ts';

const TIMES = '\\s?(?:x|times)(?![a-z0-9])';
const PEAK_LEAD = new RegExp(
  `\\b(?:peaks?|peaking|peak traffic|peak load|peak demand)(?:\\s?(?:is|are|at|of|hits?|reach(?:es|ing)?|around|about|up to|to|~|=|:|ratio|roughly))*\\s?${PLAIN}${TIMES}`,
  'gi',
);
const PEAK_TRAIL = new RegExp(
  `${PLAIN}${TIMES}\\s?(?:the\\s)?(peaks?|peaking|at peak|higher at peak|bursts?|spikes?|surges?|peak-to-average|peak to average|over average|above average|the average)(?![a-z])`,
  'gi',
);
const PEAK_RATIO = new RegExp(
  `\\bpeak[\\s-]?(?:to|/)[\\s-]?(?:average|avg|mean)(?:\\sratio)?(?:\\s?(?:of|is|=|:|~|around))?\\s?${PLAIN}(?:${TIMES})?`,
  'gi',
);
const SPIKE_LEAD = new RegExp(`\\b(?:spikes?|bursts?|surges?|jumps?)(?:\\s?(?:of|to|up to|by|at|around))?\\s?${PLAIN}${TIMES}`, 'gi');

const SHAPE_WORDS: readonly { re: RegExp; shape: 'flat' | 'diurnal' | 'weekly' | 'spike' }[] = [
  { re: /\b(?:bursty|burst(?:s|ing)?|spiky|spikes?|spiking|viral|launch(?:es|ing)?|flash crowd|product hunt|front page)\b/gi, shape: 'spike' },
  { re: /\b(?:weekdays?|weekends?|weekly|business days|work ?week|mon-fri|monday to friday)\b/gi, shape: 'weekly' },
  { re: /\b(?:diurnal|daily (?:cycle|pattern|peak)|day\/night|day-night|daytime)\b/gi, shape: 'diurnal' },
  { re: /\b(?:flat|steady|constant|uniform|no peaks?|stable load|round the clock|24\/7)\b/gi, shape: 'flat' },
];

const NAMED_HOURS = /\b(?:at|around|near|by|@)\s?(noon|midday|midnight|lunch ?time|lunch)\b/gi;
const CLOCK = new RegExp(
  `(?:\\b(?:at|around|near|@)\\s?)?(?<![\\w.,:])(\\d{1,2})(?::(\\d{2}))?\\s?(am|pm|a\\.m\\.|p\\.m\\.)?(?:\\s?${TZ})?(?![a-z0-9])`,
  'gi',
);

function addRatio(out: Extraction, raw: string, fragment: string): void {
  const value = parseNumber(raw);
  if (!Number.isFinite(value) || value < 1 || value > 1000) {
    out.problem(fragment, `peak-to-average "${raw}" must be between 1 and 1000 (the peak over the mean)`, 'peaks 4x', 'peakToAverage');
    return;
  }
  out.add('peakToAverage', value, fragment);
}

function addHour(out: Extraction, hour: number, zone: string | undefined, fragment: string): void {
  const offset = TZ_OFFSET[(zone ?? 'utc').toLowerCase()] ?? 0;
  if (zone === undefined) out.assume('peakHourUtc', hour, `"${fragment}" has no time zone; read as UTC`);
  out.add('peakHourUtc', (((hour - offset) % 24) + 24) % 24, fragment);
}

export function extractShape(scanner: Scanner, out: Extraction): void {
  extractBusinessHours(scanner, out);
  extractSpikeDuration(scanner, out);
  scanner.each(PEAK_RATIO, (m) => addRatio(out, m[1]!, m[0]));
  scanner.each(PEAK_LEAD, (m) => addRatio(out, m[1]!, m[0]));
  scanner.each(SPIKE_LEAD, (m) => {
    out.add('shape', 'spike', m[0]);
    addRatio(out, m[1]!, m[0]);
  });
  scanner.each(PEAK_TRAIL, (m) => {
    if (/^(?:bursts?|spikes?|surges?)$/i.test(m[2]!)) out.add('shape', 'spike', m[0]);
    addRatio(out, m[1]!, m[0]);
  });
  for (const { re, shape } of SHAPE_WORDS) scanner.each(re, (m) => out.add('shape', shape, m[0]));
  scanner.each(NAMED_HOURS, (m) => addHour(out, /midnight/i.test(m[1]!) ? 0 : 12, undefined, m[0]));
  scanner.each(CLOCK, (m) => {
    const [, h, min, ampm, zone] = m;
    if (ampm === undefined && zone === undefined && min === undefined) return false;
    let hour = Number(h);
    const minutes = min === undefined ? 0 : Number(min);
    if (ampm !== undefined && (hour < 1 || hour > 12)) return false;
    if (hour > 23 || minutes > 59) return false;
    if (ampm !== undefined) hour = (hour % 12) + (ampm.toLowerCase().startsWith('p') ? 12 : 0);
    addHour(out, hour + minutes / 60, zone, m[0]);
  });
}
