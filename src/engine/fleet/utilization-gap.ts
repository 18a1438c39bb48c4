/**
 * Where the paid GPU-time goes, as shares of it that sum to 1 (G = paid GPU-minutes; E, N, Q from the
 * fleet run, see simulate-fleet.ts):
 * - servedFraction = E / G: GPU-time the served tokens need at full load (the SLO-limited batch). This is
 *   the mean utilization, and effective cost = full-load cost / servedFraction.
 * - latencyHeadroom = (N - E) / G: capacity held back so queueing keeps the TTFT percentile: for the
 *   needed capacity, 1 - rho*.
 * - replicaGranularity = (Q - N) / G: the needed capacity rounded up to whole workers and whole deploy
 *   units (1 GPU, an 8-GPU node, a 72-GPU rack).
 * - the rest, (G - Q) / G, is capacity the policy keeps above the rounded need (peak vs trough, scale-down
 *   hysteresis, start-up lag). With continuous batching those GPUs still run, at smaller batches. It is split:
 *   smallBatch = (G - Q) / G x f, the part spent re-paying per-step costs that do not shrink with batch
 *   (weight reads, step overhead), f = step(batch 1) / step(SLO batch); demandBelowCapacity = the remainder.
 */
import type { UtilizationGap } from '../advice-types.ts';
import type { FleetRun } from './types.ts';

export function utilizationGap(run: FleetRun, fixedStepFraction: number): UtilizationGap {
  const paid = run.baseGpuMinutes + run.elasticGpuMinutes;
  if (paid <= 0) return { servedFraction: 0, demandBelowCapacityFraction: 0, replicaGranularityFraction: 0, latencyHeadroomFraction: 0, smallBatchFraction: 0 };
  const served = run.fullLoadGpuMinutes / paid;
  const latency = Math.max(0, run.ceilingGpuMinutes - run.fullLoadGpuMinutes) / paid;
  const granularity = Math.max(0, run.roundedGpuMinutes - run.ceilingGpuMinutes) / paid;
  const rest = Math.max(0, 1 - served - latency - granularity);
  const smallBatch = rest * Math.min(1, Math.max(0, fixedStepFraction));
  return {
    servedFraction: served,
    demandBelowCapacityFraction: rest - smallBatch,
    replicaGranularityFraction: granularity,
    latencyHeadroomFraction: latency,
    smallBatchFraction: smallBatch,
  };
}
