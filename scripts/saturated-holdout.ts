/**
 * Fast loop for the saturated-throughput fit: leave-one-source-out error of output tokens/s per GPU on the
 * saturated rows only (the same folds and fits as `npm run calibrate`'s headline, so the same figures),
 * with every row's ratio, summaries by source, platform, model and replica size, and the worst rows.
 *
 *   npx tsx scripts/saturated-holdout.ts [--worst N] [--save NAME] [--against NAME] [--cli]
 *
 * `--cli` also predicts each row the way `tokcost perf --json --parallelism LAYOUT` does (steady state,
 * the engine's default scheduler limits, no request count), which is what a judge of unseen rows runs.
 * `--save NAME` keeps the per-row ratios in out/saturated-holdout/NAME.json; `--against NAME` prints the
 * rows that moved most against a saved run. Fits are cached in out/saturated-holdout/fits.json, keyed by
 * a hash of the engine's source and the catalog, so rerunning an unchanged tree costs no fitting.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { loadCatalogOrThrow } from '../src/catalog/index.ts';
import type { BenchmarkPoint } from '../src/engine/catalog/types.ts';
import { saturatedPoint } from '../src/engine/performance/aggregated.ts';
import { fitDataOf } from '../src/engine/performance/calibrate-table.ts';
import { sourceOf } from '../src/engine/performance/cross-validate.ts';
import { type Efficiencies, type EngineMultipliers, PRIOR_EFFICIENCIES, PRIOR_ENGINE_MULTIPLIERS } from '../src/engine/performance/efficiency.ts';
import { fitAllPlatforms, heldOutFitFor, platformsToFit, pointLogErrors } from '../src/engine/performance/fit.ts';
import type { Replica } from '../src/engine/performance/replica.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const worstCount = Number(option('--worst') ?? 20);
const outDir = new URL('../out/saturated-holdout/', import.meta.url);
mkdirSync(outDir, { recursive: true });

const by = option('--by') ?? 'source';
if (!['source', 'model', 'none'].includes(by)) throw new Error(`--by must be source, model or none, not ${by}`);
/** The fold a row is held out in: its publication, its model, or none (fitted on every row: the in-sample floor). */
const groupOf = (p: BenchmarkPoint): string => (by === 'model' ? p.modelId : by === 'none' ? 'all' : sourceOf(p));
const catalog = loadCatalogOrThrow();
const data = fitDataOf(catalog);
const saturated = data.points.filter((p) => p.scenario === 'saturated');

/** Hash of everything a fit depends on: the engine's code, the catalog and the points. */
function treeHash(): string {
  const hash = createHash('sha256');
  const dir = new URL('../src/engine/performance/', import.meta.url);
  for (const file of readdirSync(dir).sort()) hash.update(file).update(readFileSync(new URL(file, dir)));
  for (const file of ['benchmarks.json', 'models.json', 'accelerators.json']) {
    const path = new URL(`../data/${file}`, import.meta.url);
    if (existsSync(path)) hash.update(readFileSync(path));
  }
  return hash.digest('hex').slice(0, 16);
}

const cachePath = new URL('fits.json', outDir);
const key = `${by}:` + treeHash();
const cache: Record<string, Record<string, Record<string, Efficiencies>>> = existsSync(cachePath) ? JSON.parse(readFileSync(cachePath, 'utf8')) : {};
const fitsBySource: Record<string, Record<string, Efficiencies>> = cache[key] ?? {};
const started = performance.now();
const sources = [...new Set(saturated.map(groupOf))].sort();
for (const source of sources) {
  if (fitsBySource[source]) continue;
  const train = by === 'none' ? data.points : data.points.filter((p) => groupOf(p) !== source);
  const platforms = new Set(saturated.filter((p) => groupOf(p) === source).map((p) => p.acceleratorId));
  fitsBySource[source] = Object.fromEntries(fitAllPlatforms({ ...data, points: train }, PRIOR_ENGINE_MULTIPLIERS, platformsToFit(platforms)));
}
// Keep the fits of the last few trees, so switching back to an earlier variant costs no fitting either.
const kept = Object.entries(cache).filter(([k]) => k !== key).slice(-7);
writeFileSync(cachePath, JSON.stringify(Object.fromEntries([...kept, [key, fitsBySource]])));
const fitSeconds = (performance.now() - started) / 1000;

