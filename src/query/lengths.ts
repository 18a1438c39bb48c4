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
const SAY = '(?:\\s?(?:of|=|:|~|is|are|at|around|about|approx|roughly))?';

const PATTERNS: readonly { re: RegExp; fields: readonly ('in' | 'out')[] }[] = [
  // "ISL/OSL 1k/1k", "in/out 2k/500"
  { re: new RegExp(`\\b(?:isl|input|in)\\s?/\\s?(?:osl|output|out)${SAY}\\s?${NUM}\\s?/\\s?${NUM}`, 'gi'), fields: ['in', 'out'] },
  // "2000/200 tokens", "1k/1k in/out"
  { re: new RegExp(`${NUM}\\s?/\\s?${NUM}\\s?(?:tokens?|toks?|in\\s?/\\s?out|isl\\s?/\\s?osl|input\\s?/\\s?output)\\b`, 'gi'), fields: ['in', 'out'] },
  // "ISL=1024 OSL=128", "input 2k, output 500"
  {
    re: new RegExp(`\\b${IN_LEAD}${SAY}\\s?${NUM}${TOK}\\s?(?:,|;|and|&|\\+|/)?\\s?${OUT_LEAD}${SAY}\\s?${NUM}${TOK}`, 'gi'),
    fields: ['in', 'out'],
  },
  // "2k in", "1,500 input tokens", "8k prompts", "500-token responses"
  { re: new RegExp(`${NUM}${TOK}\\s?(?:of\\s)?${IN_WORDS}(?![a-z])`, 'gi'), fields: ['in'] },
  { re: new RegExp(`${NUM}${TOK}\\s?(?:of\\s)?${OUT_WORDS}(?![a-z])`, 'gi'), fields: ['out'] },
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

export function extractLengths(scanner: Scanner, out: Extraction): void {
  for (const { re, fields } of PATTERNS) {
    scanner.each(re, (m) => {
      fields.forEach((which, i) => addLength(out, which, m[i + 1]!, m[0]));
    });
  }
}
