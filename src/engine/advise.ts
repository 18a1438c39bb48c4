/**
 * advise(request, catalog, calibration) -> AdviceReport: what the workload really costs on every priced
 * platform, and where to run it.
 *
 * 1. Build the load: mean requests/s x shape over a day or a week, at 1-minute steps.
 * 2. For every allowed platform with a price: every configuration (aggregated or disaggregated, each
 *    replica size that fits) with its per-worker capacity at the SLO (TPOT batch, TTFT ceiling rho*).
 * 3. Run each sizing policy over the load (cheap arithmetic per minute), price it, account for the
 *    utilization gap, and keep the cheapest configuration per platform, mode and policy.
 * 4. Recommend the cheapest candidate that meets the SLO, the best on another vendor, and say why.
 * Pure: no I/O, no clock, no randomness.
 */
import { resolveSpeculative } from './performance/speculative-settings.ts';
import type { SpeculativeDecoding } from './performance/speculative.ts';
import type { AdviceReport, AdviceRequest, Assumption, Reason } from './advice-types.ts';
import { findModel } from './catalog/lookup.ts';
import type { Accelerator, Catalog, Model } from './catalog/types.ts';
import { costCurve, type CurveEntry } from './cost/cost-curve.ts';
import { fleetCost } from './cost/fleet-cost.ts';
import { platformPricing, type PlatformPricing } from './cost/platform-pricing.ts';
import { powerModel } from './cost/power.ts';
import { coarseLoad, SCREENING_BUCKET_MINUTES } from './fleet/coarse-load.ts';
import { DEFAULT_POLICY_PARAMETERS, type PolicyParameters } from './fleet/policy-parameters.ts';
import { simulateFleet, type LoadProfile } from './fleet/simulate-fleet.ts';
import type { CalibrationTable } from './performance/calibration.ts';
import type { SloLengths } from './performance/slo-operating-point.ts';
import { assumptionsOf } from './recommend/assumptions.ts';
import { sloRequestsPerSecondPerGpu, type Scored } from './recommend/candidate.ts';
import { evaluatePlatform, type PlatformContext } from './recommend/evaluate-platform.ts';
import { rankCandidates, recommendationOf, runnerUpOtherVendor } from './recommend/rank.ts';
import { policyReason, runnerUpReason, servingModeReason, trustReasons, utilizationReason } from './recommend/reasons.ts';
import { withCostRanges } from './recommend/cost-range.ts';
import { headlineMetricOf } from './recommend/headline-metric.ts';
import { priceOverrideReasons } from './recommend/price-override-reason.ts';
import { scaleToZeroReason } from './recommend/scale-to-zero-reason.ts';
import { ownedCostReason } from './recommend/owned-cost-reason.ts';
import { allowedPlatforms } from './recommend/allowed-platforms.ts';
import { loadSeries, meanOf, peakOf, quantileOf } from './traffic/index.ts';
import { withApiComparison } from './reports/api-comparison.ts';

/** Coefficient of variation of request lengths when the request gives none (estimate, in assumptions). */
export const DEFAULT_LENGTH_SPREAD_FRACTION = 0.5;
/** Platforms drawn in the cost curve. */
const CURVE_PLATFORMS = 4;

export function advise(request: AdviceRequest, catalog: Catalog, calibration: CalibrationTable, parameters: PolicyParameters = DEFAULT_POLICY_PARAMETERS): AdviceReport {
  return adviseInDetail(request, catalog, calibration, parameters).report;
}

/** What advise saw on the way to its report: the ranked candidates with their configurations and runs, the context, the prices. */
export interface AdviceDetail {
  readonly report: AdviceReport;
  readonly ranked: readonly Scored[];
  readonly context: PlatformContext | null;
  readonly pricings: ReadonlyMap<string, PlatformPricing>;
}

/** The context every platform is evaluated in: lengths, the load at 1 minute and in screening buckets, queue variability, PUE. */
export function platformContextOf(request: AdviceRequest, catalog: Catalog, calibration: CalibrationTable, parameters: PolicyParameters, model: Model, series: Float64Array): PlatformContext {
  const spread = request.lengthSpreadFraction ?? DEFAULT_LENGTH_SPREAD_FRACTION;
  const lengths: SloLengths = {
    inputTokens: request.inputTokens,
    outputTokens: request.outputTokens,
    prefillTokens: Math.max(1, request.inputTokens * (1 - (request.prefixCacheHitFraction ?? 0))),
  };
  const load = loadProfileOf(series, parameters);
  return {
    request, model, lengths, load, calibration, parameters,
    screeningLoad: coarseLoad(load, SCREENING_BUCKET_MINUTES),
    variability: (1 + spread * spread) / 2,
    powerUsageEffectiveness: request.pricing.kind === 'owned' ? (request.pricing.powerUsageEffectiveness ?? catalog.energy.powerUsageEffectiveness.value) : catalog.energy.powerUsageEffectiveness.value,
    loadReachesZero: minOf(series) <= 0,
    ...speculativeOf(request, catalog),
  };
}

