/**
 * Numbers written in the forms people use, rewritten into the one form the extractors read, before any
 * extractor runs: digit groups ("2 000", "2_000", "2'000", "1.000.000"), scientific notation ("1e3"),
 * ranges ("20-30 rps", "between 1k and 2k tokens": the middle, said as an assumption), and words where a
 * number should be ("NaN rps", "infinite tokens": refused). What is rewritten is said; what cannot be used
 * is a problem naming the fragment.
 */
import { BOUNDS, outOfBound } from '../advice/bounds.ts';
import { rewriteNumberWords } from './number-words.ts';
import { fieldLabel } from './stated-assumptions.ts';
import type { Assumption, FieldName, Problem } from './schema.ts';

export interface NumberForms {
  readonly text: string;
  readonly problems: readonly Problem[];
  readonly assumptions: readonly Assumption[];
}

/** Words after a number that say it is a quantity of this tool (so a rewrite is safe). */
const UNIT_AHEAD =
  '(?=\\s?(?:[kmb]\\b|thousand|million|billion|x\\b|times|%|rps|qps|rpm|req|quer|call|tok|in\\b|out\\b|input|output|prompt|complet|context|users?|concurrent|sessions?|streams?|ms\\b|msec|millis|s\\b|secs?\\b|seconds?|minutes?|mins?\\b|hours?|hrs?\\b|days?|weeks?|months?|per\\b|/|a (?:day|week|month|minute|second|hour)))';
