/**
 * Effective $ per million output tokens against mean load, for the leading platforms: the same load shape
 * scaled so its mean is 10 %, 20 % ... 100 % of the recommended fleet's capacity (peak GPUs x requests/s
 * per GPU at the SLO). Two lines per platform: re-sized at each load by the same policy simulation as the
 * report (it steps where whole units are added), and the fleet sized for your load held fixed
 * (fixed-fleet-curve.ts: cost / utilization, never rising with load). The user's own load is added as a
 * point of the recommended platform's fixed-fleet line, so the "You" marker lies on it exactly (on the
 * re-sized line the user's point is the report's own figure: the same simulation at scale 1).
 */
import { inheritRepeatPeriod } from '../fleet/repeat-period.ts';
import type { CostCurve } from '../advice-types.ts';
import type { FleetRun } from '../fleet/types.ts';
import { simulateFleet, type LoadProfile } from '../fleet/simulate-fleet.ts';
import type { PolicyParameters } from '../fleet/policy-parameters.ts';
import type { Configuration } from '../fleet/types.ts';
import type { FleetCost } from './fleet-cost.ts';
import { coversPeakUpToLoadFraction, fixedFleetCurve } from './fixed-fleet-curve.ts';

export const COST_CURVE_LOAD_FRACTIONS: readonly number[] = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

export interface CurveEntry {
  readonly platform: string;
  readonly configuration: Configuration;
  readonly policy: FleetRun['policy'];
  readonly cost: (run: FleetRun) => FleetCost;
  /** GPUs of the fleet sized for the user's load (its peak): the fixed-fleet line. */
  readonly fixedFleetGpus?: number;
}

export function scaleLoad(load: LoadProfile, factor: number): LoadProfile {
  const requestsPerSecond = new Float64Array(load.requestsPerSecond.length);
  for (let m = 0; m < requestsPerSecond.length; m++) requestsPerSecond[m] = load.requestsPerSecond[m]! * factor;
  // Each minute is scaled alike, so the copy repeats exactly where the original does.
  inheritRepeatPeriod(load.requestsPerSecond, requestsPerSecond);
  return { requestsPerSecond, peakRequestsPerSecond: load.peakRequestsPerSecond * factor, meanRequestsPerSecond: load.meanRequestsPerSecond * factor, baseRequestsPerSecond: load.baseRequestsPerSecond * factor };
}

/** The curve's load fractions, with `extra` (the user's own) merged in order when given. */
function fractionsWith(extra: number | undefined): number[] {
  if (extra === undefined || !(extra > 0) || COST_CURVE_LOAD_FRACTIONS.some((f) => Math.abs(f - extra) < 1e-9)) return [...COST_CURVE_LOAD_FRACTIONS];
  return [...COST_CURVE_LOAD_FRACTIONS, extra].sort((a, b) => a - b);
}

/** `operating`: the recommended platform and the user's own load fraction, added to its fixed-fleet line. */
export function costCurve(entries: readonly CurveEntry[], load: LoadProfile, meanRequestsPerSecond: number, referenceRequestsPerSecond: number, outputTokens: number, parameters: PolicyParameters, operating?: { readonly platform: string; readonly loadFraction: number }): CostCurve[] {
  if (!(meanRequestsPerSecond > 0) || !(referenceRequestsPerSecond > 0)) return [];
  return entries.map((entry) => {
    const fractions = fractionsWith(entry.platform === operating?.platform ? operating.loadFraction : undefined);
    const points = COST_CURVE_LOAD_FRACTIONS.map((f) => {
      const run = simulateFleet(entry.configuration, scaleLoad(load, (f * referenceRequestsPerSecond) / meanRequestsPerSecond), entry.policy, parameters);
      const tokens = run.servedRequests * outputTokens;
      return { loadFraction: f, effectiveDollarsPerMillionOutputTokens: tokens > 0 ? entry.cost(run).dollars / (tokens / 1e6) : Number.POSITIVE_INFINITY };
    });
    const gpus = entry.fixedFleetGpus;
    if (gpus === undefined || !(gpus > 0)) return { platform: entry.platform, points };
    return {
      platform: entry.platform,
      points,
      fixedFleet: {
        gpus,
        points: fixedFleetCurve(entry.configuration, gpus, entry.cost, load, referenceRequestsPerSecond, outputTokens, fractions),
        coversPeakUpToLoadFraction: coversPeakUpToLoadFraction(entry.configuration, gpus, load, referenceRequestsPerSecond),
      },
    };
  });
}
