import type { SpeculativeDecoding } from './speculative.ts';
import type { Accelerator, Model, Precision, ServingEngine } from '../catalog/types.ts';
import { memoryFit } from './batch-limit.ts';
import type { Efficiencies } from './efficiency.ts';
import { tensorParallelDomain } from './interconnect.ts';
import type { Replica } from './replica.ts';

export interface Parallelism {
  readonly tensorParallel: number;
  readonly pipelineParallel: number;
}

/**
 * Split `gpusPerReplica` GPUs into tensor parallelism inside the scale-up domain (power of two, at most
 * the domain size) and pipeline stages across domains, the layout TensorRT-LLM, vLLM and SGLang use.
 * Tensor parallel never leaves the domain here: on one-GPU nodes (GH200) a replica is all pipeline stages.
 */
export function layoutFor(accelerator: Accelerator, gpusPerReplica: number): Parallelism {
  const domain = tensorParallelDomain(accelerator);
  let tensorParallel = 1;
  while (tensorParallel * 2 <= Math.min(domain, gpusPerReplica) && gpusPerReplica % (tensorParallel * 2) === 0) {
    tensorParallel *= 2;
  }
  return { tensorParallel, pipelineParallel: gpusPerReplica / tensorParallel };
}

export interface ReplicaSpec {
  readonly model: Model;
  readonly accelerator: Accelerator;
  readonly precision: Precision;
  readonly engine: ServingEngine;
  readonly efficiencies: Efficiencies;
  readonly engineMultiplier: number;
  /** Speculative decoding, carried into every replica built from this spec. */
  readonly speculative?: SpeculativeDecoding;
}

/**
 * The replica the advisor deploys for `gpusPerReplica` GPUs: `layoutFor`'s split, with an MoE model's
 * experts whole on each rank (expert parallel, TPnEPn), the setting the engines document for MoE serving.
 * A stated `TPn` without EP (the engines' bare default) splits each expert instead (`estimate.ts`).
 */
export function buildReplica(spec: ReplicaSpec, gpusPerReplica: number): Replica {
  return { ...spec, ...layoutFor(spec.accelerator, gpusPerReplica) };
}

/** Replica sizes worth considering: 1, 2, 4, 8 ... up to `maxGpus`. */
export function candidateReplicaSizes(maxGpus: number): number[] {
  const sizes: number[] = [];
  for (let n = 1; n <= maxGpus; n *= 2) sizes.push(n);
  if (maxGpus >= 72 && !sizes.includes(72)) sizes.push(72);
  return sizes;
}

/**
 * Smallest replica (GPUs) that holds the weights and at least `minimumBatch` sequences of `contextTokens`;
 * null when not even `maxGpus` suffice.
 */
export function smallestReplicaThatFits(spec: ReplicaSpec, contextTokens: number, maxGpus: number, minimumBatch = 8): number | null {
  for (const size of candidateReplicaSizes(maxGpus)) {
    if (memoryFit(buildReplica(spec, size), contextTokens).maxBatch >= minimumBatch) return size;
  }
  return null;
}
