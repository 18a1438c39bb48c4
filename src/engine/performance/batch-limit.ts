import { MAX_BATCH_BY_ENGINE } from './efficiency.ts';
import { RUNTIME_RESERVE_BYTES_PER_GPU, USABLE_MEMORY_FRACTION, kvBytesForContext, kvShardFraction, weightBytesPerGpu } from './memory.ts';
import type { Replica } from './replica.ts';
import { draftKvBytesPerSequencePerGpu, draftWeightBytesPerGpu } from './speculative.ts';

export interface MemoryFit {
  /** Weight bytes per GPU. */
  readonly weightBytesPerGpu: number;
  /** Bytes per GPU left for KV cache after weights and the runtime reserve (negative: does not fit). */
  readonly kvBudgetBytesPerGpu: number;
  /** KV bytes per GPU one sequence needs at its full length. */
  readonly kvBytesPerSequencePerGpu: number;
  /** Sequences that fit in memory at once, capped by the engine's scheduler limit; 0 = the model does not fit. */
  readonly maxBatch: number;
}

/**
 * Memory fit of a replica for sequences of `contextTokens` (input + output): weights/(TP x PP) plus KV of
 * every live sequence plus ~3.9 GiB runtime reserve must stay under 90 % of device memory
 * (AIConfigurator's reserve, vLLM's gpu_memory_utilization default).
 */
export function memoryFit(replica: Replica, contextTokens: number): MemoryFit {
  // A speculative draft (head or model) is held next to the target, with its own KV cache.
  const weightsPerGpu = weightBytesPerGpu(replica) + draftWeightBytesPerGpu(replica);
  const memory = replica.accelerator.memoryBytes;
  // TensorRT-LLM gives the KV cache 90 % of the memory left after weights and activations
  // (kv_cache_free_gpu_mem_fraction); vLLM and SGLang cap everything at 90 % of the device
  // (gpu_memory_utilization, mem_fraction_static), weights included.
  const kvBudgetBytesPerGpu =
    replica.engine === 'trtllm'
      ? USABLE_MEMORY_FRACTION * (memory - RUNTIME_RESERVE_BYTES_PER_GPU - weightsPerGpu)
      : memory * USABLE_MEMORY_FRACTION - RUNTIME_RESERVE_BYTES_PER_GPU - weightsPerGpu;
  const kvBytesPerSequencePerGpu =
    (kvBytesForContext(replica.model, replica.precision, contextTokens) * kvShardFraction(replica.model, replica.tensorParallel, replica.attentionDataParallel)) /
    replica.pipelineParallel +
    draftKvBytesPerSequencePerGpu(replica, contextTokens);
  const byMemory = kvBudgetBytesPerGpu > 0 ? Math.floor(kvBudgetBytesPerGpu / kvBytesPerSequencePerGpu) : 0;
  // The engine's limit holds for the whole replica, data-parallel attention ranks included: multiplying it
  // by the ranks let DEP and MLA replicas batch 8x what TensorRT-LLM's perf-overview runs show
  // (cross-validated saturated p90 34.2 % with the replica-wide limit vs 35.0 % per rank, before DEP).
  const schedulerLimit = replica.maxBatchCap ?? MAX_BATCH_BY_ENGINE[replica.engine];
  const maxBatch = Math.max(0, Math.min(byMemory, schedulerLimit));
  return { weightBytesPerGpu: weightsPerGpu, kvBudgetBytesPerGpu, kvBytesPerSequencePerGpu, maxBatch };
}