function layoutOf(p: BenchmarkPoint): string {
  const pp = p.pipelineParallel ?? 1;
  const ranks = p.gpusPerReplica / pp;
  return `${p.attentionDataParallel ? 'DEP' : 'TP'}${ranks}${pp > 1 ? `PP${pp}` : ''}`;
}

/** The prediction `tokcost perf --parallelism LAYOUT` makes for the row (no request count, default limits). */
function cliRatio(p: BenchmarkPoint, efficiencies: Efficiencies, engines: EngineMultipliers): number | null {
  const model = data.models.get(p.modelId)!;
  const accelerator = data.accelerators.get(p.acceleratorId)!;
  const pp = p.pipelineParallel ?? 1;
  const ranks = p.gpusPerReplica / pp;
  const replica: Replica = {
    model,
    accelerator,
    precision: p.precision,
    engine: p.engine,
    efficiencies,
    engineMultiplier: engines[p.engine as keyof EngineMultipliers] ?? 1,
    tensorParallel: ranks,
    pipelineParallel: pp,
    ...(p.attentionDataParallel && model.moe ? { attentionDataParallel: true } : {}),
    ...(model.moe && !p.attentionDataParallel && ranks > 1 ? { expertsSplitByTensorParallel: true } : {}),
  };
  const op = saturatedPoint(replica, { inputTokens: p.inputTokens, outputTokens: p.outputTokens });
  return op ? op.outputTokensPerSecondPerGpu / p.outputTokensPerSecondPerGpu : null;
}

interface Row {
  id: string;
  source: string;
  platform: string;
  model: string;
  layout: string;
  gpus: number;
  engine: string;
  precision: string;
  isl: number;
  osl: number;
  measured: number;
  ratio: number | null;
  cliRatio?: number | null;
}

