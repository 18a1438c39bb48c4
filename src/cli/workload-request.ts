/**
 * The workload a command is about, from either a question in words (positionals) or the advice flags:
 * the request plus what the question did not say (as assumptions), or the problems to print.
 */
import type { AdviceRequest, Assumption } from '../engine/advice-types.ts';
import type { Catalog } from '../engine/catalog/types.ts';
import type { Problem } from '../query/index.ts';
import { type AdviceValues, hasWorkloadFlags, requestFromFlags } from './advice-flags.ts';
import { UsageError } from './args.ts';
import { requestFromQuestion } from './question.ts';

export type WorkloadRequest =
  | { readonly ok: true; readonly request: AdviceRequest; readonly stated: readonly Assumption[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** Throws UsageError for flags that contradict each other; problems in a question come back as data. */
export function workloadRequest(values: AdviceValues, positionals: readonly string[], catalog: Catalog, asOfDate?: string): WorkloadRequest {
  if (positionals.length > 0 && !hasWorkloadFlags(values)) {
    const asked = requestFromQuestion(positionals.join(' '), catalog, asOfDate);
    return asked.ok ? { ok: true, request: asked.request, stated: asked.assumptions } : { ok: false, problems: asked.problems };
  }
  if (positionals.length > 0) throw new UsageError(`give either a question in words or --model flags, not both (got "${positionals.join(' ')}")`);
  // Without a question, the flags must describe the workload; requestFromFlags names what is missing.
  return { ok: true, request: requestFromFlags(values, catalog), stated: [] };
}
