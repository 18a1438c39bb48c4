/**
 * Numbers as people write them: "1,500", "2k", "1.5K", "5.6M", "2 million", "10B", "-5". One regex
 * source (`NUM`, a single capture group) shared by every pattern, and `parseNumber` for the capture.
 * Digits are capped at 15 and a number must start at a word boundary, so long digit runs never backtrack.
 */

const SUFFIX = '(?:\\s?(?:thousand|million|billion|trillion|mil|mm|mn|bn|k|m|b)(?![a-z0-9]))';
/** One capture group: the number with its optional magnitude suffix. */
export const NUM = `((?<![\\w.,])-?(?:\\d{1,3}(?:,\\d{3}){1,4}|\\d{1,15})(?:\\.\\d{1,6})?(?!\\d)(?!\\.\\d)${SUFFIX}?)`;
/** A plain number without magnitude suffix (for hours, percentiles, ratios). */
export const PLAIN = `((?<![\\w.,])-?\\d{1,15}(?:\\.\\d{1,6})?(?![\\d]))`;

const MULTIPLIERS: Readonly<Record<string, number>> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mm: 1e6,
  mn: 1e6,
  mil: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  trillion: 1e12,
};

/** "1,500" -> 1500, "2k" -> 2000, "5.6M" -> 5.6e6, "2 million" -> 2e6; NaN when not a number. */
export function parseNumber(text: string): number {
  const match = /^(-?[\d,]*\.?\d+)\s?([a-z]*)$/i.exec(text.trim());
  if (!match) return Number.NaN;
  const base = Number(match[1]!.replace(/,/g, ''));
  const suffix = match[2]!.toLowerCase();
  if (suffix === '') return base;
  const multiplier = MULTIPLIERS[suffix];
  return multiplier === undefined ? Number.NaN : base * multiplier;
}

/** Seconds per unit word: "s", "sec", "minute", "hr", "day", "wk", "month" (a 30-day month), "year" (365 days), "daily". */
export const UNIT = '(second|seconds|sec|secs|s|minute|minutes|min|mins|m|hour|hours|hr|hrs|h|day|days|d|week|weeks|wk|wks|w|month|months|mo|year|years|yr)';
/** "daily", "hourly", "a year": a volume said with an adverb of time. */
export const ADVERB_UNIT = '(?:(hourly|daily|nightly|weekly|monthly|yearly|annually)|(?:a|per|each|every)\\s(year))';

export function secondsPerUnit(unit: string): number {
  const u = unit.toLowerCase();
  if (u.startsWith('y') || u.startsWith('annual')) return 365 * 86400;
  if (u === 'daily' || u === 'nightly') return 86400;
  if (u === 'hourly') return 3600;
  if (u.startsWith('mo')) return 30 * 86400;
  if (u.startsWith('s')) return 1;
  if (u.startsWith('m')) return 60;
  if (u.startsWith('h')) return 3600;
  if (u.startsWith('d')) return 86400;
  return 7 * 86400;
}

/** Round for display in messages: 9.2592 -> "9.26". */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1e6 || (Math.abs(value) < 1e-3 && value !== 0)) return value.toExponential(3);
  return String(Number(value.toPrecision(4)));
}
