/**
 * The product's thesis as a curve: one fleet, bought for your load and held fixed while the load varies.
 * Its dollars do not change (rented) or grow only with the energy of the tokens served (owned), while the
 * tokens served grow with the load until the fleet's capacity caps them, so its cost per token
 * (= cost at full load / utilization) never rises with load. Per minute: served_m = min(demand_m, capacity),
 * capacity = GPUs x requests/s per GPU at the SLO; priced as a static fleet.
 */
import type { FleetRun } from '../fleet/types.ts';
import type { LoadProfile } from '../fleet/simulate-fleet.ts';
import type { Configuration } from '../fleet/types.ts';
import type { FleetCost } from './fleet-cost.ts';

export interface FixedFleetPoint {
  readonly loadFraction: number;
  readonly effectiveDollarsPerMillionOutputTokens: number;
}

/** Requests/s a fixed fleet of `gpus` serves within the SLO: gpus / (sum over pools of GPUs per worker / SLO rate). */
export function fixedFleetCapacityRequestsPerSecond(configuration: Configuration, gpus: number): number {
  let gpuSecondsPerRequest = 0;
  for (const pool of configuration.pools) gpuSecondsPerRequest += pool.gpusPerWorker / pool.sloRequestsPerSecond;
  return gpus / gpuSecondsPerRequest;
}

/**
 * What a fixed fleet's run reads of its configuration, read once per curve: configurations come in
 * several hidden classes, and reading them in the per-minute function threw its optimized code away.
 */
interface FixedFleetRates {
  readonly capacityRequestsPerSecond: number;
  readonly fullGpuSecondsPerRequest: number;
  readonly ceilingGpuSecondsPerRequest: number;
}

function fixedFleetRatesOf(configuration: Configuration, gpus: number): FixedFleetRates {
  let fullGpuSecondsPerRequest = 0, ceilingGpuSecondsPerRequest = 0;
  for (const pool of configuration.pools) {
    fullGpuSecondsPerRequest += pool.gpusPerWorker / pool.fullRequestsPerSecond;
    ceilingGpuSecondsPerRequest += pool.gpusPerWorker / pool.sloRequestsPerSecond;
  }
  return { capacityRequestsPerSecond: fixedFleetCapacityRequestsPerSecond(configuration, gpus), fullGpuSecondsPerRequest, ceilingGpuSecondsPerRequest };
}

/** The run of a fixed fleet of `gpus` under the demand scaled by `factor` (static: every GPU paid every minute). */
function fixedFleetRun(rates: FixedFleetRates, gpus: number, demandSeries: Float64Array, factor: number): FleetRun {
  const capacity = rates.capacityRequestsPerSecond;
  const minutes = demandSeries.length;
  let served = 0, demanded = 0, missMinutes = 0;
  for (let m = 0; m < minutes; m++) {
    const demand = demandSeries[m]! * factor;
    demanded += demand;
    served += Math.min(demand, capacity);
    if (demand > capacity * (1 + 1e-9)) missMinutes++;
  }
  return {
    policy: 'static-peak', minutes, baseGpuMinutes: gpus * minutes, elasticGpuMinutes: 0, peakGpus: gpus, minGpus: gpus,
    servedRequests: served * 60, demandedRequests: demanded * 60, sloMissMinutes: missMinutes,
    fullLoadGpuMinutes: served * rates.fullGpuSecondsPerRequest, ceilingGpuMinutes: served * rates.ceilingGpuSecondsPerRequest,
    roundedGpuMinutes: Math.min(gpus * minutes, served * rates.ceilingGpuSecondsPerRequest), peakWorkers: [],
  };
}

/**
 * Effective $ per million output tokens of the fixed fleet at each mean load, as a fraction of
 * `referenceRequestsPerSecond` (the load shape scaled, as the re-sized curve does).
 */
export function fixedFleetCurve(
  configuration: Configuration, gpus: number, cost: (run: FleetRun) => FleetCost,
  load: LoadProfile, referenceRequestsPerSecond: number, outputTokens: number, loadFractions: readonly number[],
): FixedFleetPoint[] {
  if (!(load.meanRequestsPerSecond > 0)) return [];
  const rates = fixedFleetRatesOf(configuration, gpus);
  return loadFractions.map((loadFraction) => {
    const run = fixedFleetRun(rates, gpus, load.requestsPerSecond, (loadFraction * referenceRequestsPerSecond) / load.meanRequestsPerSecond);
    const tokens = run.servedRequests * outputTokens;
    return { loadFraction, effectiveDollarsPerMillionOutputTokens: tokens > 0 ? cost(run).dollars / (tokens / 1e6) : Number.POSITIVE_INFINITY };
  });
}

/** Highest mean-load fraction of the reference at which the fixed fleet still covers the shape's peak minute. */
export function coversPeakUpToLoadFraction(configuration: Configuration, gpus: number, load: LoadProfile, referenceRequestsPerSecond: number): number {
  const peakToMean = load.peakRequestsPerSecond / load.meanRequestsPerSecond;
  return fixedFleetCapacityRequestsPerSecond(configuration, gpus) / peakToMean / referenceRequestsPerSecond;
}
