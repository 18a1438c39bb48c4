/**
 * A coarser copy of the load for screening configurations: each bucket of `bucketMinutes` takes the
 * bucket's peak (never understates demand), and the policy's lag and hysteresis are counted in buckets.
 * The search ranks configurations on it; the winners are then simulated at 1-minute steps.
 */
import { inheritRepeatPeriod } from './repeat-period.ts';
import type { PolicyParameters } from './policy-parameters.ts';
import type { LoadProfile } from './simulate-fleet.ts';
import type { Configuration } from './types.ts';

export const SCREENING_BUCKET_MINUTES = 10;

export function coarseLoad(load: LoadProfile, bucketMinutes: number): LoadProfile {
  const buckets = Math.ceil(load.requestsPerSecond.length / bucketMinutes);
  const requestsPerSecond = new Float64Array(buckets);
  for (let b = 0; b < buckets; b++) {
    let peak = 0;
    const end = Math.min(load.requestsPerSecond.length, (b + 1) * bucketMinutes);
    for (let m = b * bucketMinutes; m < end; m++) if (load.requestsPerSecond[m]! > peak) peak = load.requestsPerSecond[m]!;
    requestsPerSecond[b] = peak;
  }
  inheritRepeatPeriod(load.requestsPerSecond, requestsPerSecond, bucketMinutes);
  return { ...load, requestsPerSecond };
}

/** The configuration with its scale-up lag in buckets. */
export function coarseConfiguration(configuration: Configuration, bucketMinutes: number): Configuration {
  return { ...configuration, scaleUpLagMinutes: Math.max(1, Math.ceil(configuration.scaleUpLagMinutes / bucketMinutes)) };
}

/** The policy parameters with the hysteresis window in buckets. */
export function coarseParameters(parameters: PolicyParameters, bucketMinutes: number): PolicyParameters {
  return { ...parameters, scaleDownHysteresisMinutes: Math.max(1, Math.ceil(parameters.scaleDownHysteresisMinutes / bucketMinutes)) };
}
