/**
 * Every candidate on one platform: pick the precision, resolve the calibrated efficiencies, build the
 * configurations (capacity per worker at the SLO, once each), run every applicable policy over the load
 * in 10-minute buckets (bucket peaks) to find the cheapest configuration per (serving mode, policy), then simulate those
 * at 1-minute steps and price them.
 */
import type { SpeculativeDecoding } from '../performance/speculative.ts';
import { rentedAs } from '../fleet/deploy-unit.ts';
import { policiesFor, policyOf } from '../fleet/policies/index.ts';
import type { AdviceRequest, PolicyKind } from '../advice-types.ts';
import type { Accelerator, Model, Precision, ServingEngine } from '../catalog/types.ts';
import { fleetCost } from '../cost/fleet-cost.ts';
import type { PlatformPricing } from '../cost/platform-pricing.ts';
import { powerModel, type PowerModel } from '../cost/power.ts';
import { configurationsFor } from '../fleet/configurations.ts';
import type { Configuration } from '../fleet/types.ts';
import { coarseConfiguration, coarseParameters, SCREENING_BUCKET_MINUTES } from '../fleet/coarse-load.ts';
import { scaleUpLagMinutes, type PolicyParameters } from '../fleet/policy-parameters.ts';
import { simulateFleet, type LoadProfile } from '../fleet/simulate-fleet.ts';
import { deployedPrecision } from '../performance/memory.ts';
import type { CalibrationTable, EstimateBasis } from '../performance/calibration.ts';
import type { ReplicaSpec } from '../performance/parallelism.ts';
import { resolveEfficiencies } from '../performance/calibration.ts';
import { defaultEngine, engineProblem } from '../performance/default-engine.ts';
import { weightBytes } from '../performance/memory.ts';
import type { SloLengths } from '../performance/slo-operating-point.ts';
import { toCandidate, type Scored } from './candidate.ts';
import type { ThroughputBand } from './cost-range.ts';

export interface PlatformContext {
  readonly request: AdviceRequest;
  readonly model: Model;
  readonly lengths: SloLengths;
  readonly load: LoadProfile;
  /** The load in SCREENING_BUCKET_MINUTES buckets (bucket peaks), for ranking configurations. */
  readonly screeningLoad: LoadProfile;
  readonly calibration: CalibrationTable;
  readonly parameters: PolicyParameters;
  readonly variability: number;
  /** PUE for energy per token (owned: the request's or the catalog default; rented: the catalog default). */
  readonly powerUsageEffectiveness: number;
  /** False when the load never reaches zero: scale to zero would equal autoscaling. */
  readonly loadReachesZero: boolean;
  /** The request's speculative decoding, resolved against the catalog (speculative-settings.ts). */
  readonly speculative?: SpeculativeDecoding;
}

export type PlatformEvaluation = { readonly ok: true; readonly scored: readonly Scored[] } | { readonly ok: false; readonly reason: string };

export { defaultEngine };

/**
 * The requested precision if the chip has it, else the narrowest the chip runs natively that the model
 * can use: FP4 for models released in FP4 or FP8 (published FP4 checkpoints), FP8 for any model, BF16.
 */
export function choosePrecision(request: AdviceRequest, model: Model, accelerator: Accelerator): Precision | { readonly missing: string } {
  const supported = (p: Precision) => accelerator.denseFlopsPerSecond[p] !== undefined;
  // A precision the chip has no tensor cores for still runs weight-only (narrow weights, BF16 math).
  if (request.precision) return deployedPrecision(accelerator, request.precision) ? request.precision : { missing: `${accelerator.name} runs neither ${request.precision.toUpperCase()} nor BF16 math` };
  const usable: Precision[] = model.releasedPrecision === 'bf16' ? ['fp8', 'bf16'] : ['fp4', 'fp8', 'bf16'];
  const best = usable.find(supported);
  return best ?? { missing: `${accelerator.name} runs none of ${usable.join(', ')}` };
}

export { policiesFor } from '../fleet/policies/index.ts';

/** A platform's configurations for the request (they depend on the targets and lengths, not on the load or price). */
export interface PlatformSetup {
  readonly configurations: readonly Configuration[];
  readonly power: PowerModel;
  /** Cross-validated throughput band of the platform's estimate (calibration.ts). */
  readonly throughputBand: ThroughputBand;
}

export function evaluatePlatform(context: PlatformContext, accelerator: Accelerator, pricing: PlatformPricing): PlatformEvaluation {
  const setup = platformSetup(context, accelerator);
  if (!setup.ok) return setup;
  return { ok: true, scored: scorePlatform(context, setup, pricing) };
}

/** The replica spec a platform serves the request with: chosen precision, engine, calibrated efficiencies. */
export function replicaSpecOf(context: PlatformContext, accelerator: Accelerator): { readonly ok: true; readonly spec: ReplicaSpec; readonly basis: EstimateBasis; readonly band: ThroughputBand } | { readonly ok: false; readonly reason: string } {
  const { request, model } = context;
  const precision = choosePrecision(request, model, accelerator);
  if (typeof precision !== 'string') return { ok: false, reason: precision.missing };
  const engine = request.engine ?? defaultEngine(accelerator);
  const wrongEngine = engineProblem(engine, accelerator);
  if (wrongEngine) return { ok: false, reason: wrongEngine };
  const resolved = resolveEfficiencies(context.calibration, accelerator.id, model.id, engine);
  return { ok: true, spec: { model, accelerator, precision, engine, efficiencies: resolved.efficiencies, engineMultiplier: resolved.engineMultiplier, ...(context.speculative ? { speculative: context.speculative } : {}) }, basis: resolved.basis, band: { lowMultiplier: resolved.lowMultiplier, highMultiplier: resolved.highMultiplier } };
}