/** The request's speculative decoding as the replicas run it (build-workload has refused what cannot resolve). */
function speculativeOf(request: AdviceRequest, catalog: Catalog): { speculative?: SpeculativeDecoding } {
  const resolution = request.speculative ? resolveSpeculative(request.speculative, catalog) : undefined;
  return resolution?.ok ? { speculative: resolution.resolved.decoding } : {};
}

/** `advise`, keeping the ranked candidates (with configurations and runs) for reports that look further. */
export function adviseInDetail(request: AdviceRequest, catalog: Catalog, calibration: CalibrationTable, parameters: PolicyParameters = DEFAULT_POLICY_PARAMETERS): AdviceDetail {
  const series = loadSeries(request.meanRequestsPerSecond, request.shape, request.horizon).requestsPerSecond;
  const model = findModel(catalog, request.modelId);
  if (!model) return { report: emptyReport(request, series, [{ code: 'unknown-model', facts: { modelId: request.modelId } }]), ranked: [], context: null, pricings: new Map() };
  const spread = request.lengthSpreadFraction ?? DEFAULT_LENGTH_SPREAD_FRACTION;
  const context = platformContextOf(request, catalog, calibration, parameters, model, series);
  const load = context.load;
  const infeasible: { platform: string; reason: string }[] = [];
  const pricings = new Map<string, PlatformPricing>();
  const scored: Scored[] = [];
  for (const accelerator of allowedPlatforms(request, catalog)) {
    const pricing = platformPricing(request, catalog, accelerator);
    if ('missing' in pricing) {
      infeasible.push({ platform: accelerator.id, reason: pricing.missing });
      continue;
    }
    pricings.set(accelerator.id, pricing);
    const evaluation = evaluatePlatform(context, accelerator, pricing);
    if (evaluation.ok) scored.push(...evaluation.scored);
    else infeasible.push({ platform: accelerator.id, reason: evaluation.reason });
  }

  const ranked = withCostRanges(rankCandidates(scored), context, pricings);
  const chosen = recommendationOf(ranked);
  const runnerUp = runnerUpOtherVendor(ranked, chosen);
  const reasons = reasonsOf(ranked, chosen, runnerUp, context, infeasible);
  const chosenPricing = chosen ? pricings.get(chosen.candidate.platform) : undefined;
  for (const note of chosenPricing?.notes ?? []) reasons.push({ code: 'pricing-note', text: note });
  const owned = chosen ? ownedCostReason(chosenPricing, chosen.candidate.platformName) : null;
  if (owned) reasons.push(owned);
  reasons.push(...priceOverrideReasons(request, catalog, ranked, chosen, context.powerUsageEffectiveness));
  const costOf = (s: Scored) => {
    const pricing = pricings.get(s.candidate.platform)!;
    const power = powerModel(s.configuration.accelerator, context.powerUsageEffectiveness);
    return (run: Scored['run']) => fleetCost(run, pricing, power);
  };
  const report: AdviceReport = withApiComparison({
    request,
    recommendation: chosen?.candidate ?? null,
    runnerUpOtherVendor: runnerUp?.candidate ?? null,
    candidates: ranked.map((s) => s.candidate),
    reasons,
    modelName: model.name,
    headlineMetric: headlineMetricOf(request.inputTokens, request.outputTokens),
    infeasible,
    // Prices of the leading candidates (and the runner-up on another vendor); every candidate also carries its own priceSource.
    assumptions: assumptionsOf({ request, catalog, calibration, parameters, lengthSpreadFraction: spread, pricings, shown: leadingWithRunnerUp(ranked, runnerUp) }) as Assumption[],
    loadSeries: { stepMinutes: 1, requestsPerSecond: Array.from(series) },
    capacitySeries: chosen ? capacitySeriesOf(chosen, ranked, load, parameters) : [],
    ...(chosen ? { costCurveOperatingPoint: operatingPointOf(chosen, meanOf(series)) } : {}),
    costCurve: chosen ? costCurve(leadingPlatforms(ranked, CURVE_PLATFORMS).map((s) => curveEntryOf(s, costOf(s))), load, meanOf(series), curveReference(chosen), request.outputTokens, parameters, operatingPointOf(chosen, meanOf(series))) : [],
  }, catalog);
  return { report, ranked, context, pricings };
}

/** The user's point on the cost curve, and which line it lies on (a static fleet is the fixed-fleet line). */
export function operatingPointOf(chosen: Scored, meanRequestsPerSecond: number): NonNullable<AdviceReport['costCurveOperatingPoint']> {
  const c = chosen.candidate;
  return { platform: c.platform, loadFraction: meanRequestsPerSecond / curveReference(chosen), effectiveDollarsPerMillionOutputTokens: c.effectiveDollarsPerMillionOutputTokens, onLine: c.policy === 'static-peak' ? 'fixed-fleet' : 're-sized' };
}

