/**
 * Fast loop for the partial-load latency model: leave-one-source-out TPOT and TTFT error on the rows
 * measured at a set concurrency or request rate, per source, with the worst rows of each.
 *
 *   npx tsx scripts/partial-load-loso.ts            refit each source's fold (exact; the sources with partial-load rows only)
 *   npx tsx scripts/partial-load-loso.ts --cached   reuse the fold fits of the last full run (/tmp/tokcost-partial-loso-fits.json):
 *                                                   seconds, for changes to the latency model that barely move the fit
 *   --worst N (rows per source, default 4)   --source TEXT (only sources whose title contains it)   --rows (every row)
 *
 * The figures equal the partial-load rows of `npm run calibrate`'s headline (same folds, same fit) when run without --cached.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadCatalogOrThrow } from '../src/catalog/index.ts';
import type { BenchmarkPoint } from '../src/engine/catalog/types.ts';
import { fitDataOf, servingSettingsOf } from '../src/engine/performance/calibrate-table.ts';
import { errorSummary, sourceOf } from '../src/engine/performance/cross-validate.ts';
import { type Efficiencies, PRIOR_EFFICIENCIES, PRIOR_ENGINE_MULTIPLIERS } from '../src/engine/performance/efficiency.ts';
import { fitAllPlatforms, heldOutFitFor, platformsToFit, pointLogErrors } from '../src/engine/performance/fit.ts';

const args = process.argv.slice(2);
const cached = args.includes('--cached');
const allRows = args.includes('--rows');
const worst = Number(args[args.indexOf('--worst') + 1] ?? 4) || 4;
const sourceFilter = args.includes('--source') ? args[args.indexOf('--source') + 1]!.toLowerCase() : undefined;
const CACHE = '/tmp/tokcost-partial-loso-fits.json';

const data = fitDataOf(loadCatalogOrThrow());
const engines = PRIOR_ENGINE_MULTIPLIERS;
const isPartial = (p: BenchmarkPoint) => p.scenario !== 'saturated' && (p.tpotMs !== undefined || p.ttftMs !== undefined);
const sources = [...new Set(data.points.filter(isPartial).map(sourceOf))].sort().filter((s) => !sourceFilter || s.toLowerCase().includes(sourceFilter));

type FoldFits = Record<string, Record<string, Efficiencies>>;
const stored: FoldFits = existsSync(CACHE) ? (JSON.parse(readFileSync(CACHE, 'utf8')) as FoldFits) : {};
const fits: FoldFits = cached ? { ...stored } : {};
const started = performance.now();
for (const source of sources) {
  if (fits[source]) continue;
  const train = data.points.filter((p) => sourceOf(p) !== source);
  const test = data.points.filter((p) => sourceOf(p) === source);
  fits[source] = Object.fromEntries(fitAllPlatforms({ ...data, points: train }, engines, platformsToFit(test.map((p) => p.acceleratorId))));
}
// Refitted folds replace their stored fits; the others stay for later --cached runs.
writeFileSync(CACHE, JSON.stringify({ ...stored, ...fits }));

interface Row { point: BenchmarkPoint; tpot?: number; ttft?: number; throughput: number | null }
const rows: Row[] = [];
for (const source of sources) {
  const fitted = new Map(Object.entries(fits[source]!));
  for (const point of data.points.filter((p) => sourceOf(p) === source && isPartial(p))) {
    const chosen = heldOutFitFor(fitted, point.acceleratorId, point.engine, engines);
    const e = pointLogErrors(point, data, chosen?.efficiencies ?? PRIOR_EFFICIENCIES, chosen?.engines ?? engines);
    rows.push({ point, tpot: e?.tpot, ttft: e?.ttft, throughput: e ? e.throughput : null });
  }
}

const pct = (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : '-');
const ratio = (x: number | undefined) => (x === undefined ? '    -' : Math.exp(x).toFixed(2).padStart(5));
function summary(list: readonly Row[]): string {
  const tpot = errorSummary(list.flatMap((r) => (r.tpot === undefined ? [] : [r.tpot])));
  const ttft = errorSummary(list.flatMap((r) => (r.ttft === undefined ? [] : [r.ttft])));
  const thr = errorSummary(list.flatMap((r) => (r.throughput === null ? [] : [r.throughput])));
  return `TPOT n=${tpot.count} med ${pct(tpot.medianAbsFraction)} p90 ${pct(tpot.p90AbsFraction)} | TTFT n=${ttft.count} med ${pct(ttft.medianAbsFraction)} p90 ${pct(ttft.p90AbsFraction)} | thr med ${pct(thr.medianAbsFraction)}`;
}
function describe(r: Row): string {
  const p = r.point;
  const load = p.scenario === 'request-rate' ? `rate ${p.requestsPerSecond}` : `${p.scenario === 'burst' ? 'burst' : 'C'} ${p.concurrency}`;
  return `  tpot ${ratio(r.tpot)} ttft ${ratio(r.ttft)} thr ${ratio(r.throughput ?? undefined)} | ${p.id} ${p.acceleratorId} ${p.modelId} ${p.engine}${p.servingStack ? `/${p.servingStack}` : ''} ${p.gpusPerReplica}/${p.gpuCount}gpu ${p.inputTokens}/${p.outputTokens} ${load}${p.requestCount ? ` n=${p.requestCount}` : ''} ${p.latencyStatistic ?? '?'} meas ttft ${p.ttftMs?.toFixed(0) ?? '-'} tpot ${p.tpotMs?.toFixed(1) ?? '-'}`;
}
const badness = (r: Row) => Math.max(Math.abs(r.tpot ?? 0), Math.abs(r.ttft ?? 0));
for (const source of sources) {
  const list = rows.filter((r) => sourceOf(r.point) === source);
  console.log(`\n${source}\n  ${summary(list)}`);
  const shown = allRows ? list : [...list].sort((a, b) => badness(b) - badness(a)).slice(0, worst);
  for (const r of shown) console.log(describe(r));
}
console.log(`\nALL partial-load rows (leave-one-source-out${cached ? ', cached fold fits' : ''}):\n  ${summary(rows)}`);
// The README's bar is on plain rows: no speculative decoding, no shared prefix (servingSettingsOf).
console.log(`plain rows:\n  ${summary(rows.filter((r) => servingSettingsOf(r.point) === 'plain'))}`);
console.log(`took ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (args.includes('--counts')) {
  console.log('\nrows within 25 % (TPOT) / 40 % (TTFT) per source:');
  for (const source of sources) {
    const list = rows.filter((r) => sourceOf(r.point) === source);
    const within = (pick: (r: Row) => number | undefined, bar: number) => {
      const xs = list.flatMap((r) => (pick(r) === undefined ? [] : [Math.abs(Math.exp(pick(r)!) - 1)]));
      return `${xs.filter((x) => x <= bar).length}/${xs.length}`;
    };
    console.log(`  ${within((r) => r.tpot, 0.25).padStart(6)} ${within((r) => r.ttft, 0.4).padStart(6)}  ${source}`);
  }
}
