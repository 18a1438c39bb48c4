/**
 * How a configuration's GPU time divides between prefill (input tokens) and decode (output tokens), and
 * the HBM and KV-cache room of its decode replica: the figures the TCO report splits costs by.
 */
import type { Configuration } from '../fleet/types.ts';
import { memoryFit } from '../performance/batch-limit.ts';
import { buildReplica, type ReplicaSpec } from '../performance/parallelism.ts';
import type { Replica } from '../performance/replica.ts';
import type { SloLengths } from '../performance/slo-operating-point.ts';
import { prefillComputeSeconds } from '../performance/step-time.ts';

/** The aggregated replica (or the decode worker) of a configuration, rebuilt from its spec. */
export function decodeReplicaOf(spec: ReplicaSpec, configuration: Configuration): Replica {
  return buildReplica(spec, configuration.gpusPerReplica);
}

/**
 * Share of a configuration's GPU time at full load spent on prefill (0..1).
 * Aggregated (chunked prefill shares the replica): prefill GPU-seconds per request / GPU-seconds per
 * request = prefill(N_uncached) x full requests/s (the `B x prefill / (OSL x TPOT)` term of the TPOT
 * model in slo-operating-point.ts). Disaggregated: prefill pool GPU-seconds per request over both pools'.
 */
export function prefillGpuTimeFraction(spec: ReplicaSpec, configuration: Configuration, lengths: SloLengths): number {
  const prefillPool = configuration.pools.find((p) => p.role === 'prefill');
  if (prefillPool) {
    let total = 0;
    for (const pool of configuration.pools) total += pool.gpusPerWorker / pool.fullRequestsPerSecond;
    return (prefillPool.gpusPerWorker / prefillPool.fullRequestsPerSecond) / total;
  }
  const replica = decodeReplicaOf(spec, configuration);
  const pool = configuration.pools[0]!;
  return Math.min(1, prefillComputeSeconds(replica, lengths.prefillTokens) * pool.fullRequestsPerSecond);
}

/** HBM per GPU and the KV-cache budget per GPU left after weights and runtime reserve, bytes. */
export function memoryRoomBytes(spec: ReplicaSpec, configuration: Configuration, lengths: SloLengths): { readonly hbmBytesPerGpu: number; readonly kvCacheBytesPerGpu: number } {
  const replica = decodeReplicaOf(spec, configuration);
  const fit = memoryFit(replica, lengths.inputTokens + lengths.outputTokens);
  return { hbmBytesPerGpu: spec.accelerator.memoryBytes, kvCacheBytesPerGpu: Math.max(0, fit.kvBudgetBytesPerGpu) };
}
