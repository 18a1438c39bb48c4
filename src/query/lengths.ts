/**
 * Token lengths: "2k in / 500 out", "ISL=1024 OSL=1024", "8k prompts and 1k completions",
 * "1,500 input tokens", "2000/200 tokens", "input 2k output 500".
 */
import type { Extraction } from './extraction.ts';
import { NUM, parseNumber } from './numbers.ts';
import type { Scanner } from './scanner.ts';

const TOK = '(?:\\s?-?\\s?(?:tokens?|toks?))?';
const IN_WORDS = '(?:isl|inputs?|input tokens|input length|prompts?|prompt tokens|prompt length|in)';
const OUT_WORDS =
  '(?:osl|outputs?|output tokens|output length|completions?|completion tokens|generations?|generated|responses?|answers?|out)';
const IN_LEAD = '(?:isl|avg input|average input|input tokens|input length|inputs?|prompt tokens|prompt length|prompts?)';
const OUT_LEAD =
  '(?:osl|avg output|average output|output tokens|output length|outputs?|completion tokens|completions?|answers?|responses?|max tokens|max new tokens)';
/** "6k reasoning output", "2k average prompt": a describing word between the count and what it counts. */
const QUALIFIER = '(?:(?:reasoning|thinking|average|avg|typical|mean|median|max|maximum|long|short|system|user|model)\\s)?';
/** Up to two linking words: "prompts are around 1.5k tokens". */
const SAY = '(?:\\s?(?:of|=|:|~|is|are|at|around|about|approx|roughly|typically|usually)){0,2}';

/** Between the two counts of a pair: "1k/1k", "2k -> 500", "2k → 500". */
const PAIR = '\\s?(?:/|->|=>|\u2192)\\s?';

const PATTERNS: readonly { re: RegExp; fields: readonly ('in' | 'out')[]; bare?: boolean }[] = [
  // "in 4096 out 512", "in: 2k, out: 500"
  { re: new RegExp(`\\bin${SAY}\\s?${NUM}${TOK}\\s?(?:,|;|and|&|\\+|/)?\\s?out${SAY}\\s?${NUM}${TOK}`, 'gi'), fields: ['in', 'out'] },
  // "ISL/OSL 1k/1k", "in/out 2k/500"
  { re: new RegExp(`\\b(?:isl|input|in)\\s?/\\s?(?:osl|output|out)${SAY}\\s?${NUM}\\s?/\\s?${NUM}`, 'gi'), fields: ['in', 'out'] },
  // "2000/200 tokens", "1k/1k in/out", "2k->500 tokens"
  { re: new RegExp(`${NUM}${PAIR}${NUM}\\s?(?:tokens?|toks?|in\\s?/\\s?out|isl\\s?/\\s?osl|input\\s?/\\s?output)\\b`, 'gi'), fields: ['in', 'out'] },
  // "1k/1k", "2k/500", "256/256": a bare slash pair of token counts (not "24/7", not "1/2")
  { re: new RegExp(`${NUM}${PAIR}${NUM}(?![\\w/.]|\\s?(?:s|sec|second|min|minute|h|hr|hour|day|rps|qps|gpu|x)\\b)`, 'gi'), fields: ['in', 'out'], bare: true },
  // "ISL=1024 OSL=128", "input 2k, output 500"
  {
    re: new RegExp(`\\b${IN_LEAD}${SAY}\\s?${NUM}${TOK}\\s?(?:,|;|and|&|\\+|/)?\\s?${OUT_LEAD}${SAY}\\s?${NUM}${TOK}`, 'gi'),
    fields: ['in', 'out'],
  },
  // "2k in", "1,500 input tokens", "8k prompts", "500-token responses"
  { re: new RegExp(`${NUM}${TOK}\\s?(?:of\\s)?${QUALIFIER}${IN_WORDS}(?![a-z])`, 'gi'), fields: ['in'] },
  { re: new RegExp(`${NUM}${TOK}\\s?(?:of\\s)?${QUALIFIER}${OUT_WORDS}(?![a-z])`, 'gi'), fields: ['out'] },
  // "ISL=1024", "input tokens: 1500"
  { re: new RegExp(`\\b${IN_LEAD}${SAY}\\s?${NUM}${TOK}`, 'gi'), fields: ['in'] },
  { re: new RegExp(`\\b${OUT_LEAD}${SAY}\\s?${NUM}${TOK}`, 'gi'), fields: ['out'] },
];

function addLength(out: Extraction, which: 'in' | 'out', raw: string, fragment: string): void {
  const field = which === 'in' ? 'inputTokens' : 'outputTokens';
  const value = parseNumber(raw);
  if (!Number.isFinite(value) || value < 1 || value > 10_000_000) {
    out.problem(fragment, `${which === 'in' ? 'input' : 'output'} length "${raw}" is not a usable token count`, '2k in / 500 out', field);
    return;
  }
  out.add(field, Math.round(value), fragment);
}

/** A bare pair reads as lengths only when both sides look like token counts: 16 or more, or a k/M suffix. */
const MIN_BARE_TOKENS = 16;

/** "16k context": the prompt fills the window, less the output when that is said. */
const CONTEXT = new RegExp(`${NUM}${TOK}\\s?(?:of\\s)?(?:context|ctx|context window|context length)(?![a-z])|\\b(?:context|ctx)(?:\\s(?:window|length))?${SAY}\\s?${NUM}${TOK}`, 'gi');

export function extractLengths(scanner: Scanner, out: Extraction): void {
  for (const { re, fields, bare } of PATTERNS) {
    scanner.each(re, (m) => {
      if (bare && !fields.every((_, i) => parseNumber(m[i + 1]!) >= MIN_BARE_TOKENS)) return false;
      fields.forEach((which, i) => addLength(out, which, m[i + 1]!, m[0]));
    });
  }
  scanner.each(CONTEXT, (m) => {
    const value = parseNumber(m[1] ?? m[2]!);
    if (!Number.isFinite(value) || value < 2 || value > 10_000_000) {
      out.problem(m[0], `context "${m[0]}" is not a usable token count`, '16k context, 1k out', 'inputTokens');
      return;
    }
    out.add('contextTokens', Math.round(value), m[0]);
  });
}
