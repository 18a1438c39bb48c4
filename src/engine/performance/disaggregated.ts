/**
 * Disaggregated serving (prefill and decode on separate workers, as NVIDIA Dynamo, llm-d and SGLang PD
 * do): a decode worker's batch at a TPOT target without prefill stalls, a prefill worker's rate, and the
 * KV hand-off between them. Rate matching uses AIConfigurator's derates (0.9 prefill, 0.92 decode).
 */
import { memoryFit } from './batch-limit.ts';
import { PREFILL_CHUNK_TOKENS } from './efficiency.ts';
import { kvBytesForContext } from './memory.ts';
import { gpusPerReplica, type Replica } from './replica.ts';
import { largestBatchMeeting, meanContextTokens, type SloLengths } from './slo-operating-point.ts';
import { decodeStepSeconds, prefillComputeSeconds, prefillLatencySeconds } from './step-time.ts';

/** AIConfigurator's rate-matching derates: achieved / ideal throughput of prefill and decode pools. */
export const PREFILL_RATE_DERATE_FRACTION = 0.9;
export const DECODE_RATE_DERATE_FRACTION = 0.92;

/** Scale-out bandwidth per GPU when the hand-off leaves the scale-up domain (~400 Gb/s NIC per GPU). Estimate. */
export const SCALE_OUT_BYTES_PER_SECOND_PER_GPU = 50e9;

export interface DecodeWorkerPoint {
  readonly batch: number;
  readonly tpotSeconds: number;
  /** Requests/s one decode worker completes at full load, before the derate: B / (OSL x step(B)). */
  readonly requestsPerSecond: number;
  readonly slotHoldSeconds: number;
  readonly stepSeconds: number;
  readonly fixedStepFraction: number;
}

/**
 * Decode worker at a TPOT target: TPOT = step(B) (no prefill shares its steps), largest B that fits
 * memory and the target (none: the memory limit). Null when the model does not fit or B = 1 misses.
 */
export function decodeWorkerPoint(replica: Replica, lengths: SloLengths, tpotTargetSeconds?: number): DecodeWorkerPoint | null {
  const maxBatch = memoryFit(replica, lengths.inputTokens + lengths.outputTokens).maxBatch;
  const context = meanContextTokens(lengths);
  const stepAt = (b: number) => decodeStepSeconds(replica, b, context);
  const batch = tpotTargetSeconds === undefined ? maxBatch : largestBatchMeeting(maxBatch, stepAt, tpotTargetSeconds);
  if (batch < 1) return null;
  const stepSeconds = stepAt(batch);
  const slotHoldSeconds = lengths.outputTokens * stepSeconds;
  return {
    batch,
    tpotSeconds: stepSeconds,
    requestsPerSecond: batch / slotHoldSeconds,
    slotHoldSeconds,
    stepSeconds,
    fixedStepFraction: Math.min(1, stepAt(1) / stepSeconds),
  };
}

export interface PrefillWorkerPoint {
  /** Prompts/s one prefill worker completes when busy (compute bound): 1 / prefill GPU-time. */
  readonly requestsPerSecond: number;
  /** Service time per prompt for the prefill queue. */
  readonly serviceSeconds: number;
  /** Prefill of one prompt on an idle worker. */
  readonly latencySeconds: number;
}

/** Prefill worker: rate 1 / prefillComputeSeconds(N_uncached); null when the weights do not fit. */
export function prefillWorkerPoint(replica: Replica, lengths: SloLengths): PrefillWorkerPoint | null {
  if (memoryFit(replica, lengths.inputTokens).maxBatch < 1) return null;
  const serviceSeconds = prefillComputeSeconds(replica, lengths.prefillTokens);
  return {
    requestsPerSecond: 1 / serviceSeconds,
    serviceSeconds,
    latencySeconds: prefillLatencySeconds(replica, lengths.prefillTokens, PREFILL_CHUNK_TOKENS),
  };
}

export interface KvHandoff {
  readonly seconds: number;
  readonly bytes: number;
  /** 'scale-up' when both workers fit in one scale-up domain (NVLink, Infinity Fabric), else 'scale-out'. */
  readonly link: 'scale-up' | 'scale-out';
}

/**
 * KV hand-off from prefill to decode worker: inputTokens x kvBytesPerToken / link bandwidth, the
 * prefill worker's GPUs sending in parallel. Scale-up link inside the domain, else ~50 GB/s per GPU
 * (estimate). Added to TTFT.
 */
export function kvHandoff(prefill: Replica, decode: Replica, inputTokens: number): KvHandoff {
  const bytes = kvBytesForContext(prefill.model, prefill.precision, inputTokens);
  const senders = gpusPerReplica(prefill);
  const inside = senders + gpusPerReplica(decode) <= prefill.accelerator.scaleUpDomainCount;
  const perGpu = inside ? prefill.accelerator.scaleUpBytesPerSecondPerDirection : SCALE_OUT_BYTES_PER_SECOND_PER_GPU;
  return { seconds: bytes / (perGpu * senders), bytes, link: inside ? 'scale-up' : 'scale-out' };
}
