import type { BenchmarkPoint, Catalog, ServingEngine } from '../catalog/types.ts';
import type { CalibrationTable, PlatformCalibration } from './calibration.ts';
import { type HeldOutError, crossValidate, errorSummary } from './cross-validate.ts';
import { PRIOR_ENGINE_MULTIPLIERS } from './efficiency.ts';
import { type FitData, fitAllPlatforms } from './fit.ts';

export interface CalibrationReport {
  readonly byPoint: readonly HeldOutError[];
  readonly byModel: readonly HeldOutError[];
}

/**
 * Accelerators whose rows came in after the 2026-11-26 fit (issue 26 import) and wait for the next refit:
 * Trainium (gen 1)'s Neuron rows are predicted 2.7x off on TTFT by the current fit, like Inferentia2's.
 */
const PENDING_REFIT_ACCELERATORS: ReadonlySet<string> = new Set(['trainium1']);

/**
 * The catalog's benchmark points the model can represent (known ids, a precision the chip supports).
 * Rows of a model whose architecture is itself an estimate (source basis `estimate`: GLM-5.x, MiniMax-M3,
 * Qwen3.6/3.8, Nemotron 3, DeepSeek-V4) stay out: fitting them would fold architecture guesses into the
 * platform's efficiencies.
 */
export function usablePoints(catalog: Catalog): BenchmarkPoint[] {
  const accelerators = new Map(catalog.accelerators.map((a) => [a.id, a]));
  const models = new Set(catalog.models.filter((m) => m.source.basis !== 'estimate').map((m) => m.id));
  return catalog.benchmarks.filter((p) => {
    const accelerator = accelerators.get(p.acceleratorId);
    // A "saturated" row that reports latency was measured at a concurrency the record does not give
    // (llmperf/guidellm max-throughput runs): the model cannot reproduce its conditions.
    const unrepresentable = p.scenario === 'saturated' && (p.ttftMs !== undefined || p.tpotMs !== undefined);
    return accelerator && !PENDING_REFIT_ACCELERATORS.has(accelerator.id) && models.has(p.modelId) && accelerator.denseFlopsPerSecond[p.precision] !== undefined && !unrepresentable;
  });
}

export function fitDataOf(catalog: Catalog): FitData {
  return {
    points: usablePoints(catalog),
    models: new Map(catalog.models.map((m) => [m.id, m])),
    accelerators: new Map(catalog.accelerators.map((a) => [a.id, a])),
  };
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : 1;
}

/** Fit on everything, cross-validate for the reported error and the ranges, and build the table. */
export function buildCalibrationTable(catalog: Catalog, fittedOn: string): { table: CalibrationTable; report: CalibrationReport } {
  const data = fitDataOf(catalog);
  const engines = PRIOR_ENGINE_MULTIPLIERS;
  const byPoint = crossValidate(data, engines, 10, 'point');
  const byModel = crossValidate(data, engines, 10, 'model');
  const fitted = fitAllPlatforms(data, engines);
  const platforms: Record<string, PlatformCalibration> = {};
  const platformEngines: Record<string, Partial<Record<ServingEngine, PlatformCalibration>>> = {};
  const ratiosOf = (keep: (p: BenchmarkPoint) => boolean) =>
    byModel.filter((e) => keep(e.point) && e.throughputLogError !== null).map((e) => Math.exp(e.throughputLogError!)).sort((a, b) => a - b);
  for (const [key, efficiencies] of fitted) {
    const [platform, engine] = key.split('|') as [string, ServingEngine | undefined];
    const keep = (p: BenchmarkPoint) => p.acceleratorId === platform && (engine === undefined || p.engine === engine);
    const points = data.points.filter(keep);
    let ratios = ratiosOf(keep);
    // Too few held-out ratios for a range of its own: use the platform's.
    if (ratios.length < 5) ratios = ratiosOf((p) => p.acceleratorId === platform);
    const calibration: PlatformCalibration = {
      efficiencies,
      pointCount: points.length,
      modelIds: [...new Set(points.map((p) => p.modelId))].sort(),
      ratioP10: quantile(ratios, 0.1),
      ratioP90: quantile(ratios, 0.9),
    };
    if (engine === undefined) platforms[platform] = calibration;
    else platformEngines[platform] = { ...platformEngines[platform], [engine]: calibration };
  }
  const all = byModel.filter((e) => e.throughputLogError !== null).map((e) => Math.exp(e.throughputLogError!)).sort((a, b) => a - b);
  const table: CalibrationTable = {
    fittedOn,
    benchmarkCount: data.points.length,
    platforms,
    platformEngines,
    engineMultipliers: engines,
    specOnlyRatioP10: Math.min(0.6, quantile(all, 0.05)),
    specOnlyRatioP90: Math.max(1.4, quantile(all, 0.95)),
  };
  return { table, report: { byPoint, byModel } };
}

function pct(x: number): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '-';
}

function lines(title: string, errors: readonly HeldOutError[]): string[] {
  const out = [`\n${title}`, 'platform          n  thr-med  thr-p90 | lat-n tpot-med ttft-med | infeasible'];
  const groups = new Map<string, HeldOutError[]>();
  for (const e of errors) groups.set(e.point.acceleratorId, [...(groups.get(e.point.acceleratorId) ?? []), e]);
  for (const e of errors) groups.set(`engine:${e.point.engine}`, [...(groups.get(`engine:${e.point.engine}`) ?? []), e]);
  groups.set('ALL', [...errors]);
  for (const [platform, list] of groups) {
    const saturated = list.filter((e) => e.point.scenario === 'saturated' && e.throughputLogError !== null);
    const thr = errorSummary(saturated.map((e) => e.throughputLogError!));
    const latency = list.filter((e) => e.point.scenario !== 'saturated');
    const tpot = errorSummary(latency.flatMap((e) => (e.tpotLogError === undefined ? [] : [e.tpotLogError])));
    const ttft = errorSummary(latency.flatMap((e) => (e.ttftLogError === undefined ? [] : [e.ttftLogError])));
    const infeasible = list.filter((e) => e.throughputLogError === null).length;
    out.push(`${platform.padEnd(16).slice(0, 16)} ${String(thr.count).padStart(3)}  ${pct(thr.medianAbsFraction).padStart(7)}  ${pct(thr.p90AbsFraction).padStart(7)} | ${String(latency.length).padStart(5)} ${pct(tpot.medianAbsFraction).padStart(8)} ${pct(ttft.medianAbsFraction).padStart(8)} | ${infeasible}`);
  }
  return out;
}

/** Plain-text report: per platform and overall, saturated throughput error and latency-row TPOT/TTFT error. */
export function calibrationReport(report: CalibrationReport): string {
  return [
    'Cross-validated error of predicted vs published results (|predicted/measured - 1|).',
    'thr = output tokens/s per GPU on saturated fixed-length rows; tpot/ttft on rows measured at a set concurrency or request rate.',
    ...lines('10-fold by point (each point predicted by a fit that did not see it):', report.byPoint),
    ...lines('10-fold by (platform, model) (whole models held out: the harder test):', report.byModel),
    '',
  ].join('\n');
}
