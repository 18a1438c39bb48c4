import type { Model, Precision } from '../catalog/types.ts';
import { DECODE_GEMM_HALF_EFFICIENCY_ROWS, PIPELINE_HOST_SECONDS_PER_MICRO_BATCH, STEP_OVERHEAD_SECONDS_PER_MOE_LAYER, MOE_HALF_EFFICIENCY_PARAMS, MOE_HALF_EFFICIENCY_ROWS, MOE_MIN_TILE_ROWS, PREFILL_CHUNK_TOKENS, STEP_OVERHEAD_SECONDS_PER_LAYER } from './efficiency.ts';
import { collectiveLink, scaleOutPipelineHops, scaleOutSendLink } from './interconnect.ts';
import { BYTES_PER_WEIGHT, expertBytesPerWeight, expertWeightBytes, kvBytesReadForContext, kvShardFraction, weightBytes } from './memory.ts';
import { type Replica, gpusPerReplica, peakFlopsPerSecond } from './replica.ts';
import { speculativeSecondsPerToken } from './speculative.ts';

/** Expected distinct routed experts per MoE layer when `tokens` tokens each pick k of E: E(1 - (1 - k/E)^tokens). */
export function expertsTouched(expertsTotal: number, expertsActive: number, tokens: number): number {
  return expertsTotal * (1 - (1 - expertsActive / expertsTotal) ** Math.max(1, tokens));
}

/** Weight bytes one forward pass over `tokens` tokens reads from the whole replica's memory. */
export function weightBytesRead(replica: Replica, tokens: number): number {
  const { model, precision } = replica;
  // A VL model's vision tower is held in memory but text decode never reads it.
  const all = weightBytes(model, precision) - (model.visionTower ? model.visionTower.params * BYTES_PER_WEIGHT[model.moe && precision === 'fp4' ? 'fp8' : precision] : 0);
  const moe = model.moe;
  if (!moe) return all;
  const perExpertBytes = moe.paramsPerExpertPerLayer * expertBytesPerWeight(model, precision);
  const allExperts = moe.expertsTotal * moe.moeLayers * perExpertBytes;
  const touched = expertsTouched(moe.expertsTotal, moe.expertsActive, tokens) * moe.moeLayers * perExpertBytes;
  return all - allExperts + touched;
}

/**
 * Weight bytes one GPU reads in one forward pass of its pipeline stage over the replica's `tokens` tokens.
 * Tensor parallel: 1/TP of what the replica reads. DEP: each rank reads its own full copy of the
 * attention and dense weights, and its share of the experts the global batch touches.
 */
export function weightBytesReadPerGpu(replica: Replica, tokens: number): number {
  const { model, precision, tensorParallel, pipelineParallel } = replica;
  const read = weightBytesRead(replica, tokens);
  if (!replica.attentionDataParallel) return read / tensorParallel / pipelineParallel;
  const nonExpert = weightBytes(model, precision) - expertWeightBytes(model, precision);
  return (nonExpert + (read - nonExpert) / tensorParallel) / pipelineParallel;
}

/**
 * Attention FLOPs for one new token attending over `contextTokens`: QK^T and PV, 4 x heads x dim per
 * attended entry per layer. Sliding-window layers attend within their window; sparse layers to the
 * entries their indexer selects, plus the indexer's scores over every entry (2 x heads x dim each);
 * compressed layers to their compressed entries and local window; recurrent layers update a fixed
 * state (about 1 FLOP per state byte: read, decay, rank-1 update, query over FP32 elements).
 */
