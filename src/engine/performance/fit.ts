import type { Accelerator, BenchmarkPoint, Model, ServingEngine, SpeculativeMethodDefault } from '../catalog/types.ts';
import { type EngineMultipliers, type Efficiencies, PRIOR_EFFICIENCIES, PRIOR_ENGINE_MULTIPLIERS } from './efficiency.ts';
import { EFFICIENCY_SIBLINGS } from './calibration.ts';
import { predictBenchmark } from './predict-benchmark.ts';

/** Everything a fit needs: the points and the catalog entries they reference. */
export interface FitData {
  readonly points: readonly BenchmarkPoint[];
  readonly models: ReadonlyMap<string, Model>;
  readonly accelerators: ReadonlyMap<string, Accelerator>;
  /** Published acceptance rates for rows that ran speculative decoding without stating one. */
  readonly speculativeMethods?: readonly SpeculativeMethodDefault[];
}

type Params = [number, number, number, number];

const BOUNDS: readonly [number, number][] = [
  [Math.log(0.25), Math.log(1.0)], // memory bandwidth fraction
  [Math.log(0.1), Math.log(0.95)], // prefill compute fraction
  [Math.log(0.05), Math.log(0.95)], // decode compute fraction
  [Math.log(0.0002), Math.log(0.03)], // step overhead seconds
];

const PRIOR_LOG: Params = [
  Math.log(PRIOR_EFFICIENCIES.memoryBandwidthFraction),
  Math.log(PRIOR_EFFICIENCIES.computeFraction),
  Math.log(PRIOR_EFFICIENCIES.decodeComputeFraction),
  Math.log(PRIOR_EFFICIENCIES.stepOverheadSeconds),
];

/** Weight of the pull towards the prior, per parameter, relative to one point's squared log error. */
const PRIOR_WEIGHT = 0.5;
/**
 * Weight of a point's TTFT error relative to its throughput and TPOT errors. TTFT carries server-side
 * effects the model leaves out (queueing under unrecorded settings), so it counts for less; chosen by
 * cross-validation (0.45: TTFT median 36.0 % -> 33.6 %, TPOT 21.9 % -> 22.4 %; with whole models held
 * out TPOT 40.2 % -> 38.6 %, TTFT unchanged).
 */
const TTFT_LOSS_WEIGHT = 0.45;
/** Huber threshold on the log ratio: beyond ~35 % error a point pulls linearly, not quadratically. */
const HUBER_DELTA = 0.3;

function toEfficiencies(p: Params): Efficiencies {
  return { memoryBandwidthFraction: Math.exp(p[0]), computeFraction: Math.exp(p[1]), decodeComputeFraction: Math.exp(p[2]), stepOverheadSeconds: Math.exp(p[3]) };
}

function huber(x: number): number {
  const a = Math.abs(x);
  return a <= HUBER_DELTA ? 0.5 * x * x : HUBER_DELTA * (a - 0.5 * HUBER_DELTA);
}

/**
 * A request-rate row whose measured request throughput fell short of the offered rate was overloaded:
 * its TTFT measures the backlog of however many requests the benchmark sent, which no steady-state
 * model can reproduce, so its TTFT is left out (its throughput is still the replica's capacity).
 */
export function isOverloaded(point: BenchmarkPoint): boolean {
  if (point.scenario !== 'request-rate' || point.requestsPerSecond === undefined) return false;
  const achievedRequestsPerSecond = (point.outputTokensPerSecondPerGpu * point.gpuCount) / point.outputTokens;
  return achievedRequestsPerSecond < 0.9 * point.requestsPerSecond;
}

/** Log ratios predicted/measured for each point's metrics (throughput always; TPOT and TTFT when measured). */
export function pointLogErrors(point: BenchmarkPoint, data: FitData, efficiencies: Efficiencies, engineMultipliers: EngineMultipliers) {
  const model = data.models.get(point.modelId);
  const accelerator = data.accelerators.get(point.acceleratorId);
  if (!model || !accelerator) return null;
  const predicted = predictBenchmark(point, model, accelerator, efficiencies, engineMultipliers[point.engine] ?? 1, data.speculativeMethods);
  if (!predicted) return null;
  return {
    throughput: Math.log(predicted.outputTokensPerSecondPerGpu / point.outputTokensPerSecondPerGpu),
    tpot: point.tpotMs ? Math.log(predicted.tpotMs / point.tpotMs) : undefined,
    ttft: point.ttftMs && !isOverloaded(point) ? Math.log(predicted.ttftMs / point.ttftMs) : undefined,
  };
}

function loss(points: readonly BenchmarkPoint[], data: FitData, p: Params, engines: EngineMultipliers): number {
  const eff = toEfficiencies(p);
  let total = 0;
  for (const point of points) {
    const e = pointLogErrors(point, data, eff, engines);
    if (!e) {
      total += 2; // a measured configuration the model says cannot run is a large error
      continue;
    }
    total += huber(e.throughput);
    if (e.tpot !== undefined) total += huber(e.tpot);
    if (e.ttft !== undefined) total += TTFT_LOSS_WEIGHT * huber(e.ttft);
  }
  for (let i = 0; i < PRIOR_LOG.length; i++) total += PRIOR_WEIGHT * (p[i]! - PRIOR_LOG[i]!) ** 2;
  return total;
}

