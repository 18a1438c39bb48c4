/**
 * Runs one sizing policy for one configuration over the load series (1-minute steps), pool by pool,
 * then sums what is paid and what is served. Per minute m, with G_m paid GPUs (whole deploy units):
 *   capacity_m = min over pools of (serving workers x per-worker SLO rate); served_m = min(demand_m, capacity_m);
 *   a minute where demand exceeds capacity is an SLO-miss minute (served is capped at capacity);
 *   E_m = sum over pools of served_m / fullRate x gpusPerWorker  (GPUs the served load needs at full load),
 *   N_m = the same at the SLO rate (ceiling applied), Q_m = N_m rounded up to whole workers and units (<= G_m).
 * Policies (fleet/policies/): each says how many workers a pool runs and how many are paid at the base price.
 * When demand and fleet repeat with a period from some minute on (repeat-period.ts), the minutes after the
 * first repeated period add that period's sums again instead of being stepped through.
 */
import type { PolicyKind } from '../advice-types.ts';
import { repeatPeriodOf } from './repeat-period.ts';
import { policyOf, type ProvisioningPolicy } from './policies/index.ts';
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

/** GPUs paid at the base price the whole horizon (rounded to deploy units); the rest are elastic. */
function baseGpusOf(configuration: Configuration, load: LoadProfile, policy: ProvisioningPolicy): number {
  let gpus = 0;
  for (const pool of configuration.pools) gpus += policy.baseWorkers(pool, load) * pool.gpusPerWorker;
  return roundUpTo(gpus, configuration.deployUnitGpus);
}

export function simulateFleet(configuration: Configuration, load: LoadProfile, policy: PolicyKind, parameters: PolicyParameters, withCapacity = false): FleetRun {
  const pools = configuration.pools;
  const unit = configuration.deployUnitGpus;
  const minutes = load.requestsPerSecond.length;
  const rule = policyOf(policy);
  const { paidGpus, capacity, peakWorkers, repeatsFromMinute } = provisioned(configuration, load, rule, parameters, withCapacity);
  const capacitySeries = withCapacity ? (typeof capacity === 'number' ? new Float64Array(minutes).fill(capacity) : capacity) : undefined;
  const baseGpus = baseGpusOf(configuration, load, rule);
  const poolCount = pools.length;
  const sloRate0 = pools[0]!.sloRequestsPerSecond;
  const gpus0 = pools[0]!.gpusPerWorker;
  const sloRate1 = poolCount > 1 ? pools[1]!.sloRequestsPerSecond : 1;
  const gpus1 = poolCount > 1 ? pools[1]!.gpusPerWorker : 0;
  const demandSeries = load.requestsPerSecond;
  const constantPaid = typeof paidGpus === 'number' ? roundUpTo(paidGpus, unit) : -1;
  const constantCapacity = typeof capacity === 'number' ? capacity : -1;
  let paidMinutes = 0, peakGpus = 0, minGpus = Number.POSITIVE_INFINITY, served = 0, demanded = 0, missMinutes = 0, rounded = 0;
  // Minutes [repeatStart, repeatEnd) are one period that the rest of the horizon repeats `repeats` more times.
  const period = repeatPeriodOf(demandSeries);
  const repeatStart = period !== null && repeatsFromMinute !== null ? repeatsFromMinute : minutes;
  const repeatEnd = period !== null && repeatStart + period <= minutes ? repeatStart + period : minutes;
  const repeats = period !== null && repeatEnd < minutes ? (minutes - repeatEnd) / period : 0;
  let periodPaid = 0, periodServed = 0, periodDemanded = 0, periodMisses = 0, periodRounded = 0;
  for (let m = 0; m < repeatEnd; m++) {
    if (m === repeatStart) {
      periodPaid = paidMinutes; periodServed = served; periodDemanded = demanded; periodMisses = missMinutes; periodRounded = rounded;
    }
    const gpus = constantPaid >= 0 ? constantPaid : roundUpTo((paidGpus as Float64Array)[m]!, unit);
    const cap = constantCapacity >= 0 ? constantCapacity : (capacity as Float64Array)[m]!;
    const demand = demandSeries[m]!;
    let servedNow = demand;
    if (demand > cap) {
      servedNow = cap;
      if (demand > cap * (1 + 1e-9) + 1e-12) missMinutes++;
    }
    let whole = Math.ceil(servedNow / sloRate0 - 1e-9) * gpus0;
    if (poolCount > 1) whole += Math.ceil(servedNow / sloRate1 - 1e-9) * gpus1;
    const wholeGpus = unit === 1 ? whole : Math.ceil(whole / unit - 1e-9) * unit;
    paidMinutes += gpus;
    if (gpus > peakGpus) peakGpus = gpus;
    if (gpus < minGpus) minGpus = gpus;
    served += servedNow;
    demanded += demand;
    rounded += wholeGpus < gpus ? wholeGpus : gpus;
  }
  if (repeats > 0) {
    paidMinutes += (paidMinutes - periodPaid) * repeats;
    served += (served - periodServed) * repeats;
    demanded += (demanded - periodDemanded) * repeats;
    missMinutes += (missMinutes - periodMisses) * repeats;
    rounded += (rounded - periodRounded) * repeats;
  }
  let fullGpuSecondsPerRequest = 0;
  let ceilingGpuSecondsPerRequest = 0;
  for (const pool of pools) {
    fullGpuSecondsPerRequest += pool.gpusPerWorker / pool.fullRequestsPerSecond;
    ceilingGpuSecondsPerRequest += pool.gpusPerWorker / pool.sloRequestsPerSecond;
  }
  const baseMinutes = Math.min(paidMinutes, baseGpus * minutes);
  return {
    policy,
    minutes,
    baseGpuMinutes: Math.min(paidMinutes, baseMinutes),
    elasticGpuMinutes: Math.max(0, paidMinutes - baseMinutes),
    peakGpus,
    minGpus: minutes > 0 ? minGpus : 0,
    servedRequests: served * 60,
    demandedRequests: demanded * 60,
    sloMissMinutes: missMinutes,
    fullLoadGpuMinutes: served * fullGpuSecondsPerRequest,
    ceilingGpuMinutes: served * ceilingGpuSecondsPerRequest,
    roundedGpuMinutes: rounded,
    peakWorkers,
    ...(capacitySeries ? { capacityRequestsPerSecond: capacitySeries } : {}),
  };
}

