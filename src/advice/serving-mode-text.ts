/**
 * The serving options of a request in a few words, for the serving-mode line of every answer (CLI card,
 * Slack card, fallback text): speculative decoding when used, prefix caching on the input.
 */
import type { AdviceRequest } from '../engine/advice-types.ts';
import { SPECULATIVE_METHOD_NAMES } from '../engine/performance/speculative-settings.ts';

/** " + EAGLE-3 speculative decoding (3 draft tokens, 60 % acceptance)", or '' without it. */
export function speculativeModeText(request: AdviceRequest): string {
  const s = request.speculative;
  if (!s) return '';
  const method = s.method === 'draft' ? `draft-model (${s.draftModelId ?? 'draft'})` : SPECULATIVE_METHOD_NAMES[s.method];
  const acceptance = s.acceptanceRate !== undefined ? `, ${Math.round(s.acceptanceRate * 100)} % acceptance` : '';
  return ` + ${method} speculative decoding (${s.draftTokens} draft tokens${acceptance})`;
}

/** " (75 % from the prefix cache)" after the input length, or ''. */
export function prefixCacheText(request: AdviceRequest): string {
  const f = request.prefixCacheHitFraction;
  return f !== undefined && f > 0 ? ` (${Math.round(f * 100)} % from the prefix cache)` : '';
}
