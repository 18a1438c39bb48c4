/**
 * Runs one sizing policy for one configuration over the load series (1-minute steps), pool by pool,
 * then sums what is paid and what is served. Per minute m, with G_m paid GPUs (whole deploy units):
 *   capacity_m = min over pools of (serving workers x per-worker SLO rate); served_m = min(demand_m, capacity_m);
 *   a minute where demand exceeds capacity is an SLO-miss minute (served is capped at capacity);
 *   E_m = sum over pools of served_m / fullRate x gpusPerWorker  (GPUs the served load needs at full load),
 *   N_m = the same at the SLO rate (ceiling applied), Q_m = N_m rounded up to whole workers and units (<= G_m).
 * Policies: static-peak (workers for the peak, all horizon), reactive-autoscale (min 1 worker per pool),
 * scale-to-zero (min 0), reserved-plus-burst (reserved base = workers for the demand quantile, autoscaled above).
 */
import type { PolicyKind } from '../advice-types.ts';
import { autoscaledWorkers, type AutoscaleInput, type WorkerSeries } from './autoscaler.ts';
import type { PolicyParameters } from './policy-parameters.ts';
import type { Configuration, FleetRun, Pool } from './types.ts';

/** The demand series with the statistics the policies need, computed once per request. */
export interface LoadProfile {
  readonly requestsPerSecond: Float64Array;
  readonly peakRequestsPerSecond: number;
  readonly meanRequestsPerSecond: number;
  /** Demand at the reserved-base quantile. */
  readonly baseRequestsPerSecond: number;
}

function roundUpTo(value: number, unit: number): number {
  return Math.ceil(value / unit - 1e-9) * unit;
}

function poolWorkers(pool: Pool, load: LoadProfile, policy: PolicyKind, lagMinutes: number, parameters: PolicyParameters): WorkerSeries {
  const minutes = load.requestsPerSecond.length;
  const peakWorkers = Math.max(1, Math.ceil(load.peakRequestsPerSecond / pool.sloRequestsPerSecond - 1e-9));
  if (policy === 'static-peak') {
    const fixed = new Int32Array(minutes).fill(peakWorkers);
    return { ready: fixed, paid: fixed };
  }
  const input: AutoscaleInput = {
    demandRequestsPerSecond: load.requestsPerSecond,
    workerRequestsPerSecond: pool.sloRequestsPerSecond,
    targetUtilizationFraction: parameters.targetUtilizationFraction,
    minWorkers: policy === 'scale-to-zero' ? 0 : 1,
    maxWorkers: peakWorkers,
    lagMinutes,
    hysteresisMinutes: parameters.scaleDownHysteresisMinutes,
  };
  if (policy === 'reserved-plus-burst') {
    const base = Math.min(peakWorkers, Math.max(1, Math.ceil(load.baseRequestsPerSecond / pool.sloRequestsPerSecond - 1e-9)));
    return autoscaledWorkers({ ...input, minWorkers: base });
  }
  return autoscaledWorkers(input);
}

/** Reserved workers per pool under reserved-plus-burst (the floor the autoscaler never goes below). */
function reservedGpus(configuration: Configuration, load: LoadProfile): number {
  let gpus = 0;
  for (const pool of configuration.pools) {
    const peakWorkers = Math.max(1, Math.ceil(load.peakRequestsPerSecond / pool.sloRequestsPerSecond - 1e-9));
    gpus += Math.min(peakWorkers, Math.max(1, Math.ceil(load.baseRequestsPerSecond / pool.sloRequestsPerSecond - 1e-9))) * pool.gpusPerWorker;
  }
  return roundUpTo(gpus, configuration.deployUnitGpus);
}

export function simulateFleet(configuration: Configuration, load: LoadProfile, policy: PolicyKind, parameters: PolicyParameters, withCapacity = false): FleetRun {
  const pools = configuration.pools;
  const series = pools.map((pool) => poolWorkers(pool, load, policy, configuration.scaleUpLagMinutes, parameters));
  const unit = configuration.deployUnitGpus;
  const minutes = load.requestsPerSecond.length;
  const capacitySeries = withCapacity ? new Float64Array(minutes) : undefined;
  const baseGpus = policy === 'reserved-plus-burst' ? reservedGpus(configuration, load) : 0;
  const paid = series.map((s) => s.paid);
  const ready = series.map((s) => s.ready);
  const gpusPer = Float64Array.from(pools, (p) => p.gpusPerWorker);
  const sloRate = Float64Array.from(pools, (p) => p.sloRequestsPerSecond);
  let fullGpuSecondsPerRequest = 0;
  let ceilingGpuSecondsPerRequest = 0;
  for (const pool of pools) {
    fullGpuSecondsPerRequest += pool.gpusPerWorker / pool.fullRequestsPerSecond;
    ceilingGpuSecondsPerRequest += pool.gpusPerWorker / pool.sloRequestsPerSecond;
  }
  const poolCount = pools.length;
  const demandSeries = load.requestsPerSecond;
  let paidMinutes = 0, peakGpus = 0, served = 0, demanded = 0, missMinutes = 0, rounded = 0;
  for (let m = 0; m < minutes; m++) {
    let paidGpus = 0;
    let capacity = Number.POSITIVE_INFINITY;
    for (let p = 0; p < poolCount; p++) {
      paidGpus += paid[p]![m]! * gpusPer[p]!;
      const c = ready[p]![m]! * sloRate[p]!;
      if (c < capacity) capacity = c;
    }
    const gpus = unit === 1 ? paidGpus : Math.ceil(paidGpus / unit - 1e-9) * unit;
    const demand = demandSeries[m]!;
    let servedNow = demand;
    if (demand > capacity) {
      servedNow = capacity;
      if (demand > capacity * (1 + 1e-9) + 1e-12) missMinutes++;
    }
    let wholeWorkers = 0;
    for (let p = 0; p < poolCount; p++) wholeWorkers += Math.ceil(servedNow / sloRate[p]! - 1e-9) * gpusPer[p]!;
    const wholeGpus = unit === 1 ? wholeWorkers : Math.ceil(wholeWorkers / unit - 1e-9) * unit;
    paidMinutes += gpus;
    if (gpus > peakGpus) peakGpus = gpus;
    served += servedNow;
    demanded += demand;
    rounded += wholeGpus < gpus ? wholeGpus : gpus;
    if (capacitySeries) capacitySeries[m] = capacity;
  }
  const full = served * fullGpuSecondsPerRequest;
  const ceiling = served * ceilingGpuSecondsPerRequest;
  const baseMinutes = policy === 'static-peak' ? paidMinutes : baseGpus * minutes;
  return {
    policy,
    minutes,
    baseGpuMinutes: Math.min(paidMinutes, baseMinutes),
    elasticGpuMinutes: Math.max(0, paidMinutes - baseMinutes),
    peakGpus,
    servedRequests: served * 60,
    demandedRequests: demanded * 60,
    sloMissMinutes: missMinutes,
    fullLoadGpuMinutes: full,
    ceilingGpuMinutes: ceiling,
    roundedGpuMinutes: rounded,
    peakWorkers: series.map((s) => peakOf(s.paid)),
    ...(capacitySeries ? { capacityRequestsPerSecond: capacitySeries } : {}),
  };
}

function peakOf(values: Int32Array): number {
  let peak = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > peak) peak = values[i]!;
  return peak;
}