const RANGE_NUMBER = '(\\d{1,9}(?:\\.\\d{1,3})?)\\s?(k|m)?';
const RANGE_END = `(?=\\s|x\\b|%|/|$)(?!\\s?(?:am|pm|a\\.m|p\\.m|business|office|work))${UNIT_AHEAD}`;
/** "20-30 rps", "2 to 3x", "between 1k and 2k tokens"; not "from 10 to 30" (a change, read elsewhere). */
const RANGES = [
  new RegExp(`(?<![\\w.,/:-])(?<!from\\s)${RANGE_NUMBER}\\s?(?:-|to)\\s?${RANGE_NUMBER}${RANGE_END}`, 'gi'),
  new RegExp(`\\bbetween\\s${RANGE_NUMBER}\\s?(?:and|-|to)\\s?${RANGE_NUMBER}${RANGE_END}`, 'gi'),
];
/** "1e3", "2.5e-2", and "1e30x" (a unit letter straight after the exponent). */
const SCIENTIFIC = /(?<![\w.,])(\d{1,3}(?:\.\d{1,6})?)e([+-]?\d{1,4})(?![\d.])(?![a-wyz])/gi;
const NOT_A_NUMBER = new RegExp(`\\b(nan|infinity|infinite|inf|unlimited)${UNIT_AHEAD}`, 'gi');
/** Thin, narrow no-break, figure, no-break spaces, underscores and apostrophes between digit groups. */
const ODD_GROUP = /(?<![\w.,])(\d{1,3})((?:[\u00a0\u2009\u202f\u2007_'\u2019]\d{3})+)(?![\d])/g;
/** "2 000 tokens": a plain space between groups, only before a word that makes it a quantity. */
const SPACE_GROUP = new RegExp(`(?<![\\w.,])(\\d{1,3})((?: \\d{3})+)(?![\\w.,])${UNIT_AHEAD}`, 'gi');
/** "1.000.000": dots as thousands separators, two groups or more. */
const DOT_GROUPS = /(?<![\w.,])([1-9]\d{0,2})((?:\.\d{3}){2,})(?![\d.])/g;
/** "2.000 tokens": one dot group before a count word is 2 or 2000; ask. */
const DOT_AMBIGUOUS = /(?<![\w.,])([1-9]\d{0,2})\.(\d{3})(?![\d.])(?=\s?(?:tokens?|toks?|input|output|in\b|out\b|prompt|requests?|reqs?|users?|rps|qps|concurrent))/gi;

/** Join digit groups separated by odd spaces before NFKC turns those spaces into plain ones. */
export function joinOddDigitGroups(text: string): string {
  return text.replace(ODD_GROUP, (_m, head: string, rest: string) => head + rest.replace(/\D/g, ''));
}

function plain(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/** Rewrite the number forms in normalized text; see the module comment. */
export function rewriteNumberForms(input: string): NumberForms {
  const problems: Problem[] = [];
  const assumptions: Assumption[] = [];
  let text = rewriteNumberWords(input).replace(SPACE_GROUP, (_m, head: string, rest: string) => head + rest.replace(/ /g, ''));
  text = text.replace(DOT_GROUPS, (_m, head: string, rest: string) => head + rest.replace(/\./g, ''));
  text = text.replace(DOT_AMBIGUOUS, (m, head: string, tail: string) => {
    problems.push({
      fragment: m,
      message: `"${m}" could be ${head}.${tail} or ${head}${tail}; write it without the dot`,
      example: `${head}${tail} or ${head},${tail}`,
    });
    return ' ';
  });
  text = text.replace(SCIENTIFIC, (m, mantissa: string, exponent: string, at: number, whole: string) => {
    const value = Number(`${mantissa}e${exponent}`);
    if (Number.isFinite(value) && value >= 1e-6 && value <= 1e12) return plain(value);
    problems.push(unusable(whole, at, m, `"${m}" is far outside any real workload; write the plain number`, value));
    return ' ';
  });
  text = text.replace(NOT_A_NUMBER, (m, word: string, at: number, whole: string) => {
    problems.push(unusable(whole, at, m, `"${word}" is not a number tokcost can plan for; give a finite figure`));
    return ' ';
  });
  for (const range of RANGES) text = text.replace(range, (m, a: string, aSuffix?: string, b?: string, bSuffix?: string) => middleOf(m, a, aSuffix, b!, bSuffix, assumptions));
  return { text, problems, assumptions };
}

const SCALE: Readonly<Record<string, number>> = { k: 1e3, m: 1e6 };

/** The middle of a range, said as an assumption; "1-2k": the second number's suffix applies to both. */
function middleOf(m: string, a: string, aSuffix: string | undefined, b: string, bSuffix: string | undefined, assumptions: Assumption[]): string {
  const scale = (suffix: string | undefined) => (suffix === undefined ? 1 : SCALE[suffix.toLowerCase()]!);
  const low = Number(a) * scale(aSuffix ?? bSuffix);
  const high = Number(b) * scale(bSuffix);
  if (!(high > low)) return m;
  const middle = plain((low + high) / 2);
  assumptions.push({ field: 'range', value: middle, reason: `"${m.trim()}" is a range; took the middle, ${middle} (say one number to change it)` });
  return middle;
}

const FIELD_AHEAD: readonly (readonly [RegExp, FieldName, string])[] = [
  [/^(?:rps|qps|rpm|req|quer|calls?|requests?|per\b|\/|a (?:day|week|month|minute|second|hour))/, 'requestsPerSecond', '30 rps'],
  [/^(?:in\b|input|prompt|context)/, 'inputTokens', '2k in / 500 out'],
  [/^(?:out\b|output|complet)/, 'outputTokens', '2k in / 500 out'],
  [/^(?:tok)/, 'inputTokens', '2k in / 500 out'],
  [/^(?:users?|concurrent|sessions?|streams?)/, 'concurrentUsers', '200 concurrent users'],
  [/^(?:x\b|times)/, 'peakToAverage', 'peaks 4x'],
  [/^(?:ms\b|msec|millis|s\b|secs?\b|seconds?)/, 'ttftMs', 'p95 TTFT under 1s'],
];

/** A number that cannot be used, with the word after it, attributed to the field that word names. */
function unusable(text: string, at: number, fragment: string, message: string, value?: number): Problem {
  const after = text.slice(at + fragment.length).trimStart().toLowerCase();
  const word = /^[a-z/]+/.exec(after)?.[0] ?? '';
  const hit = FIELD_AHEAD.find(([re]) => re.test(after));
  const example = hit?.[2] ?? '30 rps, 2k in / 500 out';
  const said = word ? `${fragment} ${word}` : fragment;
  if (!hit) return { fragment: said, message, example };
  // The same bound every door applies, so "1e30x" reads like --peak-to-average 1e30.
  const bound = BOUNDS[hit[1] as keyof typeof BOUNDS];
  const inSeconds = hit[1] === 'ttftMs' && !/^(?:ms|msec|millis)/.test(after);
  const why = value !== undefined && bound ? outOfBound(inSeconds ? value * 1000 : value, bound) : null;
  return { fragment: said, message: why ? `"${fragment}": ${why}` : `${message} for ${fieldLabel(hit[1])}`, example, field: hit[1] };
}
