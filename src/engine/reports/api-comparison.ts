/**
 * The recommendation beside the cheapest hosted API at the user's load, for every advise report: the
 * difference per month and in percent, and where the leading fleets' cost curve crosses the API price.
 * Both sides per million OUTPUT tokens of the workload (the API's input tokens included, see
 * cost/api-pricing.ts). Costs nothing measurable: no simulation, only the report's own curve.
 */
import type { AdviceReport, ApiComparison, BreakEvenMissing, Reason } from '../advice-types.ts';
import { findModel } from '../catalog/lookup.ts';
import type { Catalog } from '../catalog/types.ts';
import { apiDollarsPerMonth, apiOptionsFor, cheapestApiOption, type ApiOption } from '../cost/api-pricing.ts';

/** The report with `apiComparison` and its sentence among the reasons (second when the API is cheaper, last otherwise). */
export function withApiComparison(report: AdviceReport, catalog: Catalog): AdviceReport {
  const comparison = apiComparisonOf(report, catalog);
  if (!comparison) return report;
  const reason = apiComparisonReason(comparison);
  const reasons = comparison.cheaper === 'api' ? [...report.reasons.slice(0, 1), reason, ...report.reasons.slice(1)] : [...report.reasons, reason];
  return { ...report, apiComparison: comparison, reasons };
}

/**
 * The report with its break-even replaced by `requestsPerSecond` (the api report's exact search, so the
 * advice and the api report state one number), or why there is none, and the comparison's reason re-made from it.
 */
export function withBreakEven(report: AdviceReport, requestsPerSecond: number | null, missing?: BreakEvenMissing | null): AdviceReport {
  const old = report.apiComparison;
  if (!old) return report;
  const comparison: ApiComparison = { ...old, approximateBreakEvenRequestsPerSecond: requestsPerSecond, ...(requestsPerSecond === null && missing ? { breakEvenMissing: missing } : {}) };
  const reason = apiComparisonReason(comparison);
  const reasons = report.reasons.map((r) => (r.code === 'api-cheaper' || r.code === 'self-hosting-cheaper' ? reason : r));
  return { ...report, apiComparison: comparison, reasons };
}

/** The cheapest API against the recommendation at the user's mean load; null without either. */
export function apiComparisonOf(report: AdviceReport, catalog: Catalog): ApiComparison | null {
  const chosen = report.recommendation;
  const request = report.request;
  const modelId = findModel(catalog, request.modelId)?.id ?? request.modelId;
  const options = apiOptionsFor(catalog.apiPrices, modelId, request, request.asOfDate ? { asOfDate: request.asOfDate } : {});
  const api = cheapestApiOption(options, request.latency.tpotMs);
  if (!chosen || !api || !Number.isFinite(chosen.effectiveDollarsPerMillionOutputTokens)) return null;
  const rate = meanRateOf(report);
  const apiMonth = apiDollarsPerMonth(api, rate, request.outputTokens);
  const selfMonth = chosen.dollarsPerMonth;
  const cheaper = api.effectiveDollarsPerMillionOutputTokens < chosen.effectiveDollarsPerMillionOutputTokens ? 'api' : 'self-hosted';
  return {
    provider: api.variant ? `${api.provider} (${api.variant})` : api.provider,
    apiPriceId: api.id,
    dollarsPerMillionInputTokens: api.dollarsPerMillionInputTokens,
    dollarsPerMillionOutputTokens: api.dollarsPerMillionOutputTokens,
    apiDollarsPerMillionOutputTokens: api.effectiveDollarsPerMillionOutputTokens,
    selfHostedDollarsPerMillionOutputTokens: chosen.effectiveDollarsPerMillionOutputTokens,
    apiDollarsPerMonth: apiMonth,
    selfHostedDollarsPerMonth: selfMonth,
    cheaper,
    savingFraction: cheaper === 'api' ? 1 - apiMonth / selfMonth : 1 - selfMonth / apiMonth,
    savingDollarsPerMonth: Math.abs(selfMonth - apiMonth),
    approximateBreakEvenRequestsPerSecond: curveBreakEven(report, api),
    priceAsOf: api.asOf,
    priceStale: api.stale,
    source: api.source,
  };
}

/**
 * Where min over the leading platforms of the cost curve crosses the API's $/M output, in requests/s
 * (load fraction x reference capacity, reference = mean / operating-point fraction), linear in log-log
 * between curve points, the crossing nearest the user's load; null when the curve does not cross on the side
 * of the user's load that matters. The curve keeps each platform's configuration (a re-optimized fleet can
 * only be cheaper), so this is an estimate; apiBreakEven bisects with every configuration re-optimized.
 */
export function curveBreakEven(report: AdviceReport, api: ApiOption): number | null {
  const op = report.costCurveOperatingPoint;
  if (!op || !(op.loadFraction > 0) || report.costCurve.length === 0) return null;
  const user = meanRateOf(report);
  const reference = user / op.loadFraction;
  const fractions = [...new Set(report.costCurve.flatMap((c) => c.points.map((p) => p.loadFraction)))].sort((a, b) => a - b);
  const points = fractions.map((f) => ({ rate: f * reference, cost: Math.min(...report.costCurve.map((c) => c.points.find((p) => p.loadFraction === f)?.effectiveDollarsPerMillionOutputTokens ?? Infinity)) }));
  points.push({ rate: user, cost: op.effectiveDollarsPerMillionOutputTokens });
  points.sort((a, b) => a.rate - b.rate);
  const target = api.effectiveDollarsPerMillionOutputTokens;
  const apiCheaper = op.effectiveDollarsPerMillionOutputTokens > target;
  // The crossing nearest the user's load on the side that matters: above it when the API is cheaper there, else below.
  const order = points.map((_, i) => i).filter((i) => i > 0 && (apiCheaper ? points[i - 1]!.rate >= user : points[i]!.rate <= user));
  if (!apiCheaper) order.reverse();
  for (const i of order) {
    const lo = points[i - 1]!;
    const hi = points[i]!;
    if (lo.cost > target && hi.cost <= target && Number.isFinite(lo.cost)) {
      const w = Math.log(lo.cost / target) / Math.log(lo.cost / hi.cost);
      return Math.exp(Math.log(lo.rate) + w * (Math.log(hi.rate) - Math.log(lo.rate)));
    }
  }
  return null;
}

/** Mean requests/s of the load the report simulated (a series shape ignores request.meanRequestsPerSecond). */
export function meanRateOf(report: AdviceReport): number {
  const series = report.loadSeries.requestsPerSecond;
  let sum = 0;
  for (const value of series) sum += value;
  return series.length > 0 ? sum / series.length : report.request.meanRequestsPerSecond;
}

/** The comparison as a reason record (worded by src/report-text/api-text.ts): which side is cheaper, by how much, and where it turns. */
export function apiComparisonReason(c: ApiComparison): Reason {
  const be = c.approximateBreakEvenRequestsPerSecond;
  return {
    code: c.cheaper === 'api' ? 'api-cheaper' : 'self-hosting-cheaper',
    numbers: {
      apiDollarsPerMillionOutputTokens: c.apiDollarsPerMillionOutputTokens,
      selfHostedDollarsPerMillionOutputTokens: c.selfHostedDollarsPerMillionOutputTokens,
      savingFraction: c.savingFraction,
      savingDollarsPerMonth: c.savingDollarsPerMonth,
      ...(be !== null ? { approximateBreakEvenRequestsPerSecond: be } : {}),
    },
  };
}
