/**
 * Crossover: at each throughput target (requests/s, held steady) and interactivity target (output tokens/s
 * per user, i.e. TPOT = 1000 / that ms), which platform serves the workload cheapest, and where that changes.
 *
 * Each cell is advise's own search (same configurations, policies, prices and ranking) on the request's
 * own load shape and horizon, scaled so its mean is the cell's rate: the cell at your rate and your
 * per-user target is advise's answer, so the grid and the recommendation name the same platform. The
 * configurations are built once per latency column and platform. Crossover points are interpolated
 * between neighbouring cells on log scales: where log(costA / costB) changes sign. Pure.
 */
import type { AdviceRequest, Assumption } from '../advice-types.ts';
import { loadProfileOf, platformContextOf } from '../advise.ts';
import { findModel } from '../catalog/lookup.ts';
import type { Accelerator, Catalog } from '../catalog/types.ts';
import { platformPricing, type PlatformPricing } from '../cost/platform-pricing.ts';
import { coarseLoad, SCREENING_BUCKET_MINUTES } from '../fleet/coarse-load.ts';
import { DEFAULT_POLICY_PARAMETERS } from '../fleet/policy-parameters.ts';
import type { CalibrationTable } from '../performance/calibration.ts';
import { allowedPlatforms } from '../recommend/allowed-platforms.ts';
import type { Scored } from '../recommend/candidate.ts';
import { platformSetup, scorePlatform, type PlatformContext, type PlatformSetup } from '../recommend/evaluate-platform.ts';
import { rankCandidates } from '../recommend/rank.ts';
import { loadSeries } from '../traffic/index.ts';
import { labelOf, methodAssumption, shortPlatformName, type PlatformLabel } from './report-common.ts';
import { money } from '../recommend/wording.ts';

/** Throughput rows as multiples of the request's mean rate. */
export const RATE_MULTIPLIERS: readonly number[] = [0.1, 0.3, 1, 3, 10];
/** Interactivity columns, output tokens/s per user (the request's own target is added). */
export const PER_USER_LADDER: readonly number[] = [10, 20, 35, 50, 75, 120];

export interface CellWinner extends PlatformLabel {
  readonly dollarsPerMillionOutputTokens: number;
  readonly servingMode: Scored['candidate']['servingMode'];
  readonly policy: Scored['candidate']['policy'];
  readonly gpuCount: number;
}

export interface CrossoverCell {
  readonly requestsPerSecond: number;
  readonly outputTokensPerSecondPerUser: number;
  readonly cheapest: CellWinner | null;
  readonly runnerUp: CellWinner | null;
  /** Cheapest SLO-meeting effective $/M output tokens of every platform that meets the targets here. */
  readonly dollarsPerMillionOutputTokensByPlatform: Readonly<Record<string, number>>;
}

export interface Crossover {
  readonly along: 'interactivity' | 'throughput';
  /** Interpolated boundary: tokens/s per user or requests/s. */
  readonly at: number;
  readonly from: string;
  readonly to: string;
  readonly text: string;
}

export interface CrossoverReport {
  readonly kind: 'crossover';
  readonly request: AdviceRequest;
  readonly requestsPerSecond: readonly number[];
  readonly outputTokensPerSecondPerUser: readonly number[];
  /** cells[row][column]: rows by requests/s, columns by tokens/s per user. */
  readonly cells: readonly (readonly CrossoverCell[])[];
  /** The request's own cell. */
  readonly yourCell: { readonly row: number; readonly column: number };
  readonly crossovers: readonly Crossover[];
  readonly verdict: string;
  readonly assumptions: readonly Assumption[];
}

