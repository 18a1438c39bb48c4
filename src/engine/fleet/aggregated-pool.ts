/**
 * One aggregated configuration: a pool of identical replicas (continuous batching, chunked prefill).
 * Full load = the SLO batch B (largest meeting TPOT and memory). TTFT at utilization rho:
 * floor (prefill alone + one step) + p-quantile wait for one of B batch slots (M/G/c, each held OSL x TPOT)
 * + p-quantile wait in the chunked-prefill queue (G/G/1, busy rho x mu x prefill time).
 */
import { aggregatedSloPoint } from '../performance/slo-operating-point.ts';
import { gpusPerReplica, type Replica } from '../performance/replica.ts';
import { layoutOf, type ConfigurationInputs } from './configuration-inputs.ts';
import { singleServerWaitQuantileSeconds, slotWaitQuantileSeconds, utilizationCeiling } from './queueing.ts';
import type { Configuration } from './types.ts';

export function aggregatedConfiguration(replica: Replica, inputs: ConfigurationInputs): Configuration | null {
  const tpotTarget = inputs.latency.tpotMs === undefined ? undefined : inputs.latency.tpotMs / 1000;
  const point = aggregatedSloPoint(replica, inputs.lengths, tpotTarget);
  if (!point) return null;
  const percentile = inputs.latency.ttftPercentile ?? 95;
  const v = inputs.variability;
  const ttftAt = (rho: number) =>
    point.ttftFloorSeconds +
    slotWaitQuantileSeconds(point.batch, point.slotHoldSeconds, rho, v, percentile) +
    singleServerWaitQuantileSeconds(point.prefillServiceSeconds, rho * point.requestsPerSecond * point.prefillServiceSeconds, v, percentile);
  const ttftTarget = inputs.latency.ttftMs === undefined ? undefined : inputs.latency.ttftMs / 1000;
  const ceiling = utilizationCeiling(ttftAt, ttftTarget);
  if (ceiling <= 0) return null;
  const gpus = gpusPerReplica(replica);
  return {
    accelerator: replica.accelerator,
    precision: replica.precision,
    mode: 'aggregated',
    pools: [{ role: 'replica', gpusPerWorker: gpus, fullRequestsPerSecond: point.requestsPerSecond, ceilingFraction: ceiling, sloRequestsPerSecond: ceiling * point.requestsPerSecond }],
    gpusPerReplica: gpus,
    parallelism: layoutOf(replica),
    tpotMs: point.tpotSeconds * 1000,
    ttftMs: ttftAt(ceiling) * 1000,
    fixedStepFraction: point.fixedStepFraction,
    prefillGpuTimeFraction: Math.min(1, point.prefillServiceSeconds * point.requestsPerSecond),
    deployUnitGpus: Math.max(1, replica.accelerator.minimumDeployableCount),
    scaleUpLagMinutes: inputs.scaleUpLagMinutes,
    basis: inputs.basis,
  };
}
