/**
 * Scale to zero, when it was not evaluated because the load never reaches zero, but the recommended
 * fleet sits at its smallest size: say it was considered and why it cannot help, from the quietest
 * minute's demand and the replica start time.
 */
import type { Reason } from '../advice-types.ts';
import type { LoadProfile } from '../fleet/simulate-fleet.ts';
import type { Scored } from './candidate.ts';

function smallestFleetGpus(chosen: Scored): number {
  const configuration = chosen.configuration;
  const gpus = configuration.pools.reduce((sum, pool) => sum + pool.gpusPerWorker, 0);
  return Math.ceil(gpus / configuration.deployUnitGpus - 1e-9) * configuration.deployUnitGpus;
}

function quietestMinute(load: LoadProfile): number {
  let min = Number.POSITIVE_INFINITY;
  for (let m = 0; m < load.requestsPerSecond.length; m++) if (load.requestsPerSecond[m]! < min) min = load.requestsPerSecond[m]!;
  return min;
}

export function scaleToZeroReason(ranked: readonly Scored[], chosen: Scored, load: LoadProfile): Reason | null {
  const c = chosen.candidate;
  if (c.commitment === 'owned' || ranked.some((s) => s.candidate.policy === 'scale-to-zero')) return null;
  const smallest = smallestFleetGpus(chosen);
  const oneWorkerRequestsPerSecond = Math.min(...chosen.configuration.pools.map((p) => p.sloRequestsPerSecond));
  // Only where the fleet is mostly at its floor: the mean load fits in one worker of each pool.
  if ((c.minGpuCount ?? c.peakGpuCount) > smallest || load.meanRequestsPerSecond > oneWorkerRequestsPerSecond) return null;
  const quietest = quietestMinute(load);
  const lag = chosen.configuration.scaleUpLagMinutes;
  return { code: 'scale-to-zero-considered', numbers: { quietestRequestsPerSecond: quietest, scaleUpLagMinutes: lag, smallestFleetGpus: smallest } };
}