export function attentionFlopsPerToken(model: Model, contextTokens: number): number {
  const dim = model.attention.kind === 'mla' ? model.attention.kvLoraRank + model.attention.qkRopeHeadDim : model.headDim;
  const perEntry = 4 * model.attentionHeads * dim;
  const v = model.attentionVariants;
  const windowed = model.slidingWindow;
  if (!v) {
    const windowLayers = windowed?.layers ?? 0;
    return perEntry * ((model.layers - windowLayers) * contextTokens + (windowed ? windowLayers * Math.min(contextTokens, windowed.windowTokens) : 0));
  }
  const compressedLayers = (v?.compressed ?? []).reduce((sum, g) => sum + g.layers, 0);
  const fullLayers = model.layers - (windowed?.layers ?? 0) - (v?.recurrent?.layers ?? 0) - compressedLayers;
  const sparseLayers = Math.min(v?.sparse?.layers ?? 0, fullLayers);
  let flops = perEntry * (fullLayers - sparseLayers) * contextTokens;
  if (windowed) flops += perEntry * windowed.layers * Math.min(contextTokens, windowed.windowTokens);
  if (v?.sparse) {
    const s = v.sparse;
    flops += sparseLayers * (perEntry * Math.min(contextTokens, s.attendedEntries) + 2 * s.indexerHeads * s.indexerHeadDim * contextTokens);
  }
  for (const group of v?.compressed ?? []) {
    const entries = Math.ceil(contextTokens / group.tokensPerEntry);
    const selection = group.selection;
    const attended = selection ? Math.min(entries, selection.attendedEntries) : entries;
    const indexer = selection ? 2 * selection.indexerHeads * selection.indexerHeadDim * entries : 0;
    flops += group.layers * (perEntry * (attended + Math.min(contextTokens, group.localWindowTokens)) + indexer);
  }
  if (v?.recurrent) flops += v.recurrent.layers * v.recurrent.stateBytesPerSequencePerLayer;
  return flops;
}

/**
 * Time of the tensor-parallel all-reduces of one forward pass over `tokens` tokens (two per layer, ring
 * algorithm). A group wider than the platform's scale-up domain (GH200 TP8: eight 1-GPU nodes) runs them
 * over the scale-out network, at its bandwidth and with a network hop per ring step.
 */
export function allReduceSeconds(replica: Replica, tokens: number): number {
  const tp = replica.tensorParallel;
  if (tp <= 1) return 0;
  const link = collectiveLink(replica.accelerator, tp);
  const bytes = tokens * replica.model.hiddenSize * 2;
  const perCollective = link.latencySeconds + (2 * (tp - 1) / tp) * bytes / link.bytesPerSecond;
  return (2 * replica.model.layers * perCollective) / replica.pipelineParallel;
}

/**
 * Time one pipeline stage spends, on average, handing the BF16 hidden state of its `tokens` tokens to the
 * next stage (each tensor-parallel rank sends its 1/TP slice): over the fabric inside a node, over the
 * network between nodes. Averaged over the PP stages, as the other per-stage costs are.
 */
export function pipelineSendSeconds(replica: Replica, tokens: number): number {
  const { accelerator, tensorParallel: tp, pipelineParallel: pp } = replica;
  if (pp <= 1) return 0;
  const bytes = (tokens * replica.model.hiddenSize * 2) / tp;
  const networkHops = scaleOutPipelineHops(accelerator, tp, pp);
  const inside = collectiveLink(accelerator, 1);
  const across = scaleOutSendLink(accelerator);
  const hopSeconds = (link: typeof inside) => link.latencySeconds + bytes / link.bytesPerSecond;
  return ((pp - 1 - networkHops) * hopSeconds(inside) + networkHops * hopSeconds(across)) / pp;
}

/**
 * Time of the expert-parallel all-to-alls of one forward pass over `tokens` tokens in a DEP replica: per
 * MoE layer each rank sends the BF16 hidden state of its tokens/N tokens to every other rank that holds
 * one of the token's k experts (dispatch) and gets the expert outputs back (combine). With uniform
 * routing another rank holds at least one of the k experts with probability 1 - (1 - 1/N)^k; attention
 * and dense layers run locally and need no collective.
 */
export function allToAllSeconds(replica: Replica, tokens: number): number {
  const ranks = replica.tensorParallel;
  const moe = replica.model.moe;
  if (ranks <= 1 || !moe) return 0;
  const remoteRanksPerToken = (ranks - 1) * (1 - (1 - 1 / ranks) ** moe.expertsActive);
  const bytesPerRank = (tokens / ranks) * remoteRanksPerToken * replica.model.hiddenSize * 2;
  const link = collectiveLink(replica.accelerator, ranks);
  const perCollective = link.latencySeconds + bytesPerRank / link.bytesPerSecond;
  return (2 * moe.moeLayers * perCollective) / replica.pipelineParallel;
}

/**
 * Communication time of one stage's forward pass over `tokens` tokens: all-to-all under DEP, all-reduce
 * under tensor parallel, plus the hand-off to the next pipeline stage.
 */
export function communicationSeconds(replica: Replica, tokens: number): number {
  const collective = replica.attentionDataParallel ? allToAllSeconds(replica, tokens) : allReduceSeconds(replica, tokens);
  return collective + pipelineSendSeconds(replica, tokens);
}