/**
 * Paid GPUs (before rounding to deploy units) and serving capacity (requests/s) per minute, or one number
 * each when the policy keeps them constant (static for the peak). Per-minute series are filled only as far
 * as the simulation steps (to the end of the first repeated period), or to the horizon's end when the
 * capacity series itself is wanted.
 */
function provisioned(configuration: Configuration, load: LoadProfile, policy: ProvisioningPolicy, parameters: PolicyParameters, wholeHorizon: boolean): { paidGpus: number | Float64Array; capacity: number | Float64Array; peakWorkers: number[]; repeatsFromMinute: number | null } {
  const pools = configuration.pools;
  const perPool = pools.map((pool) => policy.workers(pool, load, configuration.scaleUpLagMinutes, parameters));
  if (perPool.every((w): w is number => typeof w === 'number')) {
    return {
      paidGpus: pools.reduce((sum, pool, p) => sum + perPool[p]! * pool.gpusPerWorker, 0),
      capacity: Math.min(...pools.map((pool, p) => perPool[p]! * pool.sloRequestsPerSecond)),
      peakWorkers: perPool,
      repeatsFromMinute: 0,
    };
  }
  const minutes = load.requestsPerSecond.length;
  let repeatsFromMinute: number | null = 0;
  for (const workers of perPool) {
    if (typeof workers === 'number') continue;
    repeatsFromMinute = workers.repeatsFromMinute === null || repeatsFromMinute === null ? null : Math.max(repeatsFromMinute, workers.repeatsFromMinute);
  }
  const period = repeatPeriodOf(load.requestsPerSecond);
  const through = wholeHorizon || period === null || repeatsFromMinute === null ? minutes : Math.min(minutes, repeatsFromMinute + period);
  const paidGpus = new Float64Array(minutes);
  const capacity = new Float64Array(minutes).fill(Number.POSITIVE_INFINITY);
  const peakWorkers: number[] = [];
  pools.forEach((pool, p) => {
    const workers = perPool[p]!;
    const gpus = pool.gpusPerWorker;
    const rate = pool.sloRequestsPerSecond;
    if (typeof workers === 'number') {
      for (let m = 0; m < through; m++) {
        paidGpus[m]! += workers * gpus;
        if (workers * rate < capacity[m]!) capacity[m] = workers * rate;
      }
      peakWorkers.push(workers);
      return;
    }
    const { ready, paid } = workers;
    let peak = 0;
    for (let m = 0; m < through; m++) {
      paidGpus[m]! += paid[m]! * gpus;
      const c = ready[m]! * rate;
      if (c < capacity[m]!) capacity[m] = c;
      if (paid[m]! > peak) peak = paid[m]!;
    }
    peakWorkers.push(peak);
  });
  return { paidGpus, capacity, peakWorkers, repeatsFromMinute };
}
