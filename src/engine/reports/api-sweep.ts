/**
 * The best self-hosted cost at any mean rate, for the break-even search and its chart: the user's load
 * shape scaled to the rate (every minute x rate / mean, so peaks scale with it), then advise's own
 * per-platform search (evaluatePlatform: every configuration, every policy, priced) on the leading
 * platforms only, for speed. Flat and diurnal loads repeat every day, so one day is simulated (same cost
 * per token as the week: the autoscaler wraps the day); other shapes use the request's horizon.
 * Results are memoized by rate; each platform's configurations (which depend on the targets and lengths,
 * not on the load) are built once for all rates.
 */
import type { AdviceRequest, Candidate } from '../advice-types.ts';
import { DEFAULT_LENGTH_SPREAD_FRACTION } from '../advise.ts';
import { findAccelerator, findModel } from '../catalog/lookup.ts';
import type { Accelerator, Catalog } from '../catalog/types.ts';
import { scaleLoad } from '../cost/cost-curve.ts';
import { platformPricing, type PlatformPricing } from '../cost/platform-pricing.ts';
import { coarseLoad, SCREENING_BUCKET_MINUTES } from '../fleet/coarse-load.ts';
import { DEFAULT_POLICY_PARAMETERS, type PolicyParameters } from '../fleet/policy-parameters.ts';
import type { LoadProfile } from '../fleet/simulate-fleet.ts';
import type { CalibrationTable } from '../performance/calibration.ts';
import { platformSetup, scorePlatform, type PlatformContext } from '../recommend/evaluate-platform.ts';
import { rankCandidates } from '../recommend/rank.ts';
import { loadSeries, meanOf, peakOf, quantileOf } from '../traffic/index.ts';

export interface SweepPoint {
  readonly requestsPerSecond: number;
  /** Best SLO-meeting candidate per platform id (absent: none meets the targets at this rate). */
  readonly byPlatform: ReadonlyMap<string, Candidate>;
  /** The cheapest of them per million output tokens; null when no platform meets the targets. */
  readonly best: Candidate | null;
}

/** The best candidates at a mean rate, on the given platforms (default: all the sweep was made with). */
export type SelfHostedAt = (requestsPerSecond: number, platformIds?: readonly string[]) => SweepPoint;

/** advise's ranked candidates at one rate, on the request's own horizon: the sweep takes them as they are. */
export interface KnownPoint {
  readonly requestsPerSecond: number;
  readonly candidates: readonly Candidate[];
}

/** Horizon simulated by the sweep: one day for loads that repeat daily, else the request's. */
export function sweepHorizon(request: AdviceRequest): AdviceRequest['horizon'] {
  return request.shape.kind === 'flat' || request.shape.kind === 'diurnal' ? 'day' : request.horizon;
}

/**
 * A function of the mean rate giving the best candidate per platform at the user's load shape, over
 * `horizon` (default: sweepHorizon; 'day' screens quickly when the shape is not daily). Each (rate,
 * platform) is evaluated once; `known` gives advise's answer at the user's rate, which is not recomputed.
 */
