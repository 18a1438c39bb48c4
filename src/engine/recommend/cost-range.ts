/**
 * The performance model's cross-validated band carried into dollars: the same configuration and policy,
 * its per-worker throughput at the band's low and high multipliers (calibration p10/p90, or the wider
 * spec-only band), re-sized by the same fleet simulation and re-priced. Re-sizing, not dividing, keeps the
 * whole-unit granularity honest: a 20 % slower replica may need no more GPUs, or a whole extra node.
 */
import type { CostRange } from '../advice-types.ts';
import { fleetCost, type FleetCost } from '../cost/fleet-cost.ts';
import type { PlatformPricing } from '../cost/platform-pricing.ts';
import { powerModel } from '../cost/power.ts';
import type { PolicyParameters } from '../fleet/policy-parameters.ts';
import { simulateFleet, type LoadProfile } from '../fleet/simulate-fleet.ts';
import type { Configuration, FleetRun } from '../fleet/types.ts';
import type { SloLengths } from '../performance/slo-operating-point.ts';
import { withCostRange, type Scored } from './candidate.ts';

/** Multipliers on the point estimate of throughput (low <= 1 <= high). */
export interface ThroughputBand {
  readonly lowMultiplier: number;
  readonly highMultiplier: number;
}

/** The configuration with every worker's throughput scaled by `multiplier`. */
export function withThroughput(configuration: Configuration, multiplier: number): Configuration {
  return {
    ...configuration,
    // Spelled out, in the pools' own key order, rather than spread: a spread copy gets another hidden
    // class, which threw the fleet simulation's optimized code away at each new one.
    pools: configuration.pools.map((pool) => ({ role: pool.role, gpusPerWorker: pool.gpusPerWorker, fullRequestsPerSecond: pool.fullRequestsPerSecond * multiplier, ceilingFraction: pool.ceilingFraction, sloRequestsPerSecond: pool.sloRequestsPerSecond * multiplier })),
  };
}

/** Effective $ per million output tokens at the band's ends, bracketing the point estimate. */
export function effectiveCostRange(
  configuration: Configuration, policy: FleetRun['policy'], load: LoadProfile, parameters: PolicyParameters,
  cost: (run: FleetRun) => FleetCost, outputTokens: number, band: ThroughputBand, pointDollarsPerMillionOutputTokens: number,
): CostRange {
  const at = (multiplier: number) => {
    const run = simulateFleet(withThroughput(configuration, multiplier), load, policy, parameters);
    const tokens = run.servedRequests * outputTokens;
    return tokens > 0 ? cost(run).dollars / (tokens / 1e6) : Number.POSITIVE_INFINITY;
  };
  const slow = at(band.lowMultiplier);
  const fast = at(band.highMultiplier);
  return { low: Math.min(fast, slow, pointDollarsPerMillionOutputTokens), high: Math.max(fast, slow, pointDollarsPerMillionOutputTokens) };
}

/** Candidates an answer shows get a range: the first `count` ranked and the first of each vendor (the runner-up). */
export const RANGED_CANDIDATES = 12;

export interface RangeContext {
  readonly load: LoadProfile;
  readonly parameters: PolicyParameters;
  readonly lengths: SloLengths;
  readonly powerUsageEffectiveness: number;
}

/** The ranked list with cost ranges on the candidates an answer shows (same order; ranges do not re-rank). */
export function withCostRanges(ranked: readonly Scored[], context: RangeContext, pricings: ReadonlyMap<string, PlatformPricing>, count = RANGED_CANDIDATES): Scored[] {
  const firstOfVendor = new Set<Scored>();
  const vendors = new Set<string>();
  for (const s of ranked) if (s.candidate.meetsSlo && !vendors.has(s.candidate.vendor)) { vendors.add(s.candidate.vendor); firstOfVendor.add(s); }
  return ranked.map((s, index) => {
    const pricing = pricings.get(s.candidate.platform);
    if ((index >= count && !firstOfVendor.has(s)) || !s.throughputBand || !pricing) return s;
    const power = powerModel(s.configuration.accelerator, context.powerUsageEffectiveness);
    const range = effectiveCostRange(s.configuration, s.run.policy, context.load, context.parameters, (run) => fleetCost(run, pricing, power), context.lengths.outputTokens, s.throughputBand, s.candidate.effectiveDollarsPerMillionOutputTokens);
    return withCostRange(s, range, context.lengths);
  });
}
