/**
 * Every sensible way to serve the model on one platform: aggregated replicas of each size that fits
 * (smallest fit and up to three doublings, the layouts public engines ship), and disaggregated prefill
 * + decode pools (decode at each size, prefill at the size serving most requests/s per GPU within the SLO). Each comes with its per-worker
 * capacity at the SLO, computed once; the fleet simulation then only does arithmetic.
 */
import { memoryFit } from '../performance/batch-limit.ts';
import { buildReplica, candidateReplicaSizes, type ReplicaSpec } from '../performance/parallelism.ts';
import type { Replica } from '../performance/replica.ts';
import { aggregatedConfiguration } from './aggregated-pool.ts';
import { disaggregatedConfiguration } from './disaggregated-pool.ts';
import type { Configuration } from './types.ts';
import type { ConfigurationInputs } from './configuration-inputs.ts';

export type { ConfigurationInputs } from './configuration-inputs.ts';

/** Largest replica tokcost considers: one NVL72 rack. */
export const MAX_REPLICA_GPUS = 72;
/** Sizes tried above the smallest that fits: x1, x2, x4, x8. */
const DOUBLINGS = 3;

export type ConfigurationResult =
  | { readonly ok: true; readonly configurations: readonly Configuration[] }
  | { readonly ok: false; readonly reason: string };

/** Replica sizes (GPUs) that hold the weights and at least one sequence, smallest first. */
export function fittingSizes(spec: ReplicaSpec, contextTokens: number): number[] {
  const fits = candidateReplicaSizes(MAX_REPLICA_GPUS).filter((n) => memoryFit(buildReplica(spec, n), contextTokens).maxBatch >= 1);
  const smallest = fits[0];
  return smallest === undefined ? [] : fits.filter((n) => n <= smallest * 2 ** DOUBLINGS);
}

/** Aggregated and disaggregated configurations on one platform, or why there are none. */
export function configurationsFor(inputs: ConfigurationInputs): ConfigurationResult {
  const { spec, lengths } = inputs;
  const sizes = fittingSizes(spec, lengths.inputTokens + lengths.outputTokens);
  if (sizes.length === 0) return { ok: false, reason: `${spec.model.name} at ${spec.precision.toUpperCase()} does not fit in ${MAX_REPLICA_GPUS} x ${spec.accelerator.name}` };
  const replicas: Replica[] = sizes.map((n) => buildReplica(spec, n));
  const out: Configuration[] = [];
  for (const replica of replicas) {
    const aggregated = aggregatedConfiguration(replica, inputs);
    if (aggregated) out.push(aggregated);
    const disaggregated = disaggregatedConfiguration(replicas, replica, inputs);
    if (disaggregated) out.push(disaggregated);
  }
  if (out.length === 0) return { ok: false, reason: sloUnreachableReason(inputs) };
  return { ok: true, configurations: out };
}

function sloUnreachableReason(inputs: ConfigurationInputs): string {
  const parts: string[] = [];
  if (inputs.latency.tpotMs !== undefined) parts.push(`TPOT ${inputs.latency.tpotMs} ms`);
  if (inputs.latency.ttftMs !== undefined) parts.push(`p${inputs.latency.ttftPercentile ?? 95} TTFT ${inputs.latency.ttftMs} ms`);
  return `no replica size meets ${parts.join(' and ') || 'the targets'} on ${inputs.spec.accelerator.name} even at batch 1 on an idle replica`;
}