/** Coordinate descent in log space with a shrinking step: robust and cheap for three parameters. */
export function fitPlatform(points: readonly BenchmarkPoint[], data: FitData, engines: EngineMultipliers = PRIOR_ENGINE_MULTIPLIERS): Efficiencies {
  const p: Params = [...PRIOR_LOG];
  let best = loss(points, data, p, engines);
  let step = 0.4;
  for (let iteration = 0; iteration < 80 && step > 0.02; iteration++) {
    let improved = false;
    for (let i = 0; i < PRIOR_LOG.length; i++) {
      for (const direction of [1, -1]) {
        const trial: Params = [...p];
        const [lo, hi] = BOUNDS[i]!;
        trial[i] = Math.min(hi, Math.max(lo, p[i]! + direction * step));
        const value = loss(points, data, trial, engines);
        if (value < best - 1e-9) {
          best = value;
          p[i] = trial[i]!;
          improved = true;
          break;
        }
      }
    }
    if (!improved) step /= 2;
  }
  return toEfficiencies(p);
}

/** Engine multipliers of 1: for efficiencies fitted to one serving engine, which already include it. */
export const NEUTRAL_ENGINE_MULTIPLIERS: EngineMultipliers = { trtllm: 1, vllm: 1, sglang: 1, other: 1 };

/** Points a (platform, engine) pair needs before it gets efficiencies of its own. */
export const MIN_POINTS_PER_ENGINE_FIT = 8;

/** Key of a (platform, engine) fit in the map `fitAllPlatforms` returns. */
export function engineKey(acceleratorId: string, engine: ServingEngine): string {
  return `${acceleratorId}|${engine}`;
}

/**
 * Fit every platform that has points (all engines, through the prior engine multipliers), and every
 * (platform, serving engine) pair with at least MIN_POINTS_PER_ENGINE_FIT points on its own: engines
 * differ in kernels and schedulers, so a pair with enough data is not forced through a fixed ratio.
 * `onlyPlatforms` limits the work to the platforms a cross-validation fold scores.
 */
export function fitAllPlatforms(data: FitData, engines: EngineMultipliers = PRIOR_ENGINE_MULTIPLIERS, onlyPlatforms?: ReadonlySet<string>): Map<string, Efficiencies> {
  const groups = new Map<string, BenchmarkPoint[]>();
  const add = (key: string, point: BenchmarkPoint) => groups.set(key, [...(groups.get(key) ?? []), point]);
  for (const point of data.points) {
    // A fold needs fits only for the platforms it scores: each platform's fit sees its own points alone.
    if (onlyPlatforms && !onlyPlatforms.has(point.acceleratorId)) continue;
    add(point.acceleratorId, point);
    add(engineKey(point.acceleratorId, point.engine), point);
  }
  const result = new Map<string, Efficiencies>();
  for (const [key, points] of groups) {
    const perEngine = key.includes('|');
    if (perEngine && points.length < MIN_POINTS_PER_ENGINE_FIT) continue;
    result.set(key, fitPlatform(points, data, perEngine ? NEUTRAL_ENGINE_MULTIPLIERS : engines));
  }
  return result;
}

/** The fitted efficiencies for a point's platform and engine, and the engine multipliers to apply with them. */
export function fittedFor(fitted: ReadonlyMap<string, Efficiencies>, acceleratorId: string, engine: ServingEngine, engines: EngineMultipliers): { efficiencies: Efficiencies; engines: EngineMultipliers } | null {
  const own = fitted.get(engineKey(acceleratorId, engine));
  if (own) return { efficiencies: own, engines: NEUTRAL_ENGINE_MULTIPLIERS };
  const platform = fitted.get(acceleratorId);
  return platform ? { efficiencies: platform, engines } : null;
}

export type { ServingEngine };

/**
 * The platforms a fold must fit to score rows of `acceleratorIds`: each, and the sibling it borrows from
 * when it has no rows of its own (EFFICIENCY_SIBLINGS).
 */
export function platformsToFit(acceleratorIds: Iterable<string>): Set<string> {
  const ids = new Set<string>();
  for (const id of acceleratorIds) {
    ids.add(id);
    const sibling = EFFICIENCY_SIBLINGS[id];
    if (sibling) ids.add(sibling);
  }
  return ids;
}

/**
 * What the product predicts a held-out row with (resolveEfficiencies): the platform's own fit, else its
 * sibling's (same silicon), else null (the prior). Cross-validation uses it so that a platform a fold
 * never saw is scored the way a user asking about it would be answered.
 */
export function heldOutFitFor(fitted: ReadonlyMap<string, Efficiencies>, acceleratorId: string, engine: ServingEngine, engines: EngineMultipliers): { efficiencies: Efficiencies; engines: EngineMultipliers } | null {
  const own = fittedFor(fitted, acceleratorId, engine, engines);
  if (own) return own;
  const sibling = EFFICIENCY_SIBLINGS[acceleratorId];
  return sibling ? fittedFor(fitted, sibling, engine, engines) : null;
}
