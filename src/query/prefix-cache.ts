/**
 * Prefix caching in words: "75% prefix cache hits", "prefix cache hit rate of 60%", "prefix hits drop to
 * 30%", "60% of the prompt is cached", "a 4k shared system prompt" (a share of the input, once the
 * input length is known), "no prefix caching" (0).
 */
import type { Extraction } from './extraction.ts';
import { formatNumber } from './numbers.ts';
import type { QueryFields } from './schema.ts';
import type { Scanner } from './scanner.ts';

const NUM = String.raw`(\d+(?:\.\d+)?)\s*%`;
const HIT = String.raw`(?:prefix[\s-]*(?:cache|caching)?[\s-]*|(?:kv[\s-]*)?cache[\s-]*)hits?(?:[\s-]*(?:rate|ratio))?`;
const PATTERNS: readonly RegExp[] = [
  // "75% prefix cache hits", "75% prefix hit rate", "75% cache hits", "75% prefix caching", "75% prefix-cache"
  new RegExp(String.raw`\b${NUM}\s*(?:${HIT}|prefix[\s-]*(?:cache|caching|cached|reuse))`, 'gi'),
  // "prefix cache hit rate of 60%", "prefix hits drop to 30%", "prefix caching at 50%"
  new RegExp(String.raw`\b(?:${HIT}|prefix[\s-]*(?:cache|caching|reuse))\s*(?:rate\s*)?(?:of|at|is|are|=|:|~|around|about|(?:drops?|falls?|goes|rises?|grows?|changes?|increases?|decreases?)\s+to|to)?\s*${NUM}`, 'gi'),
  // "60% of the prompt is cached", "60% of input tokens come from the prefix cache"
  new RegExp(String.raw`\b${NUM}\s+of\s+(?:the\s+)?(?:input|prompt)s?(?:\s+tokens)?\s+(?:is\s+|are\s+)?(?:cached|(?:comes?|served)\s+from\s+(?:the\s+)?(?:prefix\s+|kv\s+)?cache|hits?\s+the\s+(?:prefix\s+)?cache)`, 'gi'),
];
const SHARED = /\b(?:an?\s+)?(\d+(?:\.\d+)?)\s*(k)?(?:[\s-]*tokens?)?[\s-]+shared\s+(?:system\s+)?(?:prompt|prefix|context|document|preamble)\b|\bshared\s+(?:system\s+)?(?:prompt|prefix)\s+of\s+(\d+(?:\.\d+)?)\s*(k)?(?:\s*tokens?)?/gi;
const OFF = /\b(?:no|without|disable|turn\s+off)\s+(?:the\s+)?prefix[\s-]*cach(?:e|ing)\b|\bprefix[\s-]*cach(?:e|ing)\s+(?:is\s+)?(?:off|disabled)\b/gi;

export function extractPrefixCache(scanner: Scanner, out: Extraction): void {
  scanner.each(OFF, (m) => out.add('prefixCacheHitFraction', 0, m[0]));
  for (const pattern of PATTERNS) {
    scanner.each(pattern, (m) => {
      const percent = Number(m[1]);
      if (!(percent >= 0 && percent < 100)) {
        out.problem(m[0], `a prefix-cache hit rate is a share of the input from 0 to below 100 % (got ${formatNumber(percent)} %)`, '75% prefix cache hits', 'prefixCacheHitFraction');
        return;
      }
      out.add('prefixCacheHitFraction', percent / 100, m[0]);
    });
  }
  scanner.each(SHARED, (m) => {
    const value = Number(m[1] ?? m[3]);
    const tokens = (m[2] ?? m[4]) ? value * 1000 : value;
    if (tokens > 0) out.add('sharedPrefixTokens', tokens, m[0]);
  });
}

/** "a 4k shared system prompt" as a share of the input, once the input length is known (said or defaulted). */
export function applySharedPrefix(fields: QueryFields & { sharedPrefixTokens?: number }, out: Extraction): void {
  const shared = fields.sharedPrefixTokens;
  delete fields.sharedPrefixTokens;
  if (shared === undefined || fields.prefixCacheHitFraction !== undefined) return;
  const input = fields.inputTokens;
  if (input === undefined) return;
  if (shared >= input) {
    out.problem(`${formatNumber(shared)}-token shared prompt`, `a ${formatNumber(shared)}-token shared prompt is not shorter than the ${formatNumber(input)}-token input; say the input length including it`, '8k in, a 4k shared system prompt', 'prefixCacheHitFraction');
    return;
  }
  const fraction = shared / input;
  fields.prefixCacheHitFraction = fraction;
  out.assume('prefixCacheHitFraction', Math.round(fraction * 1000) / 1000, `a ${formatNumber(shared)}-token shared prompt of ${formatNumber(input)} input tokens: ${formatNumber(Math.round(fraction * 100))} % of input from the prefix cache once it is warm`);
}
