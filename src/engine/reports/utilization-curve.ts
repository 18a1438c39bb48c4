/**
 * The utilization curve: effective $ per 1M output tokens against mean load for each leading platform,
 * and which platform degrades least under partial load. The load is the request's own shape scaled so its
 * mean is 10 % ... 100 % of the recommended fleet's capacity at the SLO (advise's cost-curve reference);
 * each platform keeps its cheapest configuration and policy, re-sized and re-priced at every load by the
 * same fleet simulation (cost/cost-curve.ts). The platforms advise draws are advise's curves, unchanged;
 * the best platform of every other vendor is added. Pure.
 */
import type { AdviceRequest, Assumption } from '../advice-types.ts';
import { adviseInDetail, curveReference } from '../advise.ts';
import type { Catalog } from '../catalog/types.ts';
import { costCurve } from '../cost/cost-curve.ts';
import { fleetCost } from '../cost/fleet-cost.ts';
import { powerModel } from '../cost/power.ts';
import type { CalibrationTable } from '../performance/calibration.ts';
import type { Scored } from '../recommend/candidate.ts';
import { bestPerPlatform, labelOf, leadingWithVendors, methodAssumption, type PlatformLabel } from './report-common.ts';

export interface CurvePoint {
  /** Mean load as a fraction of the reference capacity (0..1). */
  readonly loadFraction: number;
  readonly effectiveDollarsPerMillionOutputTokens: number;
}

export interface CurvePlatform extends PlatformLabel {
  readonly servingMode: Scored['candidate']['servingMode'];
  readonly policy: Scored['candidate']['policy'];
  /** advise's effective cost at the request's own load. */
  readonly dollarsPerMillionOutputTokensAtYourLoad: number;
  readonly fullLoadDollarsPerMillionOutputTokens: number;
  readonly points: readonly CurvePoint[];
  /** Cost at the lowest load drawn over cost at 100 %: how much partial load hurts (1 = not at all). */
  readonly degradationMultiplier: number;
}

export interface UtilizationCurveReport {
  readonly kind: 'curve';
  readonly request: AdviceRequest;
  /** Requests/s at 100 %: the recommended fleet's peak GPUs x requests/s per GPU at the SLO. */
  readonly referenceRequestsPerSecond: number;
  readonly referencePlatform: string | null;
  readonly operatingPoint: { readonly platform: string; readonly loadFraction: number; readonly effectiveDollarsPerMillionOutputTokens: number } | null;
  readonly platforms: readonly CurvePlatform[];
  readonly verdict: string;
  readonly assumptions: readonly Assumption[];
}

/** Platforms drawn: advise's leading four plus other vendors' best, at most this many. */
export const CURVE_REPORT_PLATFORMS = 6;
/** Platforms within this multiple of the cheapest full-load cost compete for "degrades least". */
const CONTENDER_MULTIPLIER = 2;

