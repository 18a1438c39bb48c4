import type { BenchmarkPoint } from '../catalog/types.ts';
import { type EngineMultipliers, PRIOR_EFFICIENCIES } from './efficiency.ts';
import { type FitData, fitAllPlatforms, heldOutFitFor, platformsToFit, pointLogErrors } from './fit.ts';

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
 * What a fold holds out together. 'point': single rows (10 folds); 'platform-model': whole (platform,
 * model) groups (10 folds); 'source': one publication at a time (leave-one-source-out), so no table,
 * software release or benchmark harness is shared between what is fitted and what is scored; 'model':
 * one model at a time on every platform (leave-one-model-out).
 */
export type HoldOut = 'point' | 'platform-model' | 'source' | 'model';

/**
 * The publication a row comes from: its source title up to the colon ("TensorRT-LLM perf overview
 * (v0.17)", "dstack DeepSeek-R1 inference benchmark (...)"). A table's sibling pages share the prefix.
 */
export function sourceOf(point: BenchmarkPoint): string {
  return point.source.title.split(':')[0]!.trim();
}

function groupKeyOf(holdOut: HoldOut): (p: BenchmarkPoint) => string {
  if (holdOut === 'platform-model') return (p) => `${p.acceleratorId}:${p.modelId}`;
  if (holdOut === 'source') return sourceOf;
  if (holdOut === 'model') return (p) => p.modelId;
  return (p) => p.id;
}

/**
 * Cross-validation: each point is predicted by efficiencies fitted without it (and without its fold).
 * 'point' and 'platform-model' use `folds` hashed folds; 'source' and 'model' leave one group out at a time.
 * The global constants (efficiency.ts) are fixed beforehand and not chosen per fold.
 */
export function crossValidate(data: FitData, engines: EngineMultipliers, folds: number, holdOut: HoldOut = 'point'): HeldOutError[] {
  const errors: HeldOutError[] = [];
  const groupKey = groupKeyOf(holdOut);
  const keys = [...new Set(data.points.map(groupKey))].sort();
  const leaveOneOut = holdOut === 'source' || holdOut === 'model';
  const foldCount = leaveOneOut ? keys.length : Math.min(folds, keys.length);
  const foldIndex = new Map(keys.map((k, i) => [k, leaveOneOut ? i : foldOf(k, foldCount)]));
  for (let fold = 0; fold < foldCount; fold++) {
    const isTest = (p: BenchmarkPoint) => foldIndex.get(groupKey(p)) === fold;
    const train = data.points.filter((p) => !isTest(p));
    const test = data.points.filter(isTest);
    const fitted = fitAllPlatforms({ ...data, points: train }, engines, platformsToFit(test.map((p) => p.acceleratorId)));
    for (const point of test) {
      // A platform with no training points is predicted as the product would: its sibling's fit, else the prior.
      const chosen = heldOutFitFor(fitted, point.acceleratorId, point.engine, engines);
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
