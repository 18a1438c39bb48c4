import type { Accelerator, Model, Precision, ServingEngine } from '../catalog/types.ts';
import type { Efficiencies } from './efficiency.ts';
import type { SpeculativeDecoding } from './speculative.ts';

/** One serving instance: the GPUs that hold one copy of the weights and serve a shared batch. */
export interface Replica {
  readonly model: Model;
  readonly accelerator: Accelerator;
  readonly precision: Precision;
  readonly engine: ServingEngine;
  /** Tensor (and, for MoE, expert) parallel ranks inside the scale-up domain. */
  readonly tensorParallel: number;
  /** Pipeline stages (across nodes when the model needs more GPUs than one scale-up domain). */
  readonly pipelineParallel: number;
  readonly efficiencies: Efficiencies;
  /** Multiplier on achieved compute and bandwidth for the serving engine (1 = TensorRT-LLM). */
  readonly engineMultiplier: number;
  /**
   * DEP layout (TensorRT-LLM "DEPn": attention data parallel + expert parallel): each of the N ranks keeps
   * the attention and dense weights and runs those layers for its own B/N sequences; routed experts are
   * spread whole, E/N per rank, and tokens reach them by all-to-all instead of tensor-parallel all-reduces.
   */
  readonly attentionDataParallel?: boolean;
  /**
   * Routed experts split column-wise across the tensor-parallel ranks (TensorRT-LLM moe_tp, the default
   * of TensorRT-LLM, vLLM and SGLang when no expert parallelism is asked for) instead of whole experts
   * per rank (EP): each rank's expert GEMMs are 1/TP as wide, so they fill fewer tiles and waves.
   */
  readonly expertsSplitByTensorParallel?: boolean;
  /** A configured scheduler limit on sequences in flight (max-num-seqs), below the engine default. */
  readonly maxBatchCap?: number;
  /** Tokens one step may hold with chunked prefill (vLLM max-num-batched-tokens): decode and prefill share it. */
  readonly tokenBudgetPerStep?: number;
  /** Steps per scheduler iteration (vLLM num-scheduler-steps); prompts join only its first step. */
  readonly schedulerStepsPerIteration?: number;
  /** How the scheduler admits prompts (`SCHEDULER_BY_ENGINE` when unset): prefill-first keeps closed-loop clients in waves. */
  readonly scheduler?: 'prefill-first' | 'mixed';
  /** Speculative decoding (speculative.ts): each decode step verifies k drafted tokens per sequence. */
  readonly speculative?: SpeculativeDecoding;
}

export function gpusPerReplica(replica: Replica): number {
  return replica.tensorParallel * replica.pipelineParallel;
}

/**
 * Dense FLOP/s the replica's GEMMs run at: the precision's peak, or BF16 where the chip has no tensor
 * cores for it and runs the weights weight-only (see `deployedPrecision`).
 */
export function peakFlopsPerSecond(accelerator: Accelerator, precision: Precision): number | null {
  // Same rule as deployedPrecision, without building the object: this runs in every step-time evaluation.
  return accelerator.denseFlopsPerSecond[precision] ?? accelerator.denseFlopsPerSecond.bf16 ?? null;
}
