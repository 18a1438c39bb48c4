import { DECODE_RATE_DERATE_FRACTION, PREFILL_RATE_DERATE_FRACTION, decodeWorkerPoint, kvHandoff, prefillWorkerPoint } from './disaggregated.ts';
import { gpusPerReplica, type Replica } from './replica.ts';

/** A rate-matched disaggregated unit: x prefill workers feeding y decode workers. */
export interface DisaggregatedPlan {
  readonly prefillWorkers: number;
  readonly decodeWorkers: number;
  readonly gpus: number;
  /** Requests/s the unit sustains: min(0.9 x prefill rate, 0.92 x decode rate). */
  readonly requestsPerSecond: number;
  readonly outputTokensPerSecondPerGpu: number;
  readonly totalTokensPerSecondPerGpu: number;
  readonly decodeBatch: number;
  readonly tpotMs: number;
  /** Prefill alone + KV hand-off + one decode step (an unloaded prefill queue). */
  readonly ttftMs: number;
  readonly kvHandoffMs: number;
}

/** Largest prefill or decode worker count tried per unit (AIConfigurator searches a similar range). */
const MAX_WORKERS_PER_KIND = 16;

/**
 * Disaggregated serving: choose integer x prefill and y decode workers maximizing
 * min(0.9 x X x prefillSeqPerS, 0.92 x Y x decodeSeqPerS) / GPUs (AIConfigurator's rate matching,
 * ../shared/ENGINE.md); the decode batch is the largest that meets `tpotTargetMs` (or memory allows).
 * Null when either worker cannot hold the model, the TPOT target cannot be met at batch 1, or no unit fits
 * in `maxGpus`.
 */
export function disaggregatedPlan(prefill: Replica, decode: Replica, inputTokens: number, outputTokens: number, tpotTargetMs?: number, maxGpus = Number.POSITIVE_INFINITY): DisaggregatedPlan | null {
  const lengths = { inputTokens, outputTokens, prefillTokens: inputTokens };
  const p = prefillWorkerPoint(prefill, lengths);
  const d = decodeWorkerPoint(decode, lengths, tpotTargetMs === undefined ? undefined : tpotTargetMs / 1000);
  if (!p || !d) return null;
  const prefillGpus = gpusPerReplica(prefill);
  const decodeGpus = gpusPerReplica(decode);
  const options: { x: number; y: number; rate: number; perGpu: number; gpus: number }[] = [];
  for (let x = 1; x <= MAX_WORKERS_PER_KIND; x++) {
    for (let y = 1; y <= MAX_WORKERS_PER_KIND; y++) {
      const gpus = x * prefillGpus + y * decodeGpus;
      if (gpus > maxGpus) continue;
      const rate = Math.min(PREFILL_RATE_DERATE_FRACTION * x * p.requestsPerSecond, DECODE_RATE_DERATE_FRACTION * y * d.requestsPerSecond);
      options.push({ x, y, rate, perGpu: rate / gpus, gpus });
    }
  }
  if (options.length === 0) return null;
  // The smallest unit within 3 % of the best throughput per GPU: big units only pay when they match better.
  const top = Math.max(...options.map((o) => o.perGpu));
  const best = options.filter((o) => o.perGpu >= 0.97 * top).sort((a, b) => a.gpus - b.gpus)[0];
  const handoff = kvHandoff(prefill, decode, inputTokens);
  const gpus = best!.x * prefillGpus + best!.y * decodeGpus;
  return {
    prefillWorkers: best!.x,
    decodeWorkers: best!.y,
    gpus,
    requestsPerSecond: best!.rate,
    outputTokensPerSecondPerGpu: (best!.rate * outputTokens) / gpus,
    totalTokensPerSecondPerGpu: (best!.rate * (inputTokens + outputTokens)) / gpus,
    decodeBatch: d.batch,
    tpotMs: d.tpotSeconds * 1000,
    ttftMs: (p.latencySeconds + handoff.seconds + d.stepSeconds) * 1000,
    kvHandoffMs: handoff.seconds * 1000,
  };
}
