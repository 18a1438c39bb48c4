import type { Model, Precision } from '../catalog/types.ts';
import type { Replica } from './replica.ts';

/** Bytes per weight element, block scales included (NVFP4/MXFP4: 4 bits + one 8-bit scale per 16/32). */
export const BYTES_PER_WEIGHT: Readonly<Record<Precision, number>> = { fp4: 0.5625, fp8: 1, bf16: 2 };

/**
 * KV-cache element size: FP8 KV with FP8/FP4 weights (the TensorRT-LLM, vLLM and SGLang defaults in
 * the published low-precision runs), BF16 otherwise.
 */
export function kvBytesPerElement(precision: Precision): number {
  return precision === 'bf16' ? 2 : 1;
}

/** Runtime reserve per GPU (activations, CUDA graphs, NCCL): AIConfigurator ~3.5 GiB + NCCL ~0.4 GiB. */
export const RUNTIME_RESERVE_BYTES_PER_GPU = 3.9 * 2 ** 30;
/** Fraction of device memory engines let themselves use (vLLM gpu_memory_utilization 0.9). */
export const USABLE_MEMORY_FRACTION = 0.9;

/**
 * Weight bytes of the whole model at a precision. Embedding/unembedding and, for FP4, attention stay
 * at 8 bits or more in the published FP4 checkpoints (gpt-oss MXFP4 quantizes experts only).
 */
export function weightBytes(model: Model, precision: Precision): number {
  const embeddingParams = 2 * model.vocabSize * model.hiddenSize;
  const expertParams = model.moe ? model.moe.expertsTotal * model.moe.moeLayers * model.moe.paramsPerExpertPerLayer : 0;
  const otherParams = Math.max(0, model.totalParams - embeddingParams - expertParams);
  const bulkBytes = model.moe ? expertBytesPerWeight(model, precision) : BYTES_PER_WEIGHT[precision];
  const otherBytes = precision === 'fp4' && model.moe ? BYTES_PER_WEIGHT.fp8 : bulkBytes;
  return embeddingParams * 2 + expertWeightBytes(model, precision) + otherParams * otherBytes;
}

/** Bytes per routed-expert weight: experts released in FP4 (gpt-oss MXFP4) stay FP4 on every chip; Hopper and MI300X run them W4A16. */
export function expertBytesPerWeight(model: Model, precision: Precision): number {
  return model.releasedPrecision === 'fp4' ? BYTES_PER_WEIGHT.fp4 : BYTES_PER_WEIGHT[precision];
}

/** Weight bytes of all routed experts of the model (0 for a dense model). */
export function expertWeightBytes(model: Model, precision: Precision): number {
  const moe = model.moe;
  if (!moe) return 0;
  return moe.expertsTotal * moe.moeLayers * moe.paramsPerExpertPerLayer * expertBytesPerWeight(model, precision);
}

/**
 * Weight bytes each GPU holds. Tensor parallel: 1/(TP x PP) of everything. DEP: every rank keeps its
 * own copy of its stage's attention, dense and embedding weights and E/N whole routed experts.
 */
export function weightBytesPerGpu(replica: Replica): number {
  const { model, precision, tensorParallel, pipelineParallel } = replica;
  const all = weightBytes(model, precision);
  if (!replica.attentionDataParallel) return all / (tensorParallel * pipelineParallel);
  const experts = expertWeightBytes(model, precision);
  return (all - experts + experts / tensorParallel) / pipelineParallel;
}

/**
 * KV-cache bytes per token of context for the whole model, before any tensor-parallel split.
 * GQA: 2 (K and V) x layers x kvHeads x headDim x bytes; MLA: layers x (kvLoraRank + qkRopeHeadDim) x bytes.
 * Sliding-window layers are counted separately by `kvBytesForContext`.
 */
export function kvBytesPerTokenFullLayers(model: Model, precision: Precision): number {
  const bytes = kvBytesPerElement(precision);
  const fullLayers = model.layers - (model.slidingWindow?.layers ?? 0);
  if (model.attention.kind === 'mla') {
    return fullLayers * (model.attention.kvLoraRank + model.attention.qkRopeHeadDim) * bytes;
  }
  return 2 * fullLayers * model.kvHeads * model.headDim * bytes;
}

/** KV bytes one sequence holds at `contextTokens`, sliding-window layers capped at their window. */
export function kvBytesForContext(model: Model, precision: Precision, contextTokens: number): number {
  const full = kvBytesPerTokenFullLayers(model, precision) * contextTokens;
  const window = model.slidingWindow;
  if (!window || model.attention.kind === 'mla') return full;
  const perLayerPerToken = 2 * model.kvHeads * model.headDim * kvBytesPerElement(precision);
  return full + window.layers * perLayerPerToken * Math.min(contextTokens, window.windowTokens);
}

/**
 * Share of the replica's KV cache each GPU holds with `tensorParallel` ranks: GQA splits KV heads
 * (replicated when heads < TP). Under DEP, and for MLA models (always served with data-parallel
 * attention), each rank keeps the cache of its own sequences only: 1/TP of the total.
 */
export function kvShardFraction(model: Model, tensorParallel: number, attentionDataParallel = false): number {
  if (attentionDataParallel || model.attention.kind === 'mla') return 1 / tensorParallel;
  return Math.ceil(model.kvHeads / tensorParallel) / model.kvHeads;
}