export function crossoverReport(request: AdviceRequest, catalog: Catalog, calibration: CalibrationTable): CrossoverReport {
  const parameters = DEFAULT_POLICY_PARAMETERS;
  const rates = RATE_MULTIPLIERS.map((m) => (m === 1 ? request.meanRequestsPerSecond : roundTo2(request.meanRequestsPerSecond * m)));
  const yours = request.latency.tpotMs === undefined ? undefined : 1000 / request.latency.tpotMs;
  const perUser = perUserColumns(yours);
  const yourCell = { row: RATE_MULTIPLIERS.indexOf(1), column: yours === undefined ? perUser.indexOf(50) : perUser.indexOf(yours) };
  const model = findModel(catalog, request.modelId);
  const base = { kind: 'crossover' as const, request, requestsPerSecond: rates, outputTokensPerSecondPerUser: perUser, yourCell, assumptions: crossoverAssumptions() };
  if (!model) return { ...base, cells: [], crossovers: [], verdict: `unknown model "${request.modelId}"` };
  const priced = allowedPlatforms(request, catalog)
    .map((accelerator) => ({ accelerator, pricing: platformPricing(request, catalog, accelerator) }))
    .filter((p): p is { accelerator: Accelerator; pricing: PlatformPricing } => !('missing' in p.pricing));
  // The request's own load over its horizon at your cell (advise's answer exactly); the other cells scale a
  // shorter load with the same cost per token: a flat hour, one day of a daily cycle (its days repeat).
  const ownLoad = loadSeries(request.meanRequestsPerSecond, request.shape, request.horizon).requestsPerSecond;
  const unitLoad = gridLoad(request, ownLoad);
  const columns = perUser.map((u) => {
    const columnRequest: AdviceRequest = { ...request, latency: { ...request.latency, tpotMs: yours !== undefined && u === perUser[yourCell.column] ? request.latency.tpotMs! : 1000 / u } };
    const context = platformContextOf({ ...columnRequest, shape: request.shape }, catalog, calibration, parameters, model, unitLoad);
    const setups = priced.map((p) => ({ ...p, setup: platformSetup(context, p.accelerator) }));
    return { context, setups: setups.filter((s): s is typeof s & { setup: PlatformSetup } => s.setup.ok) };
  });
  const loadAt = (i: number, j: number) => (i === yourCell.row && j === yourCell.column ? ownLoad : scaled(unitLoad, rates[i]! / request.meanRequestsPerSecond));
  const cells = rates.map((rate, i) => columns.map(({ context, setups }, j) => cellAt(withLoad(context, loadAt(i, j)), setups, rate, perUser[j]!)));
  const crossovers = [...alongRow(cells[yourCell.row]!, perUser, rates[yourCell.row]!), ...alongColumn(cells.map((row) => row[yourCell.column]!), rates, perUser[yourCell.column]!)];
  return { ...base, cells, crossovers, verdict: verdictOf(cells[yourCell.row]?.[yourCell.column], crossovers, cells) };
}

function roundTo2(value: number): number {
  return Number(value.toPrecision(2));
}

/** The ladder with the request's own target in place of the nearest rung within 20 %. */
function perUserColumns(yours: number | undefined): number[] {
  if (yours === undefined) return [...PER_USER_LADDER];
  const kept = PER_USER_LADDER.filter((u) => Math.abs(Math.log(u / yours)) > Math.log(1.2));
  return [...kept, Number(yours.toPrecision(6))].sort((a, b) => a - b);
}

/** Minutes of a flat load each cell off your point simulates (a flat load costs the same per token every hour). */
export const FLAT_CELL_MINUTES = 60;
const MINUTES_PER_DAY = 1440;

function gridLoad(request: AdviceRequest, own: Float64Array): Float64Array {
  if (request.shape.kind === 'flat') return own.subarray(0, Math.min(own.length, FLAT_CELL_MINUTES));
  if (request.shape.kind === 'diurnal') return own.subarray(0, Math.min(own.length, MINUTES_PER_DAY));
  return own;
}

function scaled(series: Float64Array, factor: number): Float64Array {
  const out = new Float64Array(series.length);
  for (let i = 0; i < series.length; i++) out[i] = series[i]! * factor;
  return out;
}

function withLoad(context: PlatformContext, series: Float64Array): PlatformContext {
  const load = loadProfileOf(series, context.parameters);
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < series.length; i++) if (series[i]! < min) min = series[i]!;
  return { ...context, load, screeningLoad: coarseLoad(load, SCREENING_BUCKET_MINUTES), loadReachesZero: min <= 0 };
}

function cellAt(context: PlatformContext, setups: readonly { pricing: PlatformPricing; setup: PlatformSetup }[], rate: number, perUser: number): CrossoverCell {
  const ranked = rankCandidates(setups.flatMap(({ setup, pricing }) => scorePlatform(context, setup, pricing)));
  const winners: CellWinner[] = [];
  for (const s of ranked) {
    if (!s.candidate.meetsSlo || winners.some((w) => w.platform === s.candidate.platform)) continue;
    const c = s.candidate;
    winners.push({ ...labelOf(c), dollarsPerMillionOutputTokens: c.effectiveDollarsPerMillionOutputTokens, servingMode: c.servingMode, policy: c.policy, gpuCount: c.gpuCount });
  }
  return {
    requestsPerSecond: rate,
    outputTokensPerSecondPerUser: perUser,
    cheapest: winners[0] ?? null,
    runnerUp: winners[1] ?? null,
    dollarsPerMillionOutputTokensByPlatform: Object.fromEntries(winners.map((w) => [w.platform, w.dollarsPerMillionOutputTokens])),
  };
}