export interface StepBreakdown {
  readonly seconds: number;
  readonly memorySeconds: number;
  readonly computeSeconds: number;
  readonly communicationSeconds: number;
  readonly overheadSeconds: number;
  /**
   * Time the step's weight GEMMs wait on weight reads with idle tensor cores: room for the GEMM FLOPs of a
   * prefill chunk riding in the same launches. Attention runs in separate kernels, so its KV-read slack
   * does not count (counting it: CV TPOT 21.5 % instead of 21.2 %).
   */
  readonly computeSlackSeconds: number;
}

/** Parameters whose weights take part in the matmuls of one token, less the routed experts (handled apart). */
function denseMatmulParams(model: Model): number {
  // The input embedding is a table lookup, not a matmul.
  const lookup = model.vocabSize * model.hiddenSize;
  const moe = model.moe;
  const routedActive = moe ? moe.expertsActive * moe.moeLayers * moe.paramsPerExpertPerLayer : 0;
  return Math.max(0, model.activeParams - lookup - routedActive);
}

/**
 * Achieved fraction of the dense GEMM efficiency in routed-expert matmuls. Grouped GEMMs lose to dense
 * ones twice: few rows per expert (m / (m + m0), m0 = 128 rows) and small expert matrices that fill few
 * of the GPU's tiles and waves (s / (s + s0) with s the parameters of one expert, s0 = 20 M). Roofline-only
 * tools overstate MoE throughput for this reason (../shared/ENGINE.md); the constants are fitted across
 * all platforms by `npm run calibrate`.
 */
export function expertGemmFraction(tokensPerExpert: number, paramsPerExpert: number): number {
  // Below one MMA tile (16 rows) an expert GEMM pads to the tile and is bound by its weight reads
  // (counted as memory time): its compute is not penalised further.
  const effectiveRows = Math.max(tokensPerExpert, MOE_MIN_TILE_ROWS);
  const rows = effectiveRows / (effectiveRows + MOE_HALF_EFFICIENCY_ROWS);
  const size = paramsPerExpert / (paramsPerExpert + MOE_HALF_EFFICIENCY_PARAMS);
  return rows * size;
}

/**
 * Peak FLOP/s of the routed-expert GEMMs: a model released with FP4 experts (gpt-oss MXFP4) runs them
 * as FP4 weights with BF16 activations on chips without FP4 tensor cores (Hopper, MI300X).
 */
function expertPeakFlopsPerSecond(replica: Replica): number {
  const { model, accelerator, precision } = replica;
  if (model.releasedPrecision === 'fp4' && accelerator.denseFlopsPerSecond.fp4 === undefined) {
    return accelerator.denseFlopsPerSecond.bf16 ?? 0;
  }
  return peakFlopsPerSecond(accelerator, precision) ?? 0;
}

/** Calibrated fraction of peak FLOP/s the engine reaches in a phase's GEMMs. */
function achievedComputeFraction(replica: Replica, phase: 'prefill' | 'decode'): number {
  const { efficiencies, engineMultiplier } = replica;
  return (phase === 'prefill' ? efficiencies.computeFraction : efficiencies.decodeComputeFraction) * engineMultiplier;
}

/** Achieved FLOP/s of one GPU's dense tensor-core work in a step of `rowsPerStep` rows. */
function achievedFlopsPerSecond(replica: Replica, phase: 'prefill' | 'decode', rowsPerStep: number): number {
  // Decode GEMMs have one row per sequence: a small batch leaves most of each tensor-core tile empty.
  // Under DEP each rank's attention and dense GEMMs see only its own B/N rows.
  const ownRows = replica.attentionDataParallel ? rowsPerStep / replica.tensorParallel : rowsPerStep;
  const rows = phase === 'prefill' ? 1 : ownRows / (ownRows + DECODE_GEMM_HALF_EFFICIENCY_ROWS);
  return (peakFlopsPerSecond(replica.accelerator, replica.precision) ?? 0) * achievedComputeFraction(replica, phase) * rows;
}

/**
 * Seconds of weight matmul work for `tokens` tokens on one GPU of the replica (dense part + routed
 * experts). `rowsPerStep` is how many token rows share one step's GEMMs (it sets the rows each expert sees).
 */
