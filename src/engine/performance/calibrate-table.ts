import type { BenchmarkPoint, Catalog, ServingEngine } from '../catalog/types.ts';
import { type CalibrationTable, type HeldOutBand, type HeldOutBands, type PlatformCalibration, platformFamily } from './calibration.ts';
import { type HeldOutError, crossValidate, errorSummary, sourceOf } from './cross-validate.ts';
import { PRIOR_ENGINE_MULTIPLIERS } from './efficiency.ts';
import { type FitData, fitAllPlatforms } from './fit.ts';

export interface CalibrationReport {
  /** Leave-one-source-out: the headline, and the error the ranges are built from. */
  readonly bySource: readonly HeldOutError[];
  /** Leave-one-model-out. */
  readonly byModel: readonly HeldOutError[];
  /** 10-fold by point: shares each publication's tables with what it scores, so it is optimistic. */
  readonly byPoint: readonly HeldOutError[];
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
    ...(catalog.speculativeMethods ? { speculativeMethods: catalog.speculativeMethods } : {}),
  };
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : 1;
}

/** Rows below which a platform or family has no band of its own and borrows the wider group's. */
const MIN_BAND_ROWS = 12;

type Kind = keyof HeldOutBands;

/** Held-out predicted/measured ratios of one kind: saturated throughput, or partial-load throughput/TPOT/TTFT. */
function ratiosOfKind(errors: readonly HeldOutError[], kind: Kind): number[] {
  const logs = errors.flatMap((e): number[] => {
    const partial = e.point.scenario !== 'saturated';
    if (kind === 'saturatedThroughput') return !partial && e.throughputLogError !== null ? [e.throughputLogError] : [];
    if (!partial) return [];
    if (kind === 'partialLoadThroughput') return e.throughputLogError !== null ? [e.throughputLogError] : [];
    if (kind === 'partialLoadTpot') return e.tpotLogError !== undefined ? [e.tpotLogError] : [];
    return e.ttftLogError !== undefined ? [e.ttftLogError] : [];
  });
  return logs.map(Math.exp).sort((a, b) => a - b);
}

function bandOf(ratios: readonly number[]): HeldOutBand {
  return { ratioP10: quantile(ratios, 0.1), ratioP90: quantile(ratios, 0.9), count: ratios.length };
}

const KINDS: readonly Kind[] = ['saturatedThroughput', 'partialLoadThroughput', 'partialLoadTpot', 'partialLoadTtft'];

/** Bands of every kind over all held-out rows, and per platform family where it has enough rows of a kind. */
function heldOutBands(errors: readonly HeldOutError[], familyOf: (acceleratorId: string) => string): NonNullable<CalibrationTable['heldOutBands']> {
  const all = Object.fromEntries(KINDS.map((k) => [k, bandOf(ratiosOfKind(errors, k))])) as unknown as HeldOutBands;
  const byFamily: Record<string, Partial<HeldOutBands>> = {};
  for (const family of new Set(errors.map((e) => familyOf(e.point.acceleratorId)))) {
    const own = errors.filter((e) => familyOf(e.point.acceleratorId) === family);
    const bands: Partial<Record<Kind, HeldOutBand>> = {};
    for (const kind of KINDS) {
      const ratios = ratiosOfKind(own, kind);
      if (ratios.length >= MIN_BAND_ROWS) bands[kind] = bandOf(ratios);
    }
    byFamily[family] = bands;
  }
  return { all, byFamily };
}

/**
 * Fit on everything; report leave-one-source-out, leave-one-model-out and 10-fold-by-point error; build
 * the table with ranges from the leave-one-source-out errors (a new publication is what the product
 * meets), per platform where it has enough held-out saturated rows, else its family's, else all rows'.
 */
