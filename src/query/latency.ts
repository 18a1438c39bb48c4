/**
 * Latency targets: "p95 TTFT under 1s", "time to first token 800 ms", "TPOT 20ms", "ITL 40 ms",
 * "50 tok/s per user", "sub-second TTFT", "interactive" (a stated default, listed as an assumption).
 */
import type { Extraction } from './extraction.ts';
import { NUM, parseNumber } from './numbers.ts';
import type { Scanner } from './scanner.ts';
import { PERCENTILES } from './schema.ts';

export const INTERACTIVE_DEFAULTS = { ttftMs: 1000, ttftPercentile: 95, tpotMs: 50 } as const;

const PCT = '(?:p(50|90|95|99)|(50|90|95|99)(?:th)?[\\s-]?(?:percentile|pct|%ile)|(median))';
const TTFT = '(?:ttft|ttfb|time[\\s-]to[\\s-]first[\\s-]token|first[\\s-]token(?:\\slatency)?)';
const TPOT = '(?:tpot|itl|inter[\\s-]?token(?:\\slatency)?|time[\\s-]per[\\s-]output[\\s-]token|per[\\s-]token latency|token latency|decode latency)';
const LINK =
  '(?:\\s?(?:target|slo|sla|goal|budget|of|under|below|within|less than|lower than|at most|max|maximum|<|=|:|~|around|about|is|should be|must be|needs to be|must stay|stays?|better than|limit))*';
const VALUE = `(?:${NUM}\\s?(ms|msec|milliseconds?|s|secs?|seconds?)?(?![a-z])|(a second|one second|sub-second|subsecond))`;
const TRAILING_PCT = `(?:\\s?(?:at|@)?\\s?${PCT})?`;

function leadPattern(kind: string): RegExp {
  return new RegExp(`(?:${PCT}\\s?)?\\b${kind}(?:\\s?${PCT})?${LINK}\\s?${VALUE}${TRAILING_PCT}`, 'gi');
}
function trailPattern(kind: string): RegExp {
  return new RegExp(`${VALUE}\\s?(?:${PCT}\\s?)?${kind}(?![a-z])`, 'gi');
}

const TARGETS = [
  { lead: leadPattern(TTFT), trail: trailPattern(TTFT), field: 'ttftMs' },
  { lead: leadPattern(TPOT), trail: trailPattern(TPOT), field: 'tpotMs' },
] as const;

const SPEED = new RegExp(
  `(?:at least\\s|>=?\\s?)?${NUM}\\s?(?:tok(?:en)?s?|t)\\s?(?:/|per)\\s?s(?:ec(?:ond)?)?\\s?(?:/|per|for|each|to each|a)\\s?(?:user|stream|request|session|sequence|conversation|person)(?![a-z])|\\b(?:per[\\s-]user|per[\\s-]stream)\\s?(?:speed|throughput|rate|decode speed)?(?:\\s?(?:of|>=|at least|:))?\\s?${NUM}\\s?(?:tok(?:en)?s?|t)\\s?(?:/|per)\\s?s(?:ec(?:ond)?)?(?![a-z])`,
  'gi',
);
/** "100 tok/s each", "each user at 40 tok/s", "40 tokens/s/user", "20 concurrent streams at 50 t/s". */
const SPEED_EACH = new RegExp(
  `(?<=\\b(?:users?|streams?|sessions?|connections?|conversations?|chats?)\\s(?:each\\s)?(?:at|streaming at|getting|reading at|with)\\s)${NUM}\\s?(?:tok(?:en)?s?|t)\\s?(?:/|per)\\s?s(?:ec(?:ond)?)?(?![a-z])|(?:at least\\s|>=?\\s?)?${NUM}\\s?(?:tok(?:en)?s?|t)\\s?(?:/|per)\\s?s(?:ec(?:ond)?)?\\s?(?:each|apiece|/\\s?user|/\\s?stream)(?![a-z])|\\beach\\s(?:user|stream|request|session)?\\s?(?:gets|at|needs|wants|should get|sees|streams at|of)?\\s?(?:at least\\s)?${NUM}\\s?(?:tok(?:en)?s?|t)\\s?(?:/|per)\\s?s(?:ec(?:ond)?)?(?![a-z])`,
  'gi',
);
const BARE_PCT = new RegExp(`(?:\\bp(50|90|95|99)|\\b(50|90|95|99)(?:th)?[\\s-]?(?:percentile|pct|%ile))(?![\\w.%])(?!\\s?(?:\\d|latency|response|e2e|end[\\s-]to[\\s-]end))`, 'gi');
const INTERACTIVE = /\b(?:interactive|real[\s-]?time|user[\s-]facing|chatbot|chat bot|latency[\s-]sensitive)\b/gi;

interface Parsed { ms?: number; unitless: boolean; raw: string; percentile?: number }