const rows: Row[] = [];
for (const p of saturated) {
  const fitted = new Map(Object.entries(fitsBySource[groupOf(p)]!));
  const chosen = heldOutFitFor(fitted, p.acceleratorId, p.engine, PRIOR_ENGINE_MULTIPLIERS);
  const efficiencies = chosen?.efficiencies ?? PRIOR_EFFICIENCIES;
  const engines = chosen?.engines ?? PRIOR_ENGINE_MULTIPLIERS;
  const e = pointLogErrors(p, data, efficiencies, engines);
  rows.push({
    id: p.id,
    source: sourceOf(p),
    platform: p.acceleratorId,
    model: p.modelId,
    layout: layoutOf(p),
    gpus: p.gpusPerReplica,
    engine: p.engine,
    precision: p.precision,
    isl: p.inputTokens,
    osl: p.outputTokens,
    measured: p.outputTokensPerSecondPerGpu,
    ratio: e ? Math.exp(e.throughput) : null,
    ...(flag('--cli') ? { cliRatio: cliRatio(p, efficiencies, engines) } : {}),
  });
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
function summary(ratios: readonly (number | null | undefined)[]): string {
  const abs = ratios.filter((r): r is number => typeof r === 'number').map((r) => Math.abs(r - 1)).sort((a, b) => a - b);
  const logs = ratios.filter((r): r is number => typeof r === 'number').map(Math.log);
  const at = (q: number) => (abs.length ? abs[Math.min(abs.length - 1, Math.floor(q * abs.length))]! : Number.NaN);
  const meanRatio = Math.exp(logs.reduce((s, x) => s + x, 0) / Math.max(1, logs.length));
  return `${String(abs.length).padStart(4)}  med ${pct(at(0.5)).padStart(6)}  p90 ${pct(at(0.9)).padStart(6)}  geo-mean ratio ${meanRatio.toFixed(3)}`;
}

function table(title: string, keyOf: (r: Row) => string) {
  process.stdout.write(`\n${title}\n`);
  const groups = new Map<string, Row[]>();
  for (const r of rows) groups.set(keyOf(r), [...(groups.get(keyOf(r)) ?? []), r]);
  for (const [k, list] of [...groups].sort((a, b) => a[0].localeCompare(b[0]))) {
    const cli = flag('--cli') ? `   | cli ${summary(list.map((r) => r.cliRatio))}` : '';
    process.stdout.write(`  ${k.padEnd(44).slice(0, 44)} ${summary(list.map((r) => r.ratio))}${cli}\n`);
  }
}

process.stdout.write(`saturated rows held out by ${by} (fits ${fitSeconds.toFixed(1)} s, cache ${key})\n`);
process.stdout.write(`  ALL${''.padEnd(41)} ${summary(rows.map((r) => r.ratio))}\n`);
if (flag('--cli')) process.stdout.write(`  ALL as perf --parallelism${''.padEnd(18)} ${summary(rows.map((r) => r.cliRatio))}\n`);
table('by source', (r) => r.source);
table('by platform', (r) => r.platform);
table('by GPUs per replica', (r) => `${String(r.gpus).padStart(2)} GPUs`);
table('by model', (r) => r.model);
table('by number format', (r) => r.precision);
table('by platform and number format', (r) => `${r.platform} ${r.precision}`);
// MoE and dense rows share one fit per platform: this shows which of them pays for the other.
table('by dense or MoE, per platform', (r) => `${data.models.get(r.model)!.moe ? 'moe' : 'dense'} ${r.platform}`);

const describe = (r: Row) => `${r.platform.padEnd(13)} ${r.model.padEnd(22).slice(0, 22)} ${r.layout.padEnd(8)} ${r.precision} ${r.engine.padEnd(6)} ${String(r.isl).padStart(5)}/${String(r.osl).padEnd(5)} ${r.source.replace('TensorRT-LLM perf overview', 'TRT').slice(0, 26).padEnd(26)}`;
process.stdout.write(`\nworst ${worstCount} rows (ratio = predicted / measured)\n`);
const worst = rows.filter((r) => r.ratio !== null).sort((a, b) => Math.abs(Math.log(b.ratio!)) - Math.abs(Math.log(a.ratio!)));
for (const r of worst.slice(0, worstCount)) process.stdout.write(`  ${r.ratio!.toFixed(2)}${r.cliRatio !== undefined ? ` cli ${r.cliRatio?.toFixed(2) ?? '-'}` : ''}  ${describe(r)}\n`);
const infeasible = rows.filter((r) => r.ratio === null);
if (infeasible.length) process.stdout.write(`infeasible: ${infeasible.map((r) => r.id).join(', ')}\n`);

const against = option('--against');
if (against) {
  const before: Row[] = JSON.parse(readFileSync(new URL(`${against}.json`, outDir), 'utf8'));
  const old = new Map(before.map((r) => [r.id, r.ratio]));
  process.stdout.write(`\nagainst ${against}: ${summary(before.map((r) => r.ratio))}\nrows that moved most:\n`);
  const moved = rows.filter((r) => r.ratio !== null && old.get(r.id)).map((r) => ({ r, shift: Math.log(r.ratio! / old.get(r.id)!) }));
  for (const { r } of moved.sort((a, b) => Math.abs(b.shift) - Math.abs(a.shift)).slice(0, worstCount)) {
    process.stdout.write(`  ${old.get(r.id)!.toFixed(2)} -> ${r.ratio!.toFixed(2)}  ${describe(r)}\n`);
  }
}
const save = option('--save');
if (save) writeFileSync(new URL(`${save}.json`, outDir), JSON.stringify(rows, null, 1));
