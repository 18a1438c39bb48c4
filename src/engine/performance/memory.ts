import type { Accelerator, Model, Precision, SparseSelection } from '../catalog/types.ts';
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

/**
 * Precision as deployed, three things apart: the bytes weights are stored in, the math the GEMMs run
 * at, and the KV-cache element. On a chip without tensor cores for the weight format (FP4 on Hopper or
 * MI300X, FP8 on A100) the weights stay narrow and are dequantised to BF16 inside each GEMM
 * (weight-only W4A16 / W8A16: Marlin, Machete, gpt-oss's MXFP4 Triton kernels), so memory and weight
 * reads shrink while the math runs at the BF16 rate. Null when the chip runs neither.
 */
export interface DeployedPrecision {
  readonly weights: Precision;
  readonly compute: Precision;
  readonly kvCache: Precision;
  /** Weights narrower than the math: dequantised on the fly (see `dequantSecondsPerGpu`). */
  readonly weightOnly: boolean;
}

export function deployedPrecision(accelerator: Accelerator, precision: Precision): DeployedPrecision | null {
  const kvCache: Precision = precision === 'bf16' ? 'bf16' : 'fp8';
  if (accelerator.denseFlopsPerSecond[precision] !== undefined) return { weights: precision, compute: precision, kvCache, weightOnly: false };
  if (accelerator.denseFlopsPerSecond.bf16 === undefined) return null;
  return { weights: precision, compute: 'bf16', kvCache, weightOnly: true };
}

/** One-line description of a deployed precision for reports: "FP4 weights, BF16 math (weight-only), FP8 KV cache". */
export function describeDeployedPrecision(p: DeployedPrecision): string {
  const up = (x: Precision) => x.toUpperCase();
  return `${up(p.weights)} weights, ${up(p.compute)} math${p.weightOnly ? ' (weight-only: dequantised in each GEMM)' : ''}, ${up(p.kvCache)} KV cache`;
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

/** Cache elements one layer keeps per cached entry: GQA K and V of every KV head; MLA the latent plus the RoPE key. */
function kvElementsPerEntryPerLayer(model: Model): number {
  if (model.attention.kind === 'mla') return model.attention.kvLoraRank + model.attention.qkRopeHeadDim;
  return 2 * model.kvHeads * model.headDim;
}

/** Layers with an uncompressed full-context cache: all but sliding-window, recurrent and compressed layers. */
function plainFullLayers(model: Model): number {
  const v = model.attentionVariants;
  const compressed = (v?.compressed ?? []).reduce((sum, g) => sum + g.layers, 0);
  return model.layers - (model.slidingWindow?.layers ?? 0) - (v?.recurrent?.layers ?? 0) - compressed;
}

/**
 * KV-cache bytes per token of context of the uncompressed full-attention layers, before any
 * tensor-parallel split. GQA: 2 (K and V) x layers x kvHeads x headDim x bytes; MLA: layers x
 * (kvLoraRank + qkRopeHeadDim) x bytes. Sliding-window, compressed and recurrent layers are counted by
 * `kvBytesForContext`.
 */
export function kvBytesPerTokenFullLayers(model: Model, precision: Precision): number {
  return plainFullLayers(model) * kvElementsPerEntryPerLayer(model) * kvBytesPerElement(precision);
}

/**
 * Cache bytes one sequence holds at `contextTokens`, whole model: full layers at one entry per token (plus
 * a sparse indexer's keys), sliding-window layers capped at their window, compressed layers at one entry
 * per `tokensPerEntry` tokens plus their local window, recurrent layers a fixed state.
 */
export function kvBytesForContext(model: Model, precision: Precision, contextTokens: number): number {
  return cacheBytes(model, precision, contextTokens, false);
}

/**
 * Cache bytes one decode step reads for one sequence at `contextTokens`: as `kvBytesForContext`, except
 * that sparse layers read only the entries their indexer selects (plus the indexer's own keys over all).
 */
export function kvBytesReadForContext(model: Model, precision: Precision, contextTokens: number): number {
  return cacheBytes(model, precision, contextTokens, true);
}

function cacheBytes(model: Model, precision: Precision, contextTokens: number, readOnly: boolean): number {
  const entryBytes = kvElementsPerEntryPerLayer(model) * kvBytesPerElement(precision);
  const v = model.attentionVariants;
  const window = model.slidingWindow;
  if (!v) {
    const windowLayers = window?.layers ?? 0;
    return entryBytes * ((model.layers - windowLayers) * contextTokens + (window ? windowLayers * Math.min(contextTokens, window.windowTokens) : 0));
  }
  const sparse = v?.sparse;
  const sparseLayers = Math.min(sparse?.layers ?? 0, plainFullLayers(model));
  const denseLayers = plainFullLayers(model) - sparseLayers;
  const selected = (entries: number, selection: SparseSelection | undefined): number =>
    selection && readOnly ? Math.min(entries, selection.attendedEntries) : entries;
  let bytes = denseLayers * entryBytes * contextTokens;
  if (sparse) bytes += sparseLayers * (entryBytes * selected(contextTokens, sparse) + sparse.indexerBytesPerEntry * contextTokens);
  if (window) bytes += window.layers * entryBytes * Math.min(contextTokens, window.windowTokens);
  for (const group of v?.compressed ?? []) {
    const entries = Math.ceil(contextTokens / group.tokensPerEntry);
    const indexer = group.selection ? group.selection.indexerBytesPerEntry * entries : 0;
    bytes += group.layers * (entryBytes * (selected(entries, group.selection) + Math.min(contextTokens, group.localWindowTokens)) + indexer);
  }
  if (v?.recurrent) bytes += v.recurrent.layers * v.recurrent.stateBytesPerSequencePerLayer;
  return bytes;
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
