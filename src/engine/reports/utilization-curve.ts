/**
 * The utilization curve: effective $ per 1M output tokens against mean load for each leading platform,
 * and which platform degrades least under partial load. The load is the request's own shape scaled so its
 * mean is 10 % ... 100 % of the recommended fleet's capacity at the SLO (advise's cost-curve reference).
 * Two lines per platform (cost/cost-curve.ts): its fleet sized for your load held fixed (cost /
 * utilization: never rises with load), and its configuration and policy re-sized and re-priced at every
 * load (steps where a whole unit is added). The platforms advise draws are advise's curves, unchanged;
 * the best platform of every other vendor is added. Pure.
 */
import type { AdviceRequest, Assumption, CostCurve, CostCurvePoint } from '../advice-types.ts';
import { adviseInDetail, curveEntryOf, curveReference } from '../advise.ts';
import type { Catalog } from '../catalog/types.ts';
import { COST_CURVE_LOAD_FRACTIONS, costCurve } from '../cost/cost-curve.ts';
import { fleetCost } from '../cost/fleet-cost.ts';
import { powerModel } from '../cost/power.ts';
import type { CalibrationTable } from '../performance/calibration.ts';
import type { Scored } from '../recommend/candidate.ts';
import { money } from '../recommend/wording.ts';
import { bestPerPlatform, labelOf, leadingWithVendors, methodAssumption, type PlatformLabel } from './report-common.ts';

export type CurvePoint = CostCurvePoint;