/** Precision, engine, calibrated efficiencies and every configuration of one platform, or why there are none. */
export function platformSetup(context: PlatformContext, accelerator: Accelerator): ({ readonly ok: true } & PlatformSetup) | { readonly ok: false; readonly reason: string } {
  const { request, model } = context;
  const chosen = replicaSpecOf(context, accelerator);
  if (!chosen.ok) return chosen;
  const { spec, basis } = chosen;
  const precision = spec.precision;
  const built = configurationsFor({
    spec,
    lengths: context.lengths,
    latency: request.latency,
    variability: context.variability,
    scaleUpLagMinutes: scaleUpLagMinutes(weightBytes(model, precision), context.parameters),
    basis,
  });
  if (!built.ok) return { ok: false, reason: built.reason };
  return { ok: true, configurations: built.configurations, power: powerModel(accelerator, context.powerUsageEffectiveness), throughputBand: chosen.band };
}

/**
 * The cheapest configuration per (serving mode, policy) of a platform under the context's load:
 * screened on coarse buckets, the leaders simulated at 1 minute and priced.
 */
export function scorePlatform(context: PlatformContext, setup: PlatformSetup, pricing: PlatformPricing): Scored[] {
  const power = setup.power;
  // Screen every configuration on coarse buckets, then simulate the best per (mode, policy) at 1 minute.
  const bucket = SCREENING_BUCKET_MINUTES;
  const screeningLoad = context.screeningLoad;
  const screeningParameters = coarseParameters(context.parameters, bucket);
  const leaders = new Map<string, { configuration: Configuration; scored: Scored }>();
  const policies = policiesFor(pricing, context.loadReachesZero);
  const ordered = [...setup.configurations].sort((a, b) => ceilingGpuSecondsPerRequest(a) - ceilingGpuSecondsPerRequest(b));
  for (const policy of policies) {
    for (const unrented of ordered) {
      const configuration = rentedAs(unrented, policy, pricing);
      const key = `${configuration.mode}/${policy}`;
      const incumbent = leaders.get(key)?.scored;
      if (incumbent?.candidate.meetsSlo && lowerBoundDollarsPerMillionOutput(configuration, policy, pricing, context.load, context.lengths.outputTokens) >= incumbent.candidate.effectiveDollarsPerMillionOutputTokens) continue;
      const coarse = coarseConfiguration(configuration, bucket);
      const run = simulateFleet(coarse, screeningLoad, policy, screeningParameters);
      const scored = toCandidate(coarse, run, fleetCost(run, pricing, power), pricing, context.lengths, context.parameters.sloMissAllowanceFraction);
      if (!incumbent || isBetter(scored, incumbent)) leaders.set(key, { configuration, scored });
    }
  }
  const best: Scored[] = [];
  const cost = (run: Scored['run']) => fleetCost(run, pricing, power);
  // The cost range is added after ranking, to the candidates an answer shows (cost-range.ts: withCostRanges).
  for (const { configuration, scored } of leaders.values()) {
    const run = simulateFleet(configuration, context.load, scored.run.policy, context.parameters);
    const final = toCandidate(configuration, run, cost(run), pricing, context.lengths, context.parameters.sloMissAllowanceFraction);
    best.push({ ...final, throughputBand: setup.throughputBand });
  }
  return best;
}

/** Meets the SLO first, then the lower effective $ per million output tokens. */
export function isBetter(a: Scored, b: Scored): boolean {
  if (a.candidate.meetsSlo !== b.candidate.meetsSlo) return a.candidate.meetsSlo;
  return a.candidate.effectiveDollarsPerMillionOutputTokens < b.candidate.effectiveDollarsPerMillionOutputTokens;
}

function ceilingGpuSecondsPerRequest(configuration: Configuration): number {
  let seconds = 0;
  for (const pool of configuration.pools) seconds += pool.gpusPerWorker / pool.sloRequestsPerSecond;
  return seconds;
}

/**
 * A floor under any policy's effective cost, to skip configurations that cannot win (rented only; owned
 * pays for the peak fleet and is not bounded here). Paid GPUs each minute are at least the GPUs the served
 * load needs at the ceiling (E/G <= rho*) and at least one worker per pool rounded to a deploy unit
 * (policy minimums; scale to zero excepted), so dollars >= cheapest $/GPU-hour x max(both) x hours.
 */
export function lowerBoundDollarsPerMillionOutput(configuration: Configuration, policy: PolicyKind, pricing: PlatformPricing, load: LoadProfile, outputTokens: number): number {
  if (pricing.kind === 'owned') return 0;
  const rule = policyOf(policy);
  const prices = rule.prices(pricing);
  const cheapest = Math.min(prices.base.dollarsPerGpuHour, rule.elastic ? prices.elastic.dollarsPerGpuHour : Number.POSITIVE_INFINITY);
  const minutes = load.requestsPerSecond.length;
  const meanRequestsPerSecond = load.meanRequestsPerSecond;
  if (!(meanRequestsPerSecond > 0)) return 0;
  const gpuSeconds = ceilingGpuSecondsPerRequest(configuration);
  const minimumFleetGpus = rule.minimumWorkers === 0 ? 0 : Math.ceil(configuration.pools.reduce((sum, p) => sum + p.gpusPerWorker, 0) / configuration.deployUnitGpus) * configuration.deployUnitGpus;
  const gpuHours = Math.max(minimumFleetGpus, meanRequestsPerSecond * gpuSeconds) * (minutes / 60);
  return (cheapest * gpuHours) / ((meanRequestsPerSecond * minutes * 60 * outputTokens) / 1e6);
}
