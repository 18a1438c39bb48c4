/**
 * Speculative decoding from the physics. Each decode step the draft proposes k tokens per sequence (k
 * small draft passes), then the target verifies all k + 1 positions in one forward pass; with a per-token
 * acceptance probability a the step yields E = (1 - a^(k+1)) / (1 - a) tokens per sequence on average
 * (Leviathan et al. 2023, eq. 1). The verify pass reads the same weights and KV as a plain step but runs
 * B (k + 1) rows through the GEMMs and attention, so it costs little more where decode is bandwidth-bound
 * (small batch) and up to k + 1 times more where it is compute-bound (large batch): the gain shrinks
 * with the batch and can turn negative. The draft's weights and KV take memory from the target's batch.
 */
import type { Model, Precision, SpeculativeMethod } from '../catalog/types.ts';
import { COLLECTIVE_LATENCY_SECONDS, DECODE_GEMM_HALF_EFFICIENCY_ROWS, STEP_OVERHEAD_SECONDS_PER_LAYER, STEP_OVERHEAD_SECONDS_PER_MOE_LAYER } from './efficiency.ts';
import { BYTES_PER_WEIGHT, kvBytesForContext, kvBytesReadForContext, weightBytes } from './memory.ts';
import { type Replica, peakFlopsPerSecond } from './replica.ts';
import { weightBytesRead } from './step-time.ts';

/** Speculative decoding as the engine runs it: everything resolved (see resolveSpeculative). */
export interface SpeculativeDecoding {
  readonly method: SpeculativeMethod;
  /** Tokens drafted per verification step (k). */
  readonly draftTokens: number;
  /** Per-token acceptance probability (a), 0 < a < 1. */
  readonly acceptanceRate: number;
  /** Method 'draft': the draft model (runs on the same GPUs, same tensor parallelism). */
  readonly draftModel?: Model;
}

/** Expected tokens one verification step yields per sequence: (1 - a^(k+1)) / (1 - a), from 1 (a = 0) to k + 1. */
export function expectedTokensPerStep(acceptanceRate: number, draftTokens: number): number {
  const a = Math.min(Math.max(acceptanceRate, 0), 1 - 1e-9);
  return (1 - a ** (draftTokens + 1)) / (1 - a);
}

/** EAGLE-3's draft vocabulary (its released heads map to a 32k-token draft vocabulary). */
const EAGLE_DRAFT_VOCAB = 32_000;

/** What one draft pass reads and computes, for the whole replica. */
interface DraftShape {
  readonly weightBytes: number;
  /** Parameters in the pass's matmuls per token. */
  readonly matmulParams: number;
  readonly layers: number;
  /** Of which MoE layers (each pays the MoE launch overhead, as in a target step). */
  readonly moeLayers: number;
  /** KV bytes the draft keeps (and reads) per sequence at `contextTokens`. */
  readonly kvBytesPerSequence: (contextTokens: number) => number;
}

function weightBytesPerParam(model: Model, precision: Precision): number {
  return weightBytes(model, precision) / model.totalParams;
}

/**
 * The draft of each method. MTP: one more layer of the model itself (DeepSeek's NextN layer, with its
 * experts) plus the shared output head, so 1/layers of the body and a head read. EAGLE-3: one dense
 * decoder layer at the target's width (~12 h^2), the 3h -> h feature fusion and a 32k-vocabulary head
 * (estimate from the released heads' shapes). A draft model: all of its weights and its own KV cache.
 */