export function utilizationCurveReport(request: AdviceRequest, catalog: Catalog, calibration: CalibrationTable): UtilizationCurveReport {
  const detail = adviseInDetail(request, catalog, calibration);
  const { report, context } = detail;
  const chosen = detail.ranked.find((s) => s.candidate === report.recommendation);
  const base = { kind: 'curve' as const, request, assumptions: [...curveAssumptions(), ...report.assumptions] };
  if (!context || !chosen) return { ...base, referenceRequestsPerSecond: 0, referencePlatform: null, operatingPoint: null, platforms: [], verdict: `No platform meets the targets: ${report.summary}` };
  const best = bestPerPlatform(detail.ranked);
  const drawn = new Set(report.costCurve.map((c) => c.platform));
  const extras = leadingWithVendors(best, CURVE_REPORT_PLATFORMS).filter((s) => !drawn.has(s.candidate.platform)).slice(0, Math.max(0, CURVE_REPORT_PLATFORMS - drawn.size));
  const reference = curveReference(chosen);
  const extraCurves = costCurve(
    extras.map((s) => {
      const pricing = detail.pricings.get(s.candidate.platform)!;
      const power = powerModel(s.configuration.accelerator, context.powerUsageEffectiveness);
      return { platform: s.candidate.platform, configuration: s.configuration, policy: s.run.policy, cost: (run: Scored['run']) => fleetCost(run, pricing, power) };
    }),
    context.load, context.load.meanRequestsPerSecond, reference, request.outputTokens, context.parameters,
  );
  const platforms: CurvePlatform[] = [...report.costCurve, ...extraCurves].map((curve) => {
    const s = best.find((b) => b.candidate.platform === curve.platform)!;
    const points = curve.points;
    const low = points[0]!.effectiveDollarsPerMillionOutputTokens;
    const full = points[points.length - 1]!.effectiveDollarsPerMillionOutputTokens;
    return {
      ...labelOf(s.candidate),
      servingMode: s.candidate.servingMode,
      policy: s.candidate.policy,
      dollarsPerMillionOutputTokensAtYourLoad: s.candidate.effectiveDollarsPerMillionOutputTokens,
      fullLoadDollarsPerMillionOutputTokens: s.candidate.fullLoadDollarsPerMillionOutputTokens,
      points,
      degradationMultiplier: low / full,
    };
  });
  return {
    ...base,
    referenceRequestsPerSecond: reference,
    referencePlatform: chosen.candidate.platform,
    operatingPoint: report.costCurveOperatingPoint ?? null,
    platforms,
    verdict: verdictOf(platforms, report.costCurveOperatingPoint?.loadFraction ?? null),
  };
}

function costAt(p: CurvePlatform, index: number): number {
  return p.points[index]?.effectiveDollarsPerMillionOutputTokens ?? Number.POSITIVE_INFINITY;
}

/** One line: who degrades least, and who is cheapest at low and at full load. */
function verdictOf(platforms: readonly CurvePlatform[], yourLoad: number | null): string {
  if (platforms.length === 0) return 'No platform to compare.';
  const last = platforms[0]!.points.length - 1;
  const cheapestAt = (i: number) => [...platforms].sort((a, b) => costAt(a, i) - costAt(b, i))[0]!;
  // "Degrades least" only among contenders: platforms within CONTENDER_MULTIPLIER of the cheapest at full load.
  const fullFloor = Math.min(...platforms.map((p) => costAt(p, last)));
  const contenders = platforms.filter((p) => costAt(p, last) <= fullFloor * CONTENDER_MULTIPLIER);
  const steadiest = [...contenders].sort((a, b) => a.degradationMultiplier - b.degradationMultiplier);
  const first = steadiest[0]!;
  const worst = steadiest[steadiest.length - 1]!;
  const low = cheapestAt(0);
  const full = cheapestAt(last);
  const lowPercent = Math.round(platforms[0]!.points[0]!.loadFraction * 100);
  const cheapest = low.platform === full.platform ? `${low.shortName} is cheapest from ${lowPercent} % to full load` : `${low.shortName} is cheapest at ${lowPercent} % load, ${full.shortName} at full load`;
  const you = yourLoad === null ? '' : ` (your load: ${Math.round(yourLoad * 100)} %)`;
  const spread = contenders.length > 1 ? `; ${first.shortName} degrades least (${first.degradationMultiplier.toFixed(1)}x from full to ${lowPercent} % load vs ${worst.degradationMultiplier.toFixed(1)}x for ${worst.shortName}, among platforms within ${CONTENDER_MULTIPLIER}x of the cheapest at full load)` : '';
  return `${cheapest}${you}${spread}.`;
}

function curveAssumptions(): Assumption[] {
  return [
    methodAssumption('utilization curve load', "the request's load shape scaled to a mean of 10 % ... 100 % of the recommended fleet's peak capacity at the SLO; each platform keeps its cheapest configuration and policy and is re-sized by the fleet simulation at every load"),
  ];
}
