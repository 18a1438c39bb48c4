import type { BenchmarkPoint } from '../catalog/types.ts';
import { type EngineMultipliers, PRIOR_EFFICIENCIES } from './efficiency.ts';
import { type FitData, fitAllPlatforms, fittedFor, pointLogErrors } from './fit.ts';

/** One point's held-out prediction error, as log(predicted / measured). */
export interface HeldOutError {
  readonly point: BenchmarkPoint;
  readonly throughputLogError: number | null;
  readonly tpotLogError?: number;
  readonly ttftLogError?: number;
}

/** Deterministic shuffle-free fold assignment: a stable hash of the point id. */
function foldOf(id: string, folds: number): number {
  let hash = 2166136261;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 16777619);
  return (hash >>> 0) % folds;
}

/**
 * K-fold cross-validation: each point is predicted by efficiencies fitted without it.
 * `groupBy` 'point' folds by point id; 'model' holds out whole models (a harder test of the physics).
 */
export function crossValidate(data: FitData, engines: EngineMultipliers, folds: number, groupBy: 'point' | 'model' = 'point'): HeldOutError[] {
  const errors: HeldOutError[] = [];
  const groupKey = (p: BenchmarkPoint) => (groupBy === 'model' ? `${p.acceleratorId}:${p.modelId}` : p.id);
  const keys = [...new Set(data.points.map(groupKey))];
  const foldCount = Math.min(folds, keys.length);
  for (let fold = 0; fold < foldCount; fold++) {
    const isTest = (p: BenchmarkPoint) => foldOf(groupKey(p), foldCount) === fold;
    const train = data.points.filter((p) => !isTest(p));
    const test = data.points.filter(isTest);
    const fitted = fitAllPlatforms({ ...data, points: train }, engines);
    for (const point of test) {
      // A platform with no training points is predicted from the prior: its spec-only error.
      const chosen = fittedFor(fitted, point.acceleratorId, point.engine, engines);
      const e = pointLogErrors(point, data, chosen?.efficiencies ?? PRIOR_EFFICIENCIES, chosen?.engines ?? engines);
      errors.push({ point, throughputLogError: e ? e.throughput : null, tpotLogError: e?.tpot, ttftLogError: e?.ttft });
    }
  }
  return errors;
}

/** Median and 90th percentile of absolute relative error |predicted/measured - 1|. */
export function errorSummary(logErrors: readonly number[]): { count: number; medianAbsFraction: number; p90AbsFraction: number } {
  const abs = logErrors.map((e) => Math.abs(Math.exp(e) - 1)).sort((a, b) => a - b);
  const at = (q: number) => (abs.length ? abs[Math.min(abs.length - 1, Math.floor(q * abs.length))]! : Number.NaN);
  return { count: abs.length, medianAbsFraction: at(0.5), p90AbsFraction: at(0.9) };
}
