/**
 * A published row's own serving settings, read from its words at import (framework, precision, scenario,
 * dataset, notes): the speculative decoding it ran and the share of its input served from a shared prefix.
 * The calibration then predicts the row as it ran instead of as a plain run.
 */
import type { SpeculativeSettings } from '../src/engine/catalog/types.ts';
import { DEFAULT_DRAFT_TOKENS } from '../src/engine/performance/speculative-syntax.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function wordsOf(r: Json): string {
  return [r.id, r.framework, r.precision, r.scenario, r.dataset, r.notes].filter((x) => typeof x === 'string').join(' ; ');
}

/** "MTP 3", "MTP-3", "MTP=3", "MTP speculative decoding 3 tokens", "EAGLE3", "EAGLE-3"; "no MTP" and "no DPA/MTP" are not. */
export function speculativeOf(r: Json): SpeculativeSettings | undefined {
  const text = wordsOf(r);
  const withoutDenials = text.replace(/\bno\s+(?:DPA\/)?MTP\b/gi, '').replace(/\bwithout\s+MTP\b/gi, '');
  const acceptance = /~?(\d{2})\s*%\s*(?:draft\s+)?acceptance/i.exec(withoutDenials);
  const acceptanceRate = acceptance ? Number(acceptance[1]) / 100 : undefined;
  const stated = acceptanceRate !== undefined ? { acceptanceRate } : {};
  const mtp = /\bMTP(?:[\s=-]*(\d)\b|\s+speculative decoding\s+(\d)\s+tokens|(\d)\b)?/i.exec(withoutDenials);
  if (mtp) {
    const k = Number(mtp[1] ?? mtp[2] ?? mtp[3] ?? DEFAULT_DRAFT_TOKENS.mtp);
    return { method: 'mtp', draftTokens: k, ...stated };
  }
  const eagle = /\bEAGLE-?3\b(?:[^;]*?(\d)\s+(?:draft|speculative)\s+tokens)?/i.exec(withoutDenials);
  if (eagle) return { method: 'eagle3', draftTokens: Number(eagle[1] ?? DEFAULT_DRAFT_TOKENS.eagle3), ...stated };
  return undefined;
}

/**
 * A shared-prefix dataset ("10 groups x 50 prompts, 2000-token shared system prompt + 1200-token
 * question"): input = prompt + question; the prompt is a cache hit for all but the first request of
 * each group, so hits = prompt / input x (1 - 1 / prompts per group).
 */
export function sharedPrefixOf(r: Json): { inputTokens: number; prefixCacheHitFraction: number } | undefined {
  const text = wordsOf(r);
  const shape = /(\d+)-token shared (?:system )?prompt\s*\+\s*(\d+)-token question/i.exec(text);
  if (!shape) return undefined;
  const prefix = Number(shape[1]);
  const question = Number(shape[2]);
  const groups = /(\d+)\s+groups?\s+x\s+(\d+)\s+prompts/i.exec(text);
  const perGroup = groups ? Number(groups[2]) : Number.POSITIVE_INFINITY;
  return { inputTokens: prefix + question, prefixCacheHitFraction: (prefix / (prefix + question)) * (1 - 1 / perGroup) };
}