/** A candidate as a cost-curve entry: its configuration and policy re-sized, and its peak fleet held fixed. */
export function curveEntryOf(s: Scored, cost: CurveEntry['cost']): CurveEntry {
  return { platform: s.candidate.platform, configuration: s.configuration, policy: s.run.policy, cost, fixedFleetGpus: s.candidate.peakGpuCount };
}

/** Requests/s the recommended fleet serves at its peak size within the SLO: the cost curve's 100 %. */
export function curveReference(chosen: Scored): number {
  return chosen.candidate.peakGpuCount * sloRequestsPerSecondPerGpu(chosen.configuration);
}

/** The load as the fleet simulation takes it: per-minute series with its peak, mean and reserved-base quantile. */
export function loadProfileOf(series: Float64Array, parameters: PolicyParameters): LoadProfile {
  return { requestsPerSecond: series, peakRequestsPerSecond: peakOf(series), meanRequestsPerSecond: meanOf(series), baseRequestsPerSecond: quantileOf(series, parameters.reservedBaseQuantile) };
}

function minOf(series: Float64Array): number {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < series.length; i++) if (series[i]! < min) min = series[i]!;
  return min;
}

function reasonsOf(ranked: readonly Scored[], chosen: Scored | null, runnerUp: Scored | null, context: PlatformContext, infeasible: readonly { platform: string; reason: string }[]): Reason[] {
  const request = context.request;
  if (!chosen) {
    const closest = ranked[0];
    if (closest) return [{ code: 'slo-unreachable', numbers: { sloMissMinutes: closest.candidate.sloMissMinutes }, versus: closest.candidate }];
    // Nothing was even sized: say why the first platform was refused rather than blame the targets.
    const first = infeasible[0];
    return [{ code: 'slo-unreachable', ...(first ? { numbers: { refusedPlatforms: infeasible.length }, facts: { firstRefusedPlatform: first.platform, firstRefusal: first.reason } } : {}) }];
  }
  const c = chosen.candidate;
  const recommendation: Reason = {
    code: 'recommendation',
    numbers: { effectiveDollarsPerMillionOutputTokens: c.effectiveDollarsPerMillionOutputTokens, fullLoadDollarsPerMillionOutputTokens: c.fullLoadDollarsPerMillionOutputTokens, gpuCount: c.gpuCount, peakGpuCount: c.peakGpuCount },
  };
  return [
    recommendation,
    servingModeReason(ranked, chosen, request.inputTokens),
    policyReason(ranked, chosen),
    scaleToZeroReason(ranked, chosen, context.load),
    utilizationReason(chosen, context.load.meanRequestsPerSecond / curveReference(chosen)),
    runnerUpReason(chosen, runnerUp),
    ...trustReasons(chosen),
  ].filter((r): r is Reason => r !== null);
}

/** Capacity per minute of the recommended configuration under each policy it was evaluated with. */
function capacitySeriesOf(chosen: Scored, ranked: readonly Scored[], load: LoadProfile, parameters: PolicyParameters): AdviceReport['capacitySeries'] {
  const c = chosen.candidate;
  const policies = ranked.filter((s) => s.candidate.platform === c.platform && s.candidate.servingMode === c.servingMode).map((s) => s.run.policy);
  return [...new Set(policies)].map((policy) => ({
    label: policy,
    requestsPerSecond: Array.from(simulateFleet(chosen.configuration, load, policy, parameters, true).capacityRequestsPerSecond!),
  }));
}

/** The best SLO-meeting candidate of each of the first `count` platforms. */
export function leadingPlatforms(ranked: readonly Scored[], count: number): Scored[] {
  const out: Scored[] = [];
  for (const s of ranked) {
    if (!s.candidate.meetsSlo || out.some((o) => o.candidate.platform === s.candidate.platform)) continue;
    out.push(s);
    if (out.length === count) break;
  }
  return out;
}

function emptyReport(request: AdviceRequest, series: Float64Array, reasons: Reason[]): AdviceReport {
  return {
    request, recommendation: null, runnerUpOtherVendor: null, candidates: [], reasons,
    infeasible: [], assumptions: [], loadSeries: { stepMinutes: 1, requestsPerSecond: Array.from(series) }, capacitySeries: [], costCurve: [],
  };
}

export type { Accelerator };

/** Candidates whose prices the assumptions name: the first eight, plus the runner-up on another vendor. */
function leadingWithRunnerUp<T>(ranked: readonly T[], runnerUp: T | null | undefined): T[] {
  const leading = ranked.slice(0, 8);
  return runnerUp && !leading.includes(runnerUp) ? [...leading, runnerUp] : leading;
}
