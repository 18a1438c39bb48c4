/** A built workload: the engine's request, every assumption it rests on, and the draft it came from. */
import type { AdviceRequest, Assumption } from '../engine/advice-types.ts';
import type { WorkloadDraft } from './workload-draft.ts';

export interface WorkloadProblem {
  /** The draft field the problem is about ('' for the whole workload). */
  readonly field: string;
  /** The words or value that could not be used ('' when something is missing). */
  readonly fragment: string;
  readonly message: string;
  /** An example that works, in the door's own syntax. */
  readonly example: string;
}

export interface Workload {
  readonly request: AdviceRequest;
  /** Defaults filled in and what the door inferred, each with its reason; the latency default first. */
  readonly assumptions: readonly Assumption[];
  /** What was said: stored for follow-ups, re-built each time it is read back. */
  readonly draft: WorkloadDraft;
}

export type WorkloadResult = { readonly ok: true; readonly workload: Workload } | { readonly ok: false; readonly problems: readonly WorkloadProblem[] };
