/**
 * Offered load: "30 rps", "qps 100", "1200 requests per minute", "2 million requests per day",
 * "5.6M queries a week", "10 billion tokens per day" (a token rate, converted later), "200 concurrent users".
 */
import type { Extraction } from './extraction.ts';
import { ADVERB_UNIT, NUM, parseNumber, secondsPerUnit, UNIT } from './numbers.ts';
import { extractPerUserLoad } from './per-user-load.ts';
import type { Scanner } from './scanner.ts';
import { addRate } from './load-bounds.ts';

const PER = '(?:\\s?/\\s?|\\s(?:per|a|an|each|every)\\s)';
const NOUN =
  '(?:requests?|reqs?|queries|query|calls?|api calls|conversations?|chats?|messages?|prompts?|completions?|generations?|inferences?|hits|sessions?|questions?|jobs?)';
const SAY = '(?:\\s?(?:of|=|:|~|is|at|around|about))?';

const TOKEN_RATE = new RegExp(
  `${NUM}\\s?(?:(input|output|prompt|completion|generated|total)\\s)?(?:tokens?|toks?)${PER}${UNIT}(?![a-z])`,
  'gi',
);
// "OSL=1024 qps 100": a bare number after the unit belongs to it (not a clock time, a length or a ratio), and one after "OSL=" to the length.
const RPS = new RegExp(`(?<!(?:isl|osl|inputs?|outputs?|in|out|tokens?|prompts?)\\s?[=:]\\s?)${NUM}\\s?(?:rps|qps|req/s|reqs/s|requests?/s|requests?/sec|r/s|q/s)(?![a-z])(?!\\s?(?:of|=|:)?\\s?\\d+(?:\\.\\d+)?(?![\\d.:/]|\\s?(?:am|pm|a\\.m|p\\.m|k|m|in|out|input|output|tokens?|toks?|x)\\b|[kmx]))`, 'gi');
const RPS_LEAD = new RegExp(`\\b(?:rps|qps|request rate|requests per second|queries per second)${SAY}\\s?${NUM}`, 'gi');
const PER_X = new RegExp(`${NUM}\\s?(rpm|qpm|rph|rpd)\\b`, 'gi');
const RPS_UNIT = '(?:rps|qps|req/s|reqs/s|requests?/s|requests? per second|queries per second)';
/** "150 rps peak", "peak of 150 rps", "peaking at 120 req/s": a peak rate, not a second mean. */
const PEAK_RATE = new RegExp(`${NUM}\\s?${RPS_UNIT}\\s(?:at\\s)?peak(?=\\s?(?:[,.;)!?/]|$|and\\b|or\\b))|\\bpeak(?:s|ing)?(?:\\s(?:load|traffic|rate))?(?:\\s?(?:of|at|is|=|:|~|around|up to|to|hits?|reach(?:es|ing)?))*\\s?${NUM}\\s?${RPS_UNIT}(?![a-z])`, 'gi');
const ADVERB_RATE = new RegExp(`${NUM}\\s?(?:(input|output|prompt|completion|total)\\s)?(tokens?|toks?|${NOUN})\\s?${ADVERB_UNIT}(?![a-z])`, 'gi');
const RATE = new RegExp(`${NUM}\\s?(?:${NOUN}\\s?)?${PER}${UNIT}(?![a-z])`, 'gi');
const CONCURRENT = new RegExp(
  `${NUM}\\s?(?:concurrent|simultaneous|parallel|active|in-flight|inflight)\\s?(?:users?|requests?|sessions?|streams?|connections?|conversations?|chats?)?(?![a-z])|${NUM}\\s?(?:users?|sessions?|streams?)\\s?(?:at once|at the same time|concurrently|simultaneously|in parallel)|\\b(?:concurrency|concurrent users|max concurrency)${SAY}\\s?${NUM}`,
  'gi',
);

const ABBREVIATED_UNITS: Readonly<Record<string, number>> = { rpm: 60, qpm: 60, rph: 3600, rpd: 86400 };


export function extractLoad(scanner: Scanner, out: Extraction): void {
  scanner.each(TOKEN_RATE, (m) => {
    const value = parseNumber(m[1]!);
    const seconds = secondsPerUnit(m[3]!);
    if (!Number.isFinite(value) || value <= 0 || value / seconds > 1e12) {
      out.problem(m[0], `token rate "${m[0]}" must be positive`, '10 billion tokens per day', 'requestsPerSecond');
      return;
    }
    const kind = (m[2] ?? 'total').toLowerCase();
    const basis = kind === 'input' || kind === 'prompt' ? 'input' : kind === 'total' ? 'total' : 'output';
    out.add('tokenRate', { tokensPerSecond: value / seconds, tokens: value, perSeconds: seconds, basis }, m[0]);
  });
  scanner.each(PEAK_RATE, (m) => {
    const value = parseNumber(m[1] ?? m[2]!);
    if (!(value > 0) || !Number.isFinite(value)) {
      out.problem(m[0], `peak "${m[0]}" must be a positive rate`, '50 rps average, 150 rps peak', 'peakToAverage');
      return;
    }
    out.add('peakRequestsPerSecond', value, m[0]);
  });
  extractPerUserLoad(scanner, out);
  scanner.each(ADVERB_RATE, (m) => {
    const seconds = secondsPerUnit(m[4] ?? m[5]!);
    if (/^month/i.test(m[4] ?? '')) out.assume('requestsPerSecond', '30-day month', `"${m[0]}" spread over a 30-day month`);
    if (!/^tok/i.test(m[3]!)) return addRate(out, m[1]!, seconds, m[0]);
    const value = parseNumber(m[1]!);
    const kind = (m[2] ?? 'total').toLowerCase();
    const basis = kind === 'input' || kind === 'prompt' ? 'input' : kind === 'total' ? 'total' : 'output';
    if (Number.isFinite(value) && value > 0) out.add('tokenRate', { tokensPerSecond: value / seconds, tokens: value, perSeconds: seconds, basis }, m[0]);
    else out.problem(m[0], `token rate "${m[0]}" must be positive`, '10 billion tokens per day', 'requestsPerSecond');
  });
  scanner.each(RPS, (m) => addRate(out, m[1]!, 1, m[0]));
  scanner.each(RPS_LEAD, (m) => addRate(out, m[1]!, 1, m[0]));
  scanner.each(PER_X, (m) => addRate(out, m[1]!, ABBREVIATED_UNITS[m[2]!.toLowerCase()]!, m[0]));
  scanner.each(RATE, (m) => {
    if (/^mo/i.test(m[2]!)) out.assume('requestsPerSecond', '30-day month', `"${m[0]}" spread over a 30-day month`);
    addRate(out, m[1]!, secondsPerUnit(m[2]!), m[0]);
  });
  scanner.each(CONCURRENT, (m) => {
    const raw = m[1] ?? m[2] ?? m[3]!;
    const value = parseNumber(raw);
    if (!Number.isInteger(value) || value <= 0 || value > 1e8) {
      out.problem(m[0], `concurrency "${m[0]}" must be a positive whole number`, '200 concurrent users', 'concurrentUsers');
      return;
    }
    out.add('concurrentUsers', value, m[0]);
  });
}
