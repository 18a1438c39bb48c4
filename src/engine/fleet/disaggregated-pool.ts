/**
 * One disaggregated configuration: a prefill pool and a decode pool, each scaled on its own.
 * Pool rates carry AIConfigurator's derates (0.9 prefill, 0.92 decode). TTFT at the target percentile:
 * prefill alone + KV hand-off + one decode step + the prefill-queue wait (G/G/1 per prefill worker, at
 * the prefill pool's utilization) + the wait for a decode slot (M/G/c, at the decode pool's utilization).
 * The decode pool may use up to DECODE_WAIT_SHARE of the queueing budget (its many slots rarely queue);
 * the prefill pool gets the rest. The prefill worker size is the one serving most requests/s per GPU
 * within the SLO.
 */
import { DECODE_RATE_DERATE_FRACTION, PREFILL_RATE_DERATE_FRACTION, decodeWorkerPoint, kvHandoff, prefillWorkerPoint } from '../performance/disaggregated.ts';
import { gpusPerReplica, type Replica } from '../performance/replica.ts';
import { layoutOf, type ConfigurationInputs } from './configuration-inputs.ts';
import { MAX_UTILIZATION_CEILING_FRACTION, singleServerWaitQuantileSeconds, slotWaitQuantileSeconds, utilizationCeiling } from './queueing.ts';
import type { Configuration } from './types.ts';

/** Share of the TTFT queueing budget the decode-slot wait may take. */
export const DECODE_WAIT_SHARE = 0.1;

export function disaggregatedConfiguration(prefillReplicas: readonly Replica[], decodeReplica: Replica, inputs: ConfigurationInputs): Configuration | null {
  const tpotTarget = inputs.latency.tpotMs === undefined ? undefined : inputs.latency.tpotMs / 1000;
  const decode = decodeWorkerPoint(decodeReplica, inputs.lengths, tpotTarget);
  if (!decode) return null;
  const percentile = inputs.latency.ttftPercentile ?? 95;
  const v = inputs.variability;
  const ttftTarget = inputs.latency.ttftMs === undefined ? undefined : inputs.latency.ttftMs / 1000;
  // Remembered by utilization: each prefill candidate bisects the same decode-slot wait for its own budget,
  // from the same starting bracket, so their first halvings evaluate the same points (Erlang C is O(slots)).
  const slotWaits = new Map<number, number>();
  const slotWait = (rho: number) => {
    let seconds = slotWaits.get(rho);
    if (seconds === undefined) slotWaits.set(rho, (seconds = slotWaitQuantileSeconds(decode.batch, decode.slotHoldSeconds, rho, v, percentile)));
    return seconds;
  };
  let best: Configuration | null = null;
  let bestGpuSeconds = Number.POSITIVE_INFINITY;
  for (const prefillReplica of prefillReplicas) {
    const prefill = prefillWorkerPoint(prefillReplica, inputs.lengths);
    if (!prefill) continue;
    const handoff = kvHandoff(prefillReplica, decodeReplica, inputs.lengths.inputTokens);
    const floor = prefill.latencySeconds + handoff.seconds + decode.stepSeconds;
    const decodeCeiling = ttftTarget === undefined ? MAX_UTILIZATION_CEILING_FRACTION : utilizationCeiling(slotWait, DECODE_WAIT_SHARE * (ttftTarget - floor));
    if (decodeCeiling <= 0) continue;
    const decodeWait = slotWait(decodeCeiling);
    const ttftAt = (rho: number) => floor + decodeWait + singleServerWaitQuantileSeconds(prefill.serviceSeconds, rho, v, percentile);
    const prefillCeiling = utilizationCeiling(ttftAt, ttftTarget);
    if (prefillCeiling <= 0) continue;
    const prefillFull = PREFILL_RATE_DERATE_FRACTION * prefill.requestsPerSecond;
    const decodeFull = DECODE_RATE_DERATE_FRACTION * decode.requestsPerSecond;
    const prefillGpus = gpusPerReplica(prefillReplica);
    const decodeGpus = gpusPerReplica(decodeReplica);
    const gpuSeconds = prefillGpus / (prefillCeiling * prefillFull) + decodeGpus / (decodeCeiling * decodeFull);
    if (gpuSeconds >= bestGpuSeconds) continue;
    bestGpuSeconds = gpuSeconds;
    best = {
      accelerator: decodeReplica.accelerator,
      precision: decodeReplica.precision,
      mode: 'disaggregated',
      pools: [
        { role: 'prefill', gpusPerWorker: prefillGpus, fullRequestsPerSecond: prefillFull, ceilingFraction: prefillCeiling, sloRequestsPerSecond: prefillCeiling * prefillFull },
        { role: 'decode', gpusPerWorker: decodeGpus, fullRequestsPerSecond: decodeFull, ceilingFraction: decodeCeiling, sloRequestsPerSecond: decodeCeiling * decodeFull },
      ],
      gpusPerReplica: decodeGpus,
      prefillGpusPerWorker: prefillGpus,
      parallelism: layoutOf(decodeReplica),
      tpotMs: decode.tpotSeconds * 1000,
      ttftMs: ttftAt(prefillCeiling) * 1000,
      fixedStepFraction: decode.fixedStepFraction,
      deployUnitGpus: Math.max(1, decodeReplica.accelerator.minimumDeployableCount),
      scaleUpLagMinutes: inputs.scaleUpLagMinutes,
      basis: inputs.basis,
      kvHandoffLink: handoff.link,
      kvHandoffMs: handoff.seconds * 1000,
    };
  }
  return best;
}