function matmulSeconds(replica: Replica, tokens: number, phase: 'prefill' | 'decode', rowsPerStep: number = tokens): number {
  const { model } = replica;
  const gpus = replica.tensorParallel * replica.pipelineParallel;
  const dense = (tokens * 2 * denseMatmulParams(model)) / gpus / achievedFlopsPerSecond(replica, phase, rowsPerStep) + dequantSeconds(replica, tokens);
  const moe = model.moe;
  if (!moe || tokens <= 0) return dense;
  const expertFlops = tokens * 2 * moe.expertsActive * moe.moeLayers * moe.paramsPerExpertPerLayer;
  // Rows each touched expert sees: at batch 1 each of the k experts gets the one row.
  const tokensPerExpert = (rowsPerStep * moe.expertsActive) / expertsTouched(moe.expertsTotal, moe.expertsActive, rowsPerStep);
  const expertSlice = replica.expertsSplitByTensorParallel ? moe.paramsPerExpertPerLayer / replica.tensorParallel : moe.paramsPerExpertPerLayer;
  return dense + expertFlops / gpus / (expertPeakFlopsPerSecond(replica) * achievedComputeFraction(replica, phase) * expertGemmFraction(tokensPerExpert, expertSlice));
}

/** Vector (non-tensor) ops per second as a fraction of the BF16 tensor peak: H100 SXM 134 TFLOPS packed FP16/BF16 vector vs 989 dense tensor (datasheet), ~1/7.4; 1/8 as an estimate for every chip. */
const VECTOR_FRACTION_OF_BF16_TENSOR = 1 / 8;
/** Vector ops to turn one stored FP4/INT4/FP8 weight into a BF16 operand: unpack (lop3/prmt) and scale (estimate, after Marlin's dequant loop). */
const DEQUANT_OPS_PER_WEIGHT = 2;
/** Rows of one GEMM tile: a weight tile is dequantised once per tile of activation rows. */
const DEQUANT_TILE_ROWS = 128;

/**
 * Weight parameters one forward pass over `tokens` tokens reads in a weight-only format: stored narrower
 * than any tensor-core format the chip has (FP4 on Hopper/MI300X, FP8 on A100), so dequantised in the GEMM.
 */
function weightOnlyParamsRead(replica: Replica, tokens: number): number {
  const { model, accelerator, precision } = replica;
  const native = (p: Precision) => p === 'bf16' || accelerator.denseFlopsPerSecond[p] !== undefined;
  if (native(precision) && (model.releasedPrecision !== 'fp4' || native('fp4'))) return 0;
  const moe = model.moe;
  const expertPrecision: Precision = moe && model.releasedPrecision === 'fp4' ? 'fp4' : precision;
  const otherPrecision: Precision = moe && precision === 'fp4' ? 'fp8' : precision;
  const experts = moe && !native(expertPrecision) ? expertsTouched(moe.expertsTotal, moe.expertsActive, tokens) * moe.moeLayers * moe.paramsPerExpertPerLayer : 0;
  return experts + (native(otherPrecision) ? 0 : denseMatmulParams(model));
}

/**
 * Dequantisation time of weight-only formats on one GPU for a pass over `tokens` tokens: each weight is
 * unpacked once per 128-row tile on the vector units, weights x ceil(tokens / 128) x 2 ops / (BF16 peak / 8).
 * At decode batches it mostly hides under the weight reads (it is part of the GEMM side of the roofline).
 */
export function dequantSeconds(replica: Replica, tokens: number): number {
  const params = weightOnlyParamsRead(replica, tokens);
  if (params <= 0 || tokens <= 0) return 0;
  const vectorOpsPerSecond = (replica.accelerator.denseFlopsPerSecond.bf16 ?? 0) * VECTOR_FRACTION_OF_BF16_TENSOR * replica.efficiencies.computeFraction;
  if (vectorOpsPerSecond <= 0) return 0;
  const tiles = Math.ceil(tokens / DEQUANT_TILE_ROWS);
  return (params * tiles * DEQUANT_OPS_PER_WEIGHT) / gpusPerReplica(replica) / vectorOpsPerSecond;
}

/** Seconds of attention score and value FLOPs (`attentionFlops` over the whole replica) on one GPU. */
function attentionComputeSeconds(replica: Replica, attentionFlops: number, phase: 'prefill' | 'decode', rowsPerStep: number): number {
  if (attentionFlops <= 0) return 0;
  const gpus = replica.tensorParallel * replica.pipelineParallel;
  return attentionFlops / gpus / achievedFlopsPerSecond(replica, phase, rowsPerStep);
}