export function selfHostedSweep(request: AdviceRequest, catalog: Catalog, calibration: CalibrationTable, platformIds: readonly string[], parameters: PolicyParameters = DEFAULT_POLICY_PARAMETERS, horizon: AdviceRequest['horizon'] = sweepHorizon(request), known?: KnownPoint): SelfHostedAt {
  const model = findModel(catalog, request.modelId);
  const platforms = new Map(platformIds
    .map((id) => findAccelerator(catalog, id))
    .filter((a): a is Accelerator => a !== undefined)
    .map((accelerator) => ({ accelerator, pricing: platformPricing(request, catalog, accelerator) }))
    .filter((p): p is { accelerator: Accelerator; pricing: PlatformPricing } => !('missing' in p.pricing))
    .map((p) => [p.accelerator.id, p]));
  const shape = loadProfileOf(loadSeries(request.meanRequestsPerSecond, request.shape, horizon).requestsPerSecond, parameters);
  const cache = new Map<number, { context: PlatformContext | null; results: Map<string, Candidate | null> }>();
  if (known) cache.set(known.requestsPerSecond, { context: null, results: new Map(platformIds.map((id) => [id, known.candidates.find((c) => c.platform === id && c.meetsSlo) ?? null])) });
  const setups = new Map<string, PlatformSetupResult>();
  const setupOf = (context: PlatformContext, accelerator: Accelerator): PlatformSetupResult => {
    let setup = setups.get(accelerator.id);
    if (!setup) setups.set(accelerator.id, (setup = platformSetup(context, accelerator)));
    return setup;
  };
  return (requestsPerSecond, ids = platformIds) => {
    let entry = cache.get(requestsPerSecond);
    if (!entry) {
      const usable = model && shape.meanRequestsPerSecond > 0 && requestsPerSecond > 0;
      entry = { context: usable ? contextAt(request, catalog, calibration, parameters, model, scaleLoad(shape, requestsPerSecond / shape.meanRequestsPerSecond)) : null, results: new Map() };
      cache.set(requestsPerSecond, entry);
    }
    const byPlatform = new Map<string, Candidate>();
    let best: Candidate | null = null;
    for (const id of ids) {
      if (!entry.results.has(id)) entry.results.set(id, evaluate(entry.context, platforms.get(id), setupOf));
      const c = entry.results.get(id);
      if (!c) continue;
      byPlatform.set(id, c);
      if (!best || c.effectiveDollarsPerMillionOutputTokens < best.effectiveDollarsPerMillionOutputTokens) best = c;
    }
    return { requestsPerSecond, byPlatform, best };
  };
}

type PlatformSetupResult = ReturnType<typeof platformSetup>;

/** advise's per-platform search at one load (evaluatePlatform, the setup shared): the platform's best SLO-meeting candidate, or null. */
function evaluate(context: PlatformContext | null, platform: { accelerator: Accelerator; pricing: PlatformPricing } | undefined, setupOf: (context: PlatformContext, accelerator: Accelerator) => PlatformSetupResult): Candidate | null {
  if (!context || !platform) return null;
  const setup = setupOf(context, platform.accelerator);
  const first = setup.ok ? rankCandidates(scorePlatform(context, setup, platform.pricing))[0] : undefined;
  return first?.candidate.meetsSlo ? first.candidate : null;
}

function loadProfileOf(series: Float64Array, parameters: PolicyParameters): LoadProfile {
  return { requestsPerSecond: series, peakRequestsPerSecond: peakOf(series), meanRequestsPerSecond: meanOf(series), baseRequestsPerSecond: quantileOf(series, parameters.reservedBaseQuantile) };
}

/** The platform context advise builds (advise.ts step 1), at a scaled load. */
function contextAt(request: AdviceRequest, catalog: Catalog, calibration: CalibrationTable, parameters: PolicyParameters, model: NonNullable<ReturnType<typeof findModel>>, load: LoadProfile): PlatformContext {
  const spread = request.lengthSpreadFraction ?? DEFAULT_LENGTH_SPREAD_FRACTION;
  let min = Number.POSITIVE_INFINITY;
  for (let m = 0; m < load.requestsPerSecond.length; m++) if (load.requestsPerSecond[m]! < min) min = load.requestsPerSecond[m]!;
  return {
    request: { ...request, meanRequestsPerSecond: load.meanRequestsPerSecond },
    model,
    lengths: { inputTokens: request.inputTokens, outputTokens: request.outputTokens, prefillTokens: Math.max(1, request.inputTokens * (1 - (request.prefixCacheHitFraction ?? 0))) },
    load,
    screeningLoad: coarseLoad(load, SCREENING_BUCKET_MINUTES),
    calibration,
    parameters,
    variability: (1 + spread * spread) / 2,
    powerUsageEffectiveness: request.pricing.kind === 'owned' ? (request.pricing.powerUsageEffectiveness ?? catalog.energy.powerUsageEffectiveness.value) : catalog.energy.powerUsageEffectiveness.value,
    loadReachesZero: min <= 0,
  };
}
