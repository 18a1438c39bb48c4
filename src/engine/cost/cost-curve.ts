/**
 * Effective $ per million output tokens against mean load, for the leading platforms: the same load shape
 * scaled so its mean is 10 %, 20 % ... 100 % of the recommended fleet's capacity (peak GPUs x requests/s
 * per GPU at the SLO), each platform sized and priced by the same policy simulation as the report.
 */
import type { AdviceReport } from '../advice-types.ts';
import type { FleetRun } from '../fleet/types.ts';
import { simulateFleet, type LoadProfile } from '../fleet/simulate-fleet.ts';
import type { PolicyParameters } from '../fleet/policy-parameters.ts';
import type { Configuration } from '../fleet/types.ts';
import type { FleetCost } from './fleet-cost.ts';

export const COST_CURVE_LOAD_FRACTIONS: readonly number[] = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

export interface CurveEntry {
  readonly platform: string;
  readonly configuration: Configuration;
  readonly policy: FleetRun['policy'];
  readonly cost: (run: FleetRun) => FleetCost;
}

export function scaleLoad(load: LoadProfile, factor: number): LoadProfile {
  const requestsPerSecond = new Float64Array(load.requestsPerSecond.length);
  for (let m = 0; m < requestsPerSecond.length; m++) requestsPerSecond[m] = load.requestsPerSecond[m]! * factor;
  return { requestsPerSecond, peakRequestsPerSecond: load.peakRequestsPerSecond * factor, meanRequestsPerSecond: load.meanRequestsPerSecond * factor, baseRequestsPerSecond: load.baseRequestsPerSecond * factor };
}

export function costCurve(entries: readonly CurveEntry[], load: LoadProfile, meanRequestsPerSecond: number, referenceRequestsPerSecond: number, outputTokens: number, parameters: PolicyParameters): AdviceReport['costCurve'] {
  if (!(meanRequestsPerSecond > 0) || !(referenceRequestsPerSecond > 0)) return [];
  const scaled = COST_CURVE_LOAD_FRACTIONS.map((f) => ({ f, load: scaleLoad(load, (f * referenceRequestsPerSecond) / meanRequestsPerSecond) }));
  return entries.map((entry) => ({
    platform: entry.platform,
    points: scaled.map(({ f, load: scaledLoad }) => {
      const run = simulateFleet(entry.configuration, scaledLoad, entry.policy, parameters);
      const tokens = run.servedRequests * outputTokens;
      return { loadFraction: f, effectiveDollarsPerMillionOutputTokens: tokens > 0 ? entry.cost(run).dollars / (tokens / 1e6) : Number.POSITIVE_INFINITY };
    }),
  }));
}