export interface CurvePlatform extends PlatformLabel {
  readonly servingMode: Scored['candidate']['servingMode'];
  readonly policy: Scored['candidate']['policy'];
  /** The platform's fleet sized for your load, held fixed (see CostCurve.fixedFleet). */
  readonly fixedFleet?: CostCurve['fixedFleet'];
  /** advise's effective cost at the request's own load. */
  readonly dollarsPerMillionOutputTokensAtYourLoad: number;
  readonly fullLoadDollarsPerMillionOutputTokens: number;
  /** Re-sized at each load. */
  readonly points: readonly CurvePoint[];
  /** Re-sized cost at the lowest load drawn over cost at 100 %: how much partial load hurts (1 = not at all). */
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
  if (!context || !chosen) return { ...base, referenceRequestsPerSecond: 0, referencePlatform: null, operatingPoint: null, platforms: [], verdict: 'No platform meets the targets for this workload (see the advice for the closest miss).' };
  const best = bestPerPlatform(detail.ranked);
  const drawn = new Set(report.costCurve.map((c) => c.platform));
  const extras = leadingWithVendors(best, CURVE_REPORT_PLATFORMS).filter((s) => !drawn.has(s.candidate.platform)).slice(0, Math.max(0, CURVE_REPORT_PLATFORMS - drawn.size));
  const reference = curveReference(chosen);
  const extraCurves = costCurve(
    extras.map((s) => {
      const pricing = detail.pricings.get(s.candidate.platform)!;
      const power = powerModel(s.configuration.accelerator, context.powerUsageEffectiveness);
      return curveEntryOf(s, (run: Scored['run']) => fleetCost(run, pricing, power));
    }),
    context.load, context.load.meanRequestsPerSecond, reference, request.outputTokens, context.parameters,
  );
  const platforms: CurvePlatform[] = [...report.costCurve, ...extraCurves].map((curve) => {
    const s = best.find((b) => b.candidate.platform === curve.platform)!;
    const points = curve.points;
    const low = costAtFraction(points, COST_CURVE_LOAD_FRACTIONS[0]!);
    const full = costAtFraction(points, 1);
    return {
      ...labelOf(s.candidate),
      servingMode: s.candidate.servingMode,
      policy: s.candidate.policy,
      ...(curve.fixedFleet ? { fixedFleet: curve.fixedFleet } : {}),
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
    verdict: [verdictOf(platforms, report.costCurveOperatingPoint?.loadFraction ?? null), fixedFleetVerdict(platforms.find((p) => p.platform === chosen.candidate.platform), report.costCurveOperatingPoint?.loadFraction ?? null)].filter(Boolean).join(' '),
  };
}

/** The point at exactly `loadFraction` (one of COST_CURVE_LOAD_FRACTIONS; the user's own point sits between them). */
function costAtFraction(points: readonly CurvePoint[], loadFraction: number): number {
  return points.find((p) => Math.abs(p.loadFraction - loadFraction) < 1e-9)?.effectiveDollarsPerMillionOutputTokens ?? Number.POSITIVE_INFINITY;
}

function costAt(p: CurvePlatform, index: number): number {
  return costAtFraction(p.points, COST_CURVE_LOAD_FRACTIONS[index] ?? Number.NaN);
}

/** The recommended fleet held fixed against re-sized: the thesis line and the envelope, with their ends. */
function fixedFleetVerdict(p: CurvePlatform | undefined, you: number | null): string {
  const fixed = p?.fixedFleet;
  if (!p || !fixed) return '';
  const lowFraction = COST_CURVE_LOAD_FRACTIONS[0]!;
  const at = (f: number) => money(costAtFraction(fixed.points, f));
  const covers = Math.round(fixed.coversPeakUpToLoadFraction * 100);
  const resized = p.points.map((x) => x.effectiveDollarsPerMillionOutputTokens);
  const yours = you === null ? '' : `, ${money(costAtFraction(fixed.points, you))} at your ${Math.round(you * 100)}%`;
  const beyond = covers < 100 ? `; above ${covers}% mean load your load's peak minutes exceed it, so those points serve less than the demand` : '';
  return `Held fixed, the recommended fleet (${fixed.gpus} x ${p.shortName}) costs ${at(lowFraction)} per 1M output tokens at ${Math.round(lowFraction * 100)}% mean load${yours} and ${at(1)} at 100% (cost / utilization: it never rises with load)${beyond}. Re-sized for each load it ranges ${money(Math.min(...resized))}-${money(Math.max(...resized))}, stepping where whole units are added.`;
}

/** One line: who degrades least, and who is cheapest at low and at full load. */
function verdictOf(platforms: readonly CurvePlatform[], yourLoad: number | null): string {
  if (platforms.length === 0) return 'No platform to compare.';
  const last = COST_CURVE_LOAD_FRACTIONS.length - 1;
  const cheapestAt = (i: number) => [...platforms].sort((a, b) => costAt(a, i) - costAt(b, i))[0]!;
  // "Degrades least" only among contenders: platforms within CONTENDER_MULTIPLIER of the cheapest at full load.
  const fullFloor = Math.min(...platforms.map((p) => costAt(p, last)));
  const contenders = platforms.filter((p) => costAt(p, last) <= fullFloor * CONTENDER_MULTIPLIER);
  const steadiest = [...contenders].sort((a, b) => a.degradationMultiplier - b.degradationMultiplier);
  const first = steadiest[0]!;
  const worst = steadiest[steadiest.length - 1]!;
  const low = cheapestAt(0);
  const full = cheapestAt(last);
  const lowPercent = Math.round(COST_CURVE_LOAD_FRACTIONS[0]! * 100);
  const cheapest = low.platform === full.platform ? `${low.shortName} is cheapest from ${lowPercent}% to full load` : `${low.shortName} is cheapest at ${lowPercent}% load, ${full.shortName} at full load`;
  const you = yourLoad === null ? '' : ` (your mean load: ${Math.round(yourLoad * 100)}% of the recommended fleet's capacity at the SLO)`;
  const spread = contenders.length > 1 ? `; ${first.shortName} degrades least (${first.degradationMultiplier.toFixed(1)}x from full to ${lowPercent}% load vs ${worst.degradationMultiplier.toFixed(1)}x for ${worst.shortName}, among platforms within ${CONTENDER_MULTIPLIER}x of the cheapest at full load)` : '';
  return `${cheapest}${you}${spread}.`;
}

function curveAssumptions(): Assumption[] {
  return [
    methodAssumption('utilization curve load', "the request's load shape scaled to a mean of 10 % ... 100 % of the recommended fleet's peak capacity at the SLO; per platform two lines: its fleet sized for your load held fixed (cost / utilization), and its cheapest configuration and policy re-sized by the fleet simulation at every load"),
  ];
}
