/**
 * The workload's serving options, checked and stated once for every door: speculative decoding (its
 * method, draft length and acceptance, the published default named when none was said) and prefix
 * caching (the hit rate and the routing it assumes).
 */
import type { Catalog, SpeculativeSettings } from '../engine/catalog/types.ts';
import { resolveSpeculative } from '../engine/performance/speculative-settings.ts';
import { ACCEPTANCE_RATE_BOUND, outOfBound } from './bounds.ts';
import type { DraftFields } from './workload-draft.ts';

interface ProblemSink {
  add(field: 'speculative', fragment: string, message: string, example: string | number): void;
}

/** The draft's speculative decoding resolved against the catalog, or undefined (not said, 'off', or refused with a problem). */
export function speculativeOf(f: DraftFields, catalog: Catalog, problems: ProblemSink): { settings: SpeculativeSettings; text: string } | undefined {
  const said = f.speculative;
  if (said === undefined || said === 'off') return undefined;
  if (!Number.isInteger(said.draftTokens) || said.draftTokens < 1 || said.draftTokens > 8) {
    problems.add('speculative', String(said.draftTokens), 'draft tokens per step must be a whole number from 1 to 8', 'eagle3:3');
    return undefined;
  }
  if (said.acceptanceRate !== undefined) {
    const wrong = outOfBound(said.acceptanceRate, ACCEPTANCE_RATE_BOUND);
    if (wrong) {
      problems.add('speculative', String(said.acceptanceRate), wrong, 'eagle3:3 at 0.7 acceptance');
      return undefined;
    }
  }
  const settings: SpeculativeSettings = { method: said.method, draftTokens: said.draftTokens, ...(said.acceptanceRate !== undefined ? { acceptanceRate: said.acceptanceRate } : {}), ...(said.draftModelId ? { draftModelId: said.draftModelId } : {}) };
  const resolution = resolveSpeculative(settings, catalog);
  if (!resolution.ok) {
    problems.add('speculative', said.draftModelId ?? said.method, resolution.message, 'eagle3:3');
    return undefined;
  }
  const decoding = resolution.resolved.decoding;
  // The request carries the acceptance the engine runs with (the default filled in; the assumption says whose).
  return { settings: { ...settings, acceptanceRate: decoding.acceptanceRate, ...(decoding.draftModel ? { draftModelId: decoding.draftModel.id } : {}) }, text: resolution.resolved.text };
}

/**
 * Why a prefix-cache hit rate means what it does: cached tokens skip prefill compute (TTFT, prefill GPU
 * time, the prefill pool of disaggregated serving) but still sit in the KV cache and are read by every
 * decode step; and the rate holds on every replica only when requests sharing a prefix reach the same one.
 */
export function prefixCacheReason(fraction: number): string {
  const percent = Math.round(fraction * 100);
  return `${percent} % of input tokens are served from the prefix cache: they skip prefill compute (TTFT, prefill GPU-time and cost) but still occupy the KV cache, counted in full per sequence (shared blocks would fit more); assumes prefix-affinity routing (requests sharing a prefix reach a replica that holds it), so the rate holds on every replica; round-robin routing over N replicas warms each prefix N times and hits less until every replica holds it`;
}
