/**
 * The written form of a speculative-decoding setting, shared by the CLI flag and stored settings:
 * `mtp:3`, `eagle3:3`, `draft:llama-3.2-1b:4`, or a bare method (its default draft length).
 */
import type { SpeculativeMethod, SpeculativeSettings } from '../catalog/types.ts';

const METHOD_WORDS: Readonly<Record<string, SpeculativeMethod>> = { mtp: 'mtp', nextn: 'mtp', eagle3: 'eagle3', 'eagle-3': 'eagle3', eagle: 'eagle3', draft: 'draft' };

/** Default draft lengths when only the method is said (the common engine defaults: MTP-3, EAGLE-3 with 3, a draft model with 4). */
export const DEFAULT_DRAFT_TOKENS: Readonly<Record<SpeculativeMethod, number>> = { mtp: 3, eagle3: 3, draft: 4 };

/** Longest draft modelled: beyond 8 tokens a chain's last positions are almost never accepted. */
export const MAX_DRAFT_TOKENS = 8;

export type SpeculativeParse = { readonly ok: true; readonly settings: SpeculativeSettings } | { readonly ok: false; readonly message: string };

export function parseSpeculativeSetting(raw: string): SpeculativeParse {
  const parts = raw.trim().toLowerCase().split(':');
  const method = METHOD_WORDS[parts[0] ?? ''];
  const example = 'mtp:3, eagle3:3 or draft:llama-3.2-1b:4';
  if (!method) return { ok: false, message: `unknown speculative method "${parts[0] ?? ''}"; write METHOD:DRAFT_TOKENS, e.g. ${example}` };
  const rest = parts.slice(1);
  const draftModelId = method === 'draft' ? rest.shift() : undefined;
  if (method === 'draft' && !draftModelId) return { ok: false, message: `a draft model needs its name: draft:MODEL:DRAFT_TOKENS, e.g. draft:llama-3.2-1b:4` };
  if (rest.length > 1) return { ok: false, message: `"${raw}" has too many parts; e.g. ${example}` };
  const tokensText = rest[0];
  const draftTokens = tokensText === undefined || tokensText === '' ? DEFAULT_DRAFT_TOKENS[method] : Number(tokensText);
  if (!Number.isInteger(draftTokens) || draftTokens < 1 || draftTokens > MAX_DRAFT_TOKENS) {
    return { ok: false, message: `draft tokens must be a whole number from 1 to ${MAX_DRAFT_TOKENS} (got "${tokensText}"); e.g. ${example}` };
  }
  return { ok: true, settings: { method, draftTokens, ...(draftModelId ? { draftModelId } : {}) } };
}

/** The written form of settings (round-trips through parseSpeculativeSetting). */
export function speculativeSettingText(s: SpeculativeSettings): string {
  return s.method === 'draft' ? `draft:${s.draftModelId ?? ''}:${s.draftTokens}` : `${s.method}:${s.draftTokens}`;
}
