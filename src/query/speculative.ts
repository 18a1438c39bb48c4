/**
 * Speculative decoding in words: "with speculative decoding", "eagle3 with 3 draft tokens at 60%
 * acceptance", "MTP-3", "a llama-3.2-1b draft model with 4 draft tokens", "acceptance rate 0.7", and
 * "turn speculative decoding off" / "without speculative decoding" ('off'). Parts said apart in one
 * message are combined into one setting; a method not named is EAGLE-3 (stated as an assumption).
 */
import type { Extraction } from './extraction.ts';
import { formatNumber } from './numbers.ts';
import type { Scanner } from './scanner.ts';
import { DEFAULT_DRAFT_TOKENS, MAX_DRAFT_TOKENS } from '../engine/performance/speculative-syntax.ts';
import type { SpeculativeMethod } from '../engine/catalog/types.ts';

const SPEC = String.raw`spec(?:ulative)?[\s-]*(?:decod(?:e|ing)|sampling)`;
const OFF = new RegExp(String.raw`\b(?:(?:turn|switch)(?:ing)?\s+(?:off\s+)?${SPEC}(?:\s+off)?|(?:no|without|disable|disabling|drop|remove)\s+(?:the\s+)?${SPEC}|${SPEC}\s+(?:is\s+)?(?:off|disabled))\b`, 'gi');
const METHOD = new RegExp(String.raw`\b(?:(mtp|nextn|multi[\s-]*token[\s-]*prediction)(?:[\s-]*(\d))?|(eagle[\s-]*3|eagle)(?::(\d))?|([a-z][\w.-]*\d[\w.-]*)\s+(?:as\s+(?:the\s+|a\s+)?)?draft(?:\s+model)?|draft\s+model\s+([a-z][\w.-]*\d[\w.-]*)|(draft\s+model)|(${SPEC}))\b`, 'gi');
const DRAFT_TOKENS = /\b(\d+)\s+(?:draft(?:ed)?|speculative|speculated|lookahead)\s+tokens?\b|\bk\s*=\s*(\d+)\b|\bdraft\s+(?:length|tokens?)\s+(?:of\s+)?(\d+)\b/gi;
const ACCEPTANCE = /\b(?:at\s+)?(\d+(?:\.\d+)?)\s*%\s+(?:draft(?:[\s-]*token)?\s+)?accept(?:ance|ed)(?:\s+rate)?\b|\bacceptance(?:\s+rate)?\s*(?:of|at|is|=|:|~|around|about)?\s*(\d+(?:\.\d+)?)\s*(%)?/gi;

interface Parts {
  method?: SpeculativeMethod;
  draftTokens?: number;
  acceptanceRate?: number;
  draftModelId?: string;
  fragments: string[];
}

function readMethod(m: RegExpExecArray, parts: Parts): void {
  if (m[1]) {
    parts.method = 'mtp';
    if (m[2]) parts.draftTokens = Number(m[2]);
  } else if (m[3]) {
    parts.method = 'eagle3';
    if (m[4]) parts.draftTokens = Number(m[4]);
  } else if (m[5] || m[6] || m[7]) {
    parts.method = 'draft';
    if (m[5] ?? m[6]) parts.draftModelId = (m[5] ?? m[6])!.toLowerCase();
  }
  parts.fragments.push(m[0]);
}

export function extractSpeculative(scanner: Scanner, out: Extraction): void {
  let off: string | undefined;
  scanner.each(OFF, (m) => {
    off = m[0];
  });
  const parts: Parts = { fragments: [] };
  scanner.each(METHOD, (m) => readMethod(m, parts));
  scanner.each(DRAFT_TOKENS, (m) => {
    parts.draftTokens = Number(m[1] ?? m[2] ?? m[3]);
    parts.fragments.push(m[0]);
  });
  scanner.each(ACCEPTANCE, (m) => {
    const raw = Number(m[1] ?? m[2]);
    const rate = m[1] !== undefined || m[3] !== undefined || raw > 1 ? raw / 100 : raw;
    parts.acceptanceRate = rate;
    parts.fragments.push(m[0]);
  });
  if (off !== undefined) {
    out.add('speculative', 'off', off);
    return;
  }
  if (parts.fragments.length === 0) return;
  const fragment = parts.fragments.join(', ');
  if (parts.acceptanceRate !== undefined && !(parts.acceptanceRate > 0 && parts.acceptanceRate < 1)) {
    out.problem(fragment, `an acceptance rate is the share of drafted tokens accepted, above 0 and below 100 % (got ${formatNumber(parts.acceptanceRate * 100)} %)`, 'eagle3 with 3 draft tokens at 70% acceptance', 'speculative');
    return;
  }
  const method = parts.method ?? 'eagle3';
  const draftTokens = parts.draftTokens ?? DEFAULT_DRAFT_TOKENS[method];
  if (!Number.isInteger(draftTokens) || draftTokens < 1 || draftTokens > MAX_DRAFT_TOKENS) {
    out.problem(fragment, `draft tokens per step must be a whole number from 1 to ${MAX_DRAFT_TOKENS} (got ${formatNumber(draftTokens)})`, 'eagle3 with 3 draft tokens', 'speculative');
    return;
  }
  if (method === 'draft' && parts.draftModelId === undefined) {
    out.problem(fragment, 'which draft model? name it', 'llama-3.1-8b as draft model with 4 draft tokens', 'speculative');
    return;
  }
  if (parts.method === undefined) out.assume('speculative', 'eagle3', 'speculative decoding without a method; read as an EAGLE-3 draft head (the most widely supported; say "MTP" or "draft model X" for another)');
  if (parts.draftTokens === undefined) out.assume('speculativeDraftTokens', draftTokens, `draft length not stated; ${draftTokens} tokens per step, the common default for ${method === 'mtp' ? 'MTP' : method === 'eagle3' ? 'EAGLE-3' : 'a draft model'}`);
  out.add('speculative', { method, draftTokens, ...(parts.acceptanceRate !== undefined ? { acceptanceRate: parts.acceptanceRate } : {}), ...(parts.draftModelId ? { draftModelId: parts.draftModelId } : {}) }, fragment);
}