export function buildCalibrationTable(catalog: Catalog, fittedOn: string): { table: CalibrationTable; report: CalibrationReport } {
  const data = fitDataOf(catalog);
  const engines = PRIOR_ENGINE_MULTIPLIERS;
  const bySource = crossValidate(data, engines, 0, 'source');
  const byModel = crossValidate(data, engines, 0, 'model');
  const byPoint = crossValidate(data, engines, 10, 'point');
  const fitted = fitAllPlatforms(data, engines);
  const vendorOf = new Map(catalog.accelerators.map((a) => [a.id, platformFamily(a)]));
  const familyOf = (id: string) => vendorOf.get(id) ?? 'other';
  const platforms: Record<string, PlatformCalibration> = {};
  const platformEngines: Record<string, Partial<Record<ServingEngine, PlatformCalibration>>> = {};
  const saturatedRatios = (keep: (p: BenchmarkPoint) => boolean) => ratiosOfKind(bySource.filter((e) => keep(e.point)), 'saturatedThroughput');
  for (const [key, efficiencies] of fitted) {
    const [platform, engine] = key.split('|') as [string, ServingEngine | undefined];
    const keep = (p: BenchmarkPoint) => p.acceleratorId === platform && (engine === undefined || p.engine === engine);
    const points = data.points.filter(keep);
    let ratios = saturatedRatios(keep);
    if (ratios.length < MIN_BAND_ROWS) ratios = saturatedRatios((p) => p.acceleratorId === platform);
    if (ratios.length < MIN_BAND_ROWS) ratios = saturatedRatios((p) => familyOf(p.acceleratorId) === familyOf(platform));
    if (ratios.length < MIN_BAND_ROWS) ratios = saturatedRatios(() => true);
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
  const all = saturatedRatios(() => true);
  const table: CalibrationTable = {
    fittedOn,
    benchmarkCount: data.points.length,
    platforms,
    platformEngines,
    engineMultipliers: engines,
    specOnlyRatioP10: Math.min(0.6, quantile(all, 0.05)),
    specOnlyRatioP90: Math.max(1.4, quantile(all, 0.95)),
    heldOutBands: heldOutBands(bySource, familyOf),
  };
  return { table, report: { bySource, byModel, byPoint } };
}

/** Which serving settings a row ran with, as read from its notes at import. */
export function servingSettingsOf(point: BenchmarkPoint): 'speculative' | 'shared-prefix' | 'plain' {
  return point.speculative ? 'speculative' : point.prefixCacheHitFraction ? 'shared-prefix' : 'plain';
}

function pct(x: number): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '-';
}

function lines(title: string, errors: readonly HeldOutError[], perSource = false): string[] {
  const out = [`\n${title}`, 'platform          n  thr-med  thr-p90 | lat-n tpot-med ttft-med | infeasible'];
  const groups = new Map<string, HeldOutError[]>();
  const add = (key: string, e: HeldOutError) => groups.set(key, [...(groups.get(key) ?? []), e]);
  for (const e of errors) add(e.point.acceleratorId, e);
  for (const e of errors) add(`engine:${e.point.engine}`, e);
  // Rows run with speculative decoding or a shared-prefix dataset, reported apart (issue 24).
  for (const e of errors) add(`settings:${servingSettingsOf(e.point)}`, e);
  if (perSource) for (const e of errors) add(`src:${sourceOf(e.point)}`, e);
  groups.set('ALL', [...errors]);
  for (const [platform, list] of groups) {
    const saturated = list.filter((e) => e.point.scenario === 'saturated' && e.throughputLogError !== null);
    const thr = errorSummary(saturated.map((e) => e.throughputLogError!));
    const latency = list.filter((e) => e.point.scenario !== 'saturated');
    const tpot = errorSummary(latency.flatMap((e) => (e.tpotLogError === undefined ? [] : [e.tpotLogError])));
    const ttft = errorSummary(latency.flatMap((e) => (e.ttftLogError === undefined ? [] : [e.ttftLogError])));
    const infeasible = list.filter((e) => e.throughputLogError === null).length;
    out.push(`${platform.startsWith('src:') ? `${platform}\n${''.padEnd(16)}` : platform.padEnd(16).slice(0, 16)} ${String(thr.count).padStart(3)}  ${pct(thr.medianAbsFraction).padStart(7)}  ${pct(thr.p90AbsFraction).padStart(7)} | ${String(latency.length).padStart(5)} ${pct(tpot.medianAbsFraction).padStart(8)} ${pct(ttft.medianAbsFraction).padStart(8)} | ${infeasible}`);
  }
  return out;
}

/** Plain-text report: per platform and overall, saturated throughput error and latency-row TPOT/TTFT error. */
export function calibrationReport(report: CalibrationReport): string {
  return [
    'Held-out error of predicted vs published results (|predicted/measured - 1|).',
    'thr = output tokens/s per GPU on saturated fixed-length rows; tpot/ttft on rows measured at a set concurrency or request rate.',
    ...lines('HEADLINE: leave-one-source-out (each publication predicted by a fit that saw none of its rows):', report.bySource, true),
    ...lines('Leave-one-model-out (each model predicted by a fit that saw it on no platform):', report.byModel),
    ...lines('10-fold by point (optimistic: folds share each publication\'s tables):', report.byPoint),
    '',
  ].join('\n');
}
