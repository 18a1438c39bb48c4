/**
 * One disaggregated configuration: a prefill pool and a decode pool, each scaled on its own.
 * Pool rates carry AIConfigurator's derates (0.9 prefill, 0.92 decode). TTFT at utilization rho (the same
 * ceiling for both pools): prefill alone + KV hand-off + one decode step + p-quantile prefill-queue wait
 * (G/G/1 per prefill worker) + p-quantile wait for a decode slot (M/G/c).
 */
import { DECODE_RATE_DERATE_FRACTION, PREFILL_RATE_DERATE_FRACTION, decodeWorkerPoint, kvHandoff, prefillWorkerPoint } from '../performance/disaggregated.ts';
import { gpusPerReplica, type Replica } from '../performance/replica.ts';
import { layoutOf, type ConfigurationInputs } from './configuration-inputs.ts';
import { singleServerWaitQuantileSeconds, slotWaitQuantileSeconds, utilizationCeiling } from './queueing.ts';
import type { Configuration } from './types.ts';

export function disaggregatedConfiguration(prefillReplica: Replica, decodeReplica: Replica, inputs: ConfigurationInputs): Configuration | null {
  const tpotTarget = inputs.latency.tpotMs === undefined ? undefined : inputs.latency.tpotMs / 1000;
  const decode = decodeWorkerPoint(decodeReplica, inputs.lengths, tpotTarget);
  const prefill = prefillWorkerPoint(prefillReplica, inputs.lengths);
  if (!decode || !prefill) return null;
  const handoff = kvHandoff(prefillReplica, decodeReplica, inputs.lengths.inputTokens);
  const percentile = inputs.latency.ttftPercentile ?? 95;
  const v = inputs.variability;
  const floor = prefill.latencySeconds + handoff.seconds + decode.stepSeconds;
  const ttftAt = (rho: number) =>
    floor +
    singleServerWaitQuantileSeconds(prefill.serviceSeconds, rho, v, percentile) +
    slotWaitQuantileSeconds(decode.batch, decode.slotHoldSeconds, rho, v, percentile);
  const ttftTarget = inputs.latency.ttftMs === undefined ? undefined : inputs.latency.ttftMs / 1000;
  const ceiling = utilizationCeiling(ttftAt, ttftTarget);
  if (ceiling <= 0) return null;
  const prefillFull = PREFILL_RATE_DERATE_FRACTION * prefill.requestsPerSecond;
  const decodeFull = DECODE_RATE_DERATE_FRACTION * decode.requestsPerSecond;
  const prefillGpus = gpusPerReplica(prefillReplica);
  const decodeGpus = gpusPerReplica(decodeReplica);
  return {
    accelerator: decodeReplica.accelerator,
    precision: decodeReplica.precision,
    mode: 'disaggregated',
    pools: [
      { role: 'prefill', gpusPerWorker: prefillGpus, fullRequestsPerSecond: prefillFull, ceilingFraction: ceiling, sloRequestsPerSecond: ceiling * prefillFull },
      { role: 'decode', gpusPerWorker: decodeGpus, fullRequestsPerSecond: decodeFull, ceilingFraction: ceiling, sloRequestsPerSecond: ceiling * decodeFull },
    ],
    gpusPerReplica: decodeGpus,
    prefillGpusPerWorker: prefillGpus,
    parallelism: layoutOf(decodeReplica),
    tpotMs: decode.tpotSeconds * 1000,
    ttftMs: ttftAt(ceiling) * 1000,
    fixedStepFraction: decode.fixedStepFraction,
    deployUnitGpus: Math.max(1, decodeReplica.accelerator.minimumDeployableCount),
    scaleUpLagMinutes: inputs.scaleUpLagMinutes,
    basis: inputs.basis,
    kvHandoffLink: handoff.link,
    kvHandoffMs: handoff.seconds * 1000,
  };
}
