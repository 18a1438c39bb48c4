/**
 * Latency targets: "p95 TTFT under 1s", "time to first token 800 ms", "TPOT 20ms", "ITL 40 ms",
 * "50 tok/s per user", "sub-second TTFT", "interactive" (a stated default, listed as an assumption).
 */
import type { Extraction } from './extraction.ts';
import { NUM, parseNumber } from './numbers.ts';
import type { Scanner } from './scanner.ts';

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

export function extractLatency(scanner: Scanner, out: Extraction): void {
  scanner.each(SPEED, (m) => {
    const value = parseNumber(m[1] ?? m[2]!);
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
  scanner.each(INTERACTIVE, (m) => {
    out.add('interactive', true, m[0]);
  });
}
