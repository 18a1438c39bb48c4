/**
 * The operating point one aggregated replica runs at when the batch is capped to hold a TPOT target:
 * the "full load at the SLO" every cost in tokcost is measured against. Composes the step-time model
 * (decodeStepSeconds, prefillComputeSeconds, prefillLatencySeconds) the way `pointAtBatch` does, adding
 * the prefix-cache hit (only uncached prompt tokens are prefilled) and a solve for the batch.
 */
import { memoryFit } from './batch-limit.ts';
import { PREFILL_CHUNK_TOKENS } from './efficiency.ts';
import { gpusPerReplica, type Replica } from './replica.ts';
import { decodeStepSeconds, prefillComputeSeconds, prefillLatencySeconds } from './step-time.ts';

/** Request lengths; `prefillTokens` = input tokens not served from the prefix cache. */
export interface SloLengths {
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly prefillTokens: number;
}

export interface SloOperatingPoint {
  /** Sequences decoding at once at full load (the largest batch meeting TPOT and memory). */
  readonly batch: number;
  readonly tpotSeconds: number;
  /** Requests/s the replica completes at that batch (100 % busy, no queueing headroom). */
  readonly requestsPerSecond: number;
  /** Time a request holds its batch slot: OSL x TPOT. */
  readonly slotHoldSeconds: number;
  /** GPU-time of the replica to prefill one request (the serial part, for the prefill queue). */
  readonly prefillServiceSeconds: number;
  /** TTFT on an otherwise idle replica: prefill alone plus one decode step. */
  readonly ttftFloorSeconds: number;
  /** Decode step at batch 1 over the step at `batch`: the share of a full step paid at any batch. */
  readonly fixedStepFraction: number;
  readonly outputTokensPerSecondPerGpu: number;
}

export function meanContextTokens(lengths: SloLengths): number {
  return lengths.inputTokens + lengths.outputTokens / 2;
}

/**
 * Aggregated TPOT at batch B with chunked prefill: prefills of the B sequences that start per cycle
 * stall decode, so TPOT = step(B) + B x prefill(N_uncached) / OSL (as in `pointAtBatch`). Seconds.
 */
export function aggregatedTpotSeconds(replica: Replica, lengths: SloLengths, batch: number): number {
  const step = decodeStepSeconds(replica, batch, meanContextTokens(lengths));
  return step + (batch * prefillComputeSeconds(replica, lengths.prefillTokens)) / lengths.outputTokens;
}

/**
 * Largest integer batch in [1, maxBatch] with tpotAt(batch) <= target (tpotAt increases with batch);
 * 0 when even batch 1 misses. Binary search: ~11 evaluations.
 */
export function largestBatchMeeting(maxBatch: number, tpotAt: (batch: number) => number, targetSeconds: number): number {
  if (maxBatch < 1 || tpotAt(1) > targetSeconds) return 0;
  let low = 1;
  let high = maxBatch;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (tpotAt(middle) <= targetSeconds) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Full-load point of an aggregated replica at a TPOT target (none: the memory-limited batch):
 * requests/s = B / (OSL x TPOT(B)). Null when the model does not fit or batch 1 already misses TPOT.
 */
export function aggregatedSloPoint(replica: Replica, lengths: SloLengths, tpotTargetSeconds?: number): SloOperatingPoint | null {
  const maxBatch = memoryFit(replica, lengths.inputTokens + lengths.outputTokens).maxBatch;
  const tpotAt = (b: number) => aggregatedTpotSeconds(replica, lengths, b);
  const batch = tpotTargetSeconds === undefined ? maxBatch : largestBatchMeeting(maxBatch, tpotAt, tpotTargetSeconds);
  if (batch < 1) return null;
  const tpotSeconds = tpotAt(batch);
  const context = meanContextTokens(lengths);
  const step = decodeStepSeconds(replica, batch, context);
  const slotHoldSeconds = lengths.outputTokens * tpotSeconds;
  const requestsPerSecond = batch / slotHoldSeconds;
  return {
    batch,
    tpotSeconds,
    requestsPerSecond,
    slotHoldSeconds,
    prefillServiceSeconds: prefillComputeSeconds(replica, lengths.prefillTokens),
    ttftFloorSeconds: prefillLatencySeconds(replica, lengths.prefillTokens, PREFILL_CHUNK_TOKENS) + step,
    fixedStepFraction: Math.min(1, decodeStepSeconds(replica, 1, context) / step),
    outputTokensPerSecondPerGpu: (requestsPerSecond * lengths.outputTokens) / gpusPerReplica(replica),
  };
}