/**
 * One decode step of a pipeline stage for `batch` sequences at mean context `contextTokens`. The step
 * runs two kinds of kernels one after the other, each bound by its own roofline: the weight GEMMs
 * (weight bytes vs matmul FLOPs) and attention (KV-cache bytes vs score FLOPs). So
 * overhead + max(weights / bw, GEMM flops / peak) + max(KV / bw, attention flops / peak) + all-reduce
 * (../shared/ENGINE.md, after BLIS and AIConfigurator, with attention as its own kernel class). A single
 * max over the summed bytes and FLOPs hid the KV reads behind compute-bound GEMMs at large batch; the
 * split took the cross-validated saturated median error from 13.5 % to 10.4 % (`npm run calibrate`).
 */
export function decodeStageSeconds(replica: Replica, batch: number, contextTokens: number, tokensPerSequence = 1): StepBreakdown {
  const { model, accelerator, efficiencies, engineMultiplier } = replica;
  const tp = replica.tensorParallel;
  const pp = replica.pipelineParallel;
  // A speculative verify step runs k + 1 positions of each sequence: more GEMM rows, one KV read.
  const rows = batch * tokensPerSequence;
  const bandwidth = accelerator.memoryBandwidthBytesPerSecond * efficiencies.memoryBandwidthFraction * engineMultiplier;
  const kvBytesPerGpu = (batch * kvBytesReadForContext(model, replica.precision, contextTokens) * kvShardFraction(model, tp, replica.attentionDataParallel)) / pp;
  const weightReadSeconds = weightBytesReadPerGpu(replica, rows) / bandwidth;
  const kvReadSeconds = kvBytesPerGpu / bandwidth;
  const gemmSeconds = matmulSeconds(replica, rows, 'decode');
  const attentionSeconds = attentionComputeSeconds(replica, rows * attentionFlopsPerToken(model, contextTokens), 'decode', rows);
  const collectiveSeconds = communicationSeconds(replica, rows);
  const layerSeconds = STEP_OVERHEAD_SECONDS_PER_LAYER * model.layers + STEP_OVERHEAD_SECONDS_PER_MOE_LAYER * (model.moe?.moeLayers ?? 0);
  // Under PP every micro-batch step also waits on the engine's host-side token hand-off between ranks.
  const pipelineHostSeconds = pp > 1 ? (PIPELINE_HOST_SECONDS_PER_MICRO_BATCH[replica.engine] ?? 0) : 0;
  const overheadSeconds = efficiencies.stepOverheadSeconds + layerSeconds / pp + pipelineHostSeconds;
  const slowest = lastStageWorkShare(model, pp);
  const kernelSeconds = Math.max(weightReadSeconds, gemmSeconds) + Math.max(kvReadSeconds, attentionSeconds);
  const seconds = overheadSeconds + slowest * kernelSeconds + collectiveSeconds;
  return {
    seconds,
    memorySeconds: weightReadSeconds + kvReadSeconds,
    computeSeconds: gemmSeconds + attentionSeconds,
    communicationSeconds: collectiveSeconds,
    overheadSeconds,
    computeSlackSeconds: slowest * Math.max(0, weightReadSeconds - gemmSeconds),
  };
}

/**
 * Work of the last pipeline stage relative to an even split: it also runs the output head
 * (vocab x hidden), and every micro-batch waits for the slowest stage. 1 + H (PP - 1) / P.
 */
export function lastStageWorkShare(model: Model, pipelineParallel: number): number {
  if (pipelineParallel <= 1) return 1;
  const headParams = model.vocabSize * model.hiddenSize;
  return 1 + (headParams * (pipelineParallel - 1)) / model.totalParams;
}

/**
 * Time per output token (TPOT) of a decode batch of `batch` sequences, pipeline stages included:
 * the batch moves through PP stages in PP micro-batches, so TPOT = PP x stage time of batch/PP.
 */
export function decodeStepSeconds(replica: Replica, batch: number, contextTokens: number): number {
  const pp = replica.pipelineParallel;
  const spec = replica.speculative;
  if (!spec) return pp * decodeStageSeconds(replica, Math.max(1, batch / pp), contextTokens).seconds;
  // Speculative decoding: seconds per accepted token of a sequence (speculative.ts).
  const verifySeconds = pp * decodeStageSeconds(replica, Math.max(1, batch / pp), contextTokens, spec.draftTokens + 1).seconds;
  return speculativeSecondsPerToken(replica, verifySeconds, Math.max(1, batch), contextTokens);
}