/** Where log(cost of a / cost of b) crosses zero between x0 and x1 (log x), or x1 when either is missing at x0. */
function crossingAt(a: string, b: string, x0: number, x1: number, c0: CrossoverCell, c1: CrossoverCell): number {
  const d0 = Math.log((c0.dollarsPerMillionOutputTokensByPlatform[a] ?? Number.NaN) / (c0.dollarsPerMillionOutputTokensByPlatform[b] ?? Number.NaN));
  const d1 = Math.log((c1.dollarsPerMillionOutputTokensByPlatform[a] ?? Number.NaN) / (c1.dollarsPerMillionOutputTokensByPlatform[b] ?? Number.NaN));
  if (!Number.isFinite(d0) || !Number.isFinite(d1) || d0 === d1) return x1;
  const t = Math.min(1, Math.max(0, d0 / (d0 - d1)));
  return Math.exp(Math.log(x0) + t * (Math.log(x1) - Math.log(x0)));
}

function transitions(line: readonly CrossoverCell[], xs: readonly number[], along: Crossover['along'], describe: (x: number) => string, fixed: string): Crossover[] {
  const out: Crossover[] = [];
  for (let j = 1; j < line.length; j++) {
    const before = line[j - 1]!.cheapest;
    const after = line[j]!.cheapest;
    if (!before || !after || before.platform === after.platform) continue;
    const gone = line[j]!.dollarsPerMillionOutputTokensByPlatform[before.platform] === undefined;
    const at = crossingAt(before.platform, after.platform, xs[j - 1]!, xs[j]!, line[j - 1]!, line[j]!);
    const text = gone
      ? `above ${describe(xs[j - 1]!)} ${before.shortName} can no longer meet the targets and ${after.shortName} is cheapest (${fixed})`
      : `above ~${describe(at)} ${after.shortName} overtakes ${before.shortName} (${fixed})`;
    out.push({ along, at, from: before.platform, to: after.platform, text });
  }
  return out;
}

function alongRow(row: readonly CrossoverCell[], perUser: readonly number[], rate: number): Crossover[] {
  return transitions(row, perUser, 'interactivity', (u) => `${Math.round(u)} tok/s per user`, `at ${rate} req/s`);
}

function alongColumn(column: readonly CrossoverCell[], rates: readonly number[], perUser: number): Crossover[] {
  return transitions(column, rates, 'throughput', (r) => `${Number(r.toPrecision(2))} req/s`, `at ${Math.round(perUser)} tok/s per user`);
}

function verdictOf(yours: CrossoverCell | undefined, crossovers: readonly Crossover[], cells: readonly (readonly CrossoverCell[])[]): string {
  const winners = new Set(cells.flat().map((c) => c.cheapest?.shortName).filter((n): n is string => n !== undefined));
  const head = yours?.cheapest
    ? `At your point (${yours.requestsPerSecond} req/s, ${Math.round(yours.outputTokensPerSecondPerUser)} tok/s per user) ${yours.cheapest.shortName} is cheapest at ${money(yours.cheapest.dollarsPerMillionOutputTokens)} / 1M output tokens`
    : 'No platform meets the targets at your point';
  if (winners.size <= 1) return `${head}${winners.size === 1 ? `, and ${[...winners][0]} is cheapest in every cell of the grid` : ''}.`;
  const changes = crossovers.length ? `; ${crossovers.map((c) => c.text).join('; ')}` : '; the cheapest changes only away from your row and column';
  return `${head}${changes}.`;
}


function crossoverAssumptions(): Assumption[] {
  return [
    methodAssumption('crossover grid', `requests/s at ${RATE_MULTIPLIERS.join(', ')} x your mean, each your own load shape scaled to that mean; tokens/s per user ${PER_USER_LADDER.join(', ')} plus yours (TPOT = 1000 / that ms); your TTFT target in every cell`),
    methodAssumption('crossover speed-up', `configurations built once per latency column; your cell runs advise over your load's horizon; the others over ${FLAT_CELL_MINUTES} minutes of a flat load or one day of a daily cycle (the same $/token), otherwise your horizon`),
    methodAssumption('crossover points', "interpolated between neighbouring grid cells where the log cost ratio of the two platforms changes sign; '~' marks an interpolated value"),
  ];
}

export { shortPlatformName };