function draftShape(replica: Replica, spec: SpeculativeDecoding, batch: number): DraftShape {
  const { model, precision } = replica;
  const h = model.hiddenSize;
  const head = model.vocabSize * h;
  const bytesPerParam = weightBytesPerParam(model, precision);
  if (spec.method === 'draft' && spec.draftModel) {
    const d = spec.draftModel;
    return { weightBytes: weightBytes(d, precision), matmulParams: Math.max(0, d.activeParams - d.vocabSize * d.hiddenSize), layers: d.layers, moeLayers: d.moe?.moeLayers ?? 0, kvBytesPerSequence: (c) => kvBytesReadForContext(d, precision, c) };
  }
  if (spec.method === 'mtp') {
    const activeBody = Math.max(0, model.activeParams - 2 * head);
    // The extra layer reads what one layer of the model reads at this batch (routed experts where the
    // batch touches them), the shared output head, and its 2h -> h input projection.
    const layerBytes = Math.max(0, weightBytesRead(replica, batch) - 2 * head * bytesPerParam) / model.layers;
    return {
      weightBytes: layerBytes + (head + 2 * h * h) * bytesPerParam,
      matmulParams: activeBody / model.layers + head + 2 * h * h,
      layers: 1,
      moeLayers: model.moe ? 1 : 0,
      kvBytesPerSequence: (c) => kvBytesReadForContext(model, precision, c) / model.layers,
    };
  }
  const params = 12 * h * h + 3 * h * h + EAGLE_DRAFT_VOCAB * h;
  const draftKvPerToken = 2 * model.kvHeads * model.headDim * BYTES_PER_WEIGHT.bf16;
  return { weightBytes: params * BYTES_PER_WEIGHT.bf16, matmulParams: params, layers: 1, moeLayers: 0, kvBytesPerSequence: (c) => c * draftKvPerToken };
}

/** Weight bytes per GPU the draft adds (split like the target's, over TP and PP). */
export function draftWeightBytesPerGpu(replica: Replica): number {
  const spec = replica.speculative;
  if (!spec) return 0;
  const d = draftShape(replica, spec, 1);
  const stored = spec.method === 'mtp' ? ((replica.model.totalParams - 2 * replica.model.vocabSize * replica.model.hiddenSize) / replica.model.layers) * weightBytesPerParam(replica.model, replica.precision) : d.weightBytes;
  return stored / (replica.tensorParallel * replica.pipelineParallel);
}

/** KV bytes per GPU the draft keeps for one sequence of `contextTokens`. */
export function draftKvBytesPerSequencePerGpu(replica: Replica, contextTokens: number): number {
  const spec = replica.speculative;
  if (!spec) return 0;
  const d = draftShape(replica, spec, 1);
  if (spec.method === 'draft' && spec.draftModel) return kvBytesForContext(spec.draftModel, replica.precision, contextTokens) / replica.tensorParallel;
  return d.kvBytesPerSequence(contextTokens) / replica.tensorParallel;
}

/**
 * One draft pass for `batch` sequences at context `contextTokens` on the replica's tensor-parallel
 * group: launch overhead per draft layer (+ its all-reduces) + max(weight and KV reads / bandwidth,
 * matmul FLOPs / achieved decode FLOP/s), the same roofline as a target decode step. Seconds.
 */
export function draftStepSeconds(replica: Replica, batch: number, contextTokens: number): number {
  const spec = replica.speculative;
  if (!spec) return 0;
  const { accelerator, efficiencies, engineMultiplier, tensorParallel: tp } = replica;
  const d = draftShape(replica, spec, batch);
  const bandwidth = accelerator.memoryBandwidthBytesPerSecond * efficiencies.memoryBandwidthFraction * engineMultiplier;
  const readSeconds = (d.weightBytes + batch * d.kvBytesPerSequence(contextTokens)) / tp / bandwidth;
  const rows = batch / (batch + DECODE_GEMM_HALF_EFFICIENCY_ROWS);
  const flopsPerSecond = (peakFlopsPerSecond(accelerator, replica.precision) ?? 0) * efficiencies.decodeComputeFraction * engineMultiplier * rows;
  const computeSeconds = flopsPerSecond > 0 ? (batch * 2 * d.matmulParams) / tp / flopsPerSecond : 0;
  const overheadSeconds = d.layers * (STEP_OVERHEAD_SECONDS_PER_LAYER + (tp > 1 ? 2 * COLLECTIVE_LATENCY_SECONDS : 0)) + d.moeLayers * STEP_OVERHEAD_SECONDS_PER_MOE_LAYER;
  return overheadSeconds + Math.max(readSeconds, computeSeconds);
}

/**
 * Seconds per output token of a sequence under speculative decoding: (verify step + k draft passes) / E.
 * `verifySeconds` is the target's step over B (k + 1) rows (decodeStageSeconds with k + 1 tokens per sequence).
 */
export function speculativeSecondsPerToken(replica: Replica, verifySeconds: number, batch: number, contextTokens: number): number {
  const spec = replica.speculative!;
  const draftSeconds = spec.draftTokens * draftStepSeconds(replica, batch, contextTokens);
  return (verifySeconds + draftSeconds) / expectedTokensPerStep(spec.acceptanceRate, spec.draftTokens);
}