function readValue(groups: readonly (string | undefined)[], offset: number): Parsed {
  const [num, unit, words] = [groups[offset], groups[offset + 1], groups[offset + 2]];
  if (words !== undefined) return { ms: 1000, unitless: false, raw: words };
  const value = parseNumber(num ?? '');
  if (!Number.isFinite(value)) return { unitless: false, raw: num ?? '' };
  const seconds = unit !== undefined && /^s/i.test(unit);
  return { ms: seconds ? value * 1000 : value, unitless: unit === undefined, raw: num! };
}

function percentileOf(groups: readonly (string | undefined)[], offsets: readonly number[]): number | undefined {
  for (const o of offsets) {
    const p = groups[o] ?? groups[o + 1];
    if (p !== undefined) return Number(p);
    if (groups[o + 2] !== undefined) return 50;
  }
  return undefined;
}

function addTarget(out: Extraction, field: 'ttftMs' | 'tpotMs', v: Parsed, percentile: number | undefined, fragment: string): void {
  if (v.ms === undefined || !(v.ms > 0) || v.ms > 600_000) {
    out.problem(fragment, `latency "${fragment}" needs a positive time`, field === 'ttftMs' ? 'p95 TTFT under 1s' : 'TPOT 20ms', field);
    return;
  }
  let ms = v.ms;
  if (v.unitless) {
    if (field === 'ttftMs' && ms <= 30) ms *= 1000;
    out.assume(field, ms, `"${fragment}" has no unit; read as ${ms === v.ms ? 'milliseconds' : 'seconds'}`);
  }
  out.add(field, ms, fragment);
  if (percentile !== undefined) {
    if (field === 'ttftMs') out.add('ttftPercentile', percentile, fragment);
    else out.assume('tpotMs', `p${percentile}`, `"${fragment}": the TPOT target is checked as a typical (mean) value; its percentile is not modeled`);
  }
}

/**
 * A TTFT percentile the engine does not model ("p0", "p100", "p80", "99.9th percentile") is refused with
 * the ones it does, never read as the default p95.
 */
const ANY_PCT = `(?:\\bp(\\d{1,3}(?:\\.\\d{1,2})?)|\\b(\\d{1,3}(?:\\.\\d{1,2})?)(?:th|st|nd|rd)?[\\s-]?(?:percentile|pct|%ile))`;
const UNMODELED_PCT = new RegExp(`${ANY_PCT}(?=\\s?(?:${TTFT}|${TPOT}|latency))|(?:${TTFT}|${TPOT})\\s?${ANY_PCT}`, 'gi');

function extractPercentileProblems(scanner: Scanner, out: Extraction): void {
  scanner.each(UNMODELED_PCT, (m) => {
    const value = Number(m[1] ?? m[2] ?? m[3] ?? m[4]);
    if ((PERCENTILES as readonly number[]).includes(value)) return false;
    const range = value <= 0 || value >= 100 ? 'is not a percentile (it must be above 0 and below 100)' : 'is not modeled';
    out.problem(m[0], `p${value} ${range}; the TTFT target can be held at p50, p90, p95 or p99`, 'p95 TTFT under 1s', 'ttftPercentile');
    // Consume only the percentile, so the TTFT words and time are still read as the target.
    const pct = /\bp?\d[\d.]*(?:th|st|nd|rd)?[\s-]?(?:percentile|pct|%ile)?$|^p?\d[\d.]*(?:th|st|nd|rd)?[\s-]?(?:percentile|pct|%ile)?/i.exec(m[0])!;
    scanner.consume(m.index + pct.index, m.index + pct.index + pct[0].length);
    return false;
  });
}

export function extractLatency(scanner: Scanner, out: Extraction): void {
  extractPercentileProblems(scanner, out);
  for (const speed of [SPEED, SPEED_EACH]) scanner.each(speed, (m) => {
    // The number is in whichever alternative matched (SPEED has two, SPEED_EACH three).
    const value = parseNumber(m[1] ?? m[2] ?? m[3]!);
    if (!Number.isFinite(value) || value <= 0 || value > 100_000) {
      out.problem(m[0], `per-user speed "${m[0]}" must be positive`, '50 tok/s per user', 'tokensPerSecondPerUser');
      return;
    }
    out.add('tokensPerSecondPerUser', value, m[0]);
    });
  for (const { lead, trail, field } of TARGETS) {
    // groups: 1-3 pct, 4-6 pct, 7-9 value, 10-12 trailing pct
    scanner.each(lead, (m) => addTarget(out, field, readValue(m, 7), percentileOf(m, [1, 4, 10]), m[0]));
    // groups: 1-3 value, 4-6 pct
    scanner.each(trail, (m) => addTarget(out, field, readValue(m, 1), percentileOf(m, [4]), m[0]));
  }
  // "what about p99?": a percentile with no target of its own is the TTFT percentile (the only one modeled).
  scanner.each(BARE_PCT, (m) => {
    out.add('ttftPercentile', percentileOf(m, [1])!, m[0]);
  });
  scanner.each(INTERACTIVE, (m) => {
    out.add('interactive', true, m[0]);
  });
}