/**
 * Compute time per decode step (TPOT step) that a prefill chunk riding in it hides under the step's
 * memory-bound kernels: a mixed step costs max(weight reads, decode + prefill GEMMs), not their sum.
 */
export function decodeStepComputeSlackSeconds(replica: Replica, batch: number, contextTokens: number): number {
  const pp = replica.pipelineParallel;
  return decodeStageSeconds(replica, Math.max(1, batch / pp), contextTokens).computeSlackSeconds;
}

/**
 * GPU-time of the replica to prefill `inputTokens` tokens of one sequence inside large batched steps
 * (compute bound: 2 x activeParams x N + causal attention 2 x heads x dim x N^2 per layer), seconds.
 * Weight reads are amortised over the batch and left out.
 */
export function prefillComputeSeconds(replica: Replica, inputTokens: number, rowsPerStep: number = PREFILL_CHUNK_TOKENS, newRequestsPerStep?: number): number {
  const attention = (attentionFlopsPerToken(replica.model, inputTokens) * inputTokens) / 2;
  // Under load the scheduler packs prefills of several requests into steps of PREFILL_CHUNK_TOKENS rows.
  // Under DEP a rank prefills its own requests while the others wait at the next MoE layer.
  const pp = replica.pipelineParallel;
  const ranks = replica.attentionDataParallel ? replica.tensorParallel : 1;
  const depStall = newRequestsPerStep === undefined ? 1 : unsynchronizedPrefillFactor(ranks, newRequestsPerStep / pp / ranks);
  const ownRank = (inputTokens * 2 * denseMatmulParams(replica.model)) / gpusPerReplica(replica) / achievedFlopsPerSecond(replica, 'prefill', rowsPerStep) + attentionComputeSeconds(replica, attention, 'prefill', rowsPerStep);
  const aligned = matmulSeconds(replica, inputTokens, 'prefill', rowsPerStep) + attentionComputeSeconds(replica, attention, 'prefill', rowsPerStep) + communicationSeconds(replica, inputTokens);
  return aligned + (depStall - 1) * ownRank;
}

/**
 * How much longer the attention and dense work of prefill takes under DEP than if every rank prefilled in
 * the same steps. Each rank admits its own new requests (trtllm-bench runs whole-request prefill) and
 * every MoE layer waits for all ranks, so a step in which any rank prefills costs the others that time.
 * With fixed-length requests a rank's sequences finish evenly spread, so a rank has a new request in a
 * share p = min(1, lambda) of the steps (lambda new requests per rank per step); with N ranks a step
 * holds some prefill with probability 1 - (1 - p)^N against p when aligned: factor (1 - (1 - p)^N) / p,
 * from N when prefills are rare down to 1 when every step has them. (Poisson arrivals, p = 1 - e^-lambda,
 * gave a cross-validated p90 of 30.8 % against 30.5 %.)
 */
export function unsynchronizedPrefillFactor(units: number, newRequestsPerUnitPerStep: number): number {
  if (units <= 1 || newRequestsPerUnitPerStep <= 0) return 1;
  const p = Math.min(1, newRequestsPerUnitPerStep);
  return (1 - (1 - p) ** units) / p;
}

/**
 * Wall time to prefill one sequence alone (its TTFT on an idle replica): compute, or reading the weights
 * once per chunk if that is slower, plus one step overhead per chunk and per pipeline stage. Seconds.
 */
export function prefillLatencySeconds(replica: Replica, inputTokens: number, chunkTokens: number): number {
  const chunks = Math.max(1, Math.ceil(inputTokens / chunkTokens));
  // Alone, a request's chunk is the whole step: an MoE layer's experts see only its own tokens.
  const compute = prefillComputeSeconds(replica, inputTokens, Math.min(inputTokens, chunkTokens));
  const perChunk = decodeStageSeconds(replica, Math.min(inputTokens, chunkTokens), 0);
  const weightFloor = chunks * replica.pipelineParallel * perChunk.memorySeconds;
  return Math.max(compute, weightFloor) + chunks * replica.pipelineParallel * perChunk.overheadSeconds;
}
