/**
 * `tokcost advise`: the effective cost per token of a workload under its real load, on every priced
 * platform, and the recommendation. Flags -> AdviceRequest -> engine advise -> a card and a table,
 * or --json, or --chart FILE.png (cost vs load; the load and capacity chart next to it).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadCatalogOrThrow } from '../../catalog/index.ts';
import { loadCalibration } from '../../catalog/load-calibration.ts';
import { advise } from '../../engine/advise.ts';
import type { AdviceReport, AdviceRequest, Candidate, LoadShape, Pricing } from '../../engine/advice-types.ts';
import { findAccelerator, findModel, suggestAccelerators, suggestModels } from '../../engine/catalog/lookup.ts';
import type { Catalog, Precision, ServingEngine, Vendor } from '../../engine/catalog/types.ts';
import { oneOf, positiveInteger, positiveNumber, UsageError } from '../args.ts';
import { formatCount, formatDollars, formatMs, formatPercent, formatTable } from '../../format.ts';

const EXAMPLE_COMMAND = 'tokcost advise --model gpt-oss-120b --input-tokens 2048 --output-tokens 400 --requests-per-second 30 --peak-to-average 4 --ttft-ms 1000 --ttft-percentile 95 --tpot-ms 20';

const HELP = `tokcost advise --model M --input-tokens I --output-tokens O --requests-per-second R [flags]
  load:     --peak-to-average X (diurnal; 1 = flat)  --shape flat|diurnal|weekly  --peak-hour H (UTC)
            --horizon day|week (default week)  --prefix-cache-hit F (0..1)  --length-spread CV
  targets:  --ttft-ms MS --ttft-percentile 50|90|95|99 --tpot-ms MS
  where:    --platforms b200,mi355x  --vendors nvidia,amd  --exclude h100-pcie  --precision fp4|fp8|bf16
            --engine trtllm|vllm|sglang
  money:    --price b200=2.5 (repeat or comma-separate)  --tier on-demand|reserved-3y|owning-hyperscaler|...
            --own [--dollars-per-kwh 0.08 --pue 1.2 --years 4]
  output:   --json  --chart FILE.png  --top N (alternatives shown, default 12)
  tokcost advise --example     the built-in example (gpt-oss-120b, 2k in / 400 out, 30 req/s, peaks 4x at noon,
                               p95 TTFT under 1 s, 50 tok/s per user)
Example: ${EXAMPLE_COMMAND}`;

const OPTIONS = {
  model: { type: 'string' }, 'input-tokens': { type: 'string' }, 'output-tokens': { type: 'string' },
  'requests-per-second': { type: 'string' }, 'peak-to-average': { type: 'string' }, shape: { type: 'string' },
  'peak-hour': { type: 'string' }, horizon: { type: 'string' }, 'prefix-cache-hit': { type: 'string' },
  'length-spread': { type: 'string' }, 'ttft-ms': { type: 'string' }, 'ttft-percentile': { type: 'string' },
  'tpot-ms': { type: 'string' }, platforms: { type: 'string' }, vendors: { type: 'string' }, exclude: { type: 'string' },
  precision: { type: 'string' }, engine: { type: 'string' }, price: { type: 'string', multiple: true }, tier: { type: 'string' },
  own: { type: 'boolean' }, 'dollars-per-kwh': { type: 'string' }, pue: { type: 'string' }, years: { type: 'string' },
  json: { type: 'boolean' }, chart: { type: 'string' }, top: { type: 'string' }, example: { type: 'boolean' }, help: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; strict: true }>>['values'];

/** The built-in example: gpt-oss-120b, 2k in / 400 out, 30 req/s mean peaking 4x at noon UTC, p95 TTFT < 1 s, 50 tok/s per user. */
export const EXAMPLE_REQUEST: AdviceRequest = {
  modelId: 'gpt-oss-120b',
  inputTokens: 2048,
  outputTokens: 400,
  meanRequestsPerSecond: 30,
  shape: { kind: 'diurnal', peakToAverage: 4, peakHourUtc: 12 },
  horizon: 'week',
  latency: { ttftMs: 1000, ttftPercentile: 95, tpotMs: 20 },
  pricing: { kind: 'rented' },
};

export async function run(argv: string[]): Promise<number> {
  let values: Values;
  try {
    values = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    process.stderr.write(`tokcost advise: ${(error as Error).message}\nExample that works: ${EXAMPLE_COMMAND}\n\n${HELP}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  try {
    const catalog = loadCatalogOrThrow();
    const request = values.example ? withOutputFlags(EXAMPLE_REQUEST, values, catalog) : requestFrom(values, catalog);
    const report = advise(request, catalog, loadCalibration());
    if (values.chart) await writeCharts(values.chart, report, catalog);
    const top = values.top === undefined ? 12 : positiveInteger('--top', values.top);
    process.stdout.write(values.json ? `${JSON.stringify(report, jsonSafe, 2)}\n` : `${renderAdvice(report, top)}\n`);
    if (values.chart && !values.json) process.stdout.write(`charts written: ${values.chart} and ${loadChartPath(values.chart)}\n`);
    return report.recommendation ? 0 : 1;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`tokcost advise: ${error.message}\nExample that works: ${EXAMPLE_COMMAND}\n`);
      return 2;
    }
    throw error;
  }
}

/** The example with the user's platform, money and output flags applied. */
function withOutputFlags(base: AdviceRequest, values: Values, catalog: Catalog): AdviceRequest {
  return { ...base, ...whereAndMoney(values, catalog) };
}

function requestFrom(values: Values, catalog: Catalog): AdviceRequest {
  const missing = (['model', 'input-tokens', 'output-tokens', 'requests-per-second'] as const).filter((flag) => values[flag] === undefined);
  if (missing.length > 0) throw new UsageError(`missing ${missing.map((m) => `--${m}`).join(', ')} (or run tokcost advise --example)`);
  const model = findModel(catalog, values.model!);
  if (!model) {
    const near = suggestModels(catalog, values.model!);
    throw new UsageError(`--model: unknown model "${values.model}"${near.length ? `; did you mean ${near.join(', ')}?` : `; known: ${catalog.models.map((m) => m.id).join(', ')}`}`);
  }
  const latency = {
    ...(values['ttft-ms'] !== undefined ? { ttftMs: positiveNumber('--ttft-ms', values['ttft-ms']) } : {}),
    ...(values['ttft-percentile'] !== undefined ? { ttftPercentile: Number(oneOf('--ttft-percentile', values['ttft-percentile'], ['50', '90', '95', '99'])) } : {}),
    ...(values['tpot-ms'] !== undefined ? { tpotMs: positiveNumber('--tpot-ms', values['tpot-ms']) } : {}),
  };
  return {
    modelId: model.id,
    inputTokens: positiveInteger('--input-tokens', values['input-tokens']!),
    outputTokens: positiveInteger('--output-tokens', values['output-tokens']!),
    meanRequestsPerSecond: positiveNumber('--requests-per-second', values['requests-per-second']!),
    shape: shapeFrom(values),
    horizon: oneOf('--horizon', values.horizon ?? 'week', ['day', 'week'] as const),
    latency,
    ...(values['prefix-cache-hit'] !== undefined ? { prefixCacheHitFraction: fraction('--prefix-cache-hit', values['prefix-cache-hit']) } : {}),
    ...(values['length-spread'] !== undefined ? { lengthSpreadFraction: nonNegative('--length-spread', values['length-spread']) } : {}),
    ...(values.precision !== undefined ? { precision: oneOf<Precision>('--precision', values.precision, ['fp4', 'fp8', 'bf16']) } : {}),
    ...(values.engine !== undefined ? { engine: oneOf<ServingEngine>('--engine', values.engine, ['trtllm', 'vllm', 'sglang']) } : {}),
    ...whereAndMoney(values, catalog),
  };
}

function shapeFrom(values: Values): LoadShape {
  const peak = values['peak-to-average'] === undefined ? undefined : positiveNumber('--peak-to-average', values['peak-to-average']);
  if (peak !== undefined && peak < 1) throw new UsageError(`--peak-to-average must be at least 1 (peak / mean), got "${values['peak-to-average']}" (example: --peak-to-average 4)`);
  const kind = oneOf('--shape', values.shape ?? (peak === undefined || peak === 1 ? 'flat' : 'diurnal'), ['flat', 'diurnal', 'weekly'] as const);
  const peakHourUtc = values['peak-hour'] === undefined ? undefined : hour(values['peak-hour']);
  if (kind === 'flat') return { kind: 'flat' };
  if (kind === 'weekly') return { kind: 'weekly', peakToAverage: peak ?? 3, weekendFraction: 0.6 };
  return { kind: 'diurnal', peakToAverage: peak ?? 3, ...(peakHourUtc !== undefined ? { peakHourUtc } : {}) };
}

function whereAndMoney(values: Values, catalog: Catalog): Pick<AdviceRequest, 'platforms' | 'excludePlatforms' | 'vendors' | 'dollarsPerGpuHourOverrides' | 'pricing'> {
  const platforms = values.platforms === undefined ? undefined : platformList('--platforms', values.platforms, catalog);
  const exclude = values.exclude === undefined ? undefined : platformList('--exclude', values.exclude, catalog);
  const vendors = values.vendors === undefined ? undefined : values.vendors.split(',').map((v) => oneOf<Vendor>('--vendors', v.trim(), ['nvidia', 'amd', 'google', 'aws', 'intel']));
  const overrides: Record<string, number> = {};
  for (const entry of (values.price ?? []).flatMap((p) => p.split(','))) {
    const [name, dollars] = entry.split('=');
    if (!name || dollars === undefined) throw new UsageError(`--price expects PLATFORM=DOLLARS_PER_GPU_HOUR, got "${entry}" (example: --price h100-sxm=1.99)`);
    overrides[platformList('--price', name, catalog)[0]!] = positiveNumber(`--price ${name}=`, dollars);
  }
  const pricing: Pricing = values.own
    ? {
        kind: 'owned',
        ...(values['dollars-per-kwh'] !== undefined ? { dollarsPerKwh: positiveNumber('--dollars-per-kwh', values['dollars-per-kwh']) } : {}),
        ...(values.pue !== undefined ? { powerUsageEffectiveness: positiveNumber('--pue', values.pue) } : {}),
        ...(values.years !== undefined ? { amortizationYears: positiveNumber('--years', values.years) } : {}),
      }
    : { kind: 'rented', ...(values.tier !== undefined ? { tier: oneOf('--tier', values.tier, ['on-demand', 'reserved-1y', 'reserved-3y', 'spot', 'committed', 'rental-3y-neocloud', 'owning-hyperscaler', 'owning-neocloud']) } : {}) };
  if (!values.own && (values['dollars-per-kwh'] !== undefined || values.pue !== undefined || values.years !== undefined)) {
    throw new UsageError('--dollars-per-kwh, --pue and --years apply to owned hardware: add --own (example: --own --dollars-per-kwh 0.08)');
  }
  return {
    ...(platforms ? { platforms } : {}),
    ...(exclude ? { excludePlatforms: exclude } : {}),
    ...(vendors ? { vendors } : {}),
    ...(Object.keys(overrides).length ? { dollarsPerGpuHourOverrides: overrides } : {}),
    pricing,
  };
}

function platformList(flag: string, raw: string, catalog: Catalog): string[] {
  return raw.split(',').map((name) => {
    const found = findAccelerator(catalog, name.trim());
    if (found) return found.id;
    const near = suggestAccelerators(catalog, name.trim());
    throw new UsageError(`${flag}: unknown platform "${name.trim()}"${near.length ? `; did you mean ${near.join(', ')}?` : `; known: ${catalog.accelerators.map((a) => a.id).join(', ')}`}`);
  });
}

function fraction(flag: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value >= 1) throw new UsageError(`${flag} must be a fraction from 0 to below 1, got "${raw}" (example: ${flag} 0.3)`);
  return value;
}

function nonNegative(flag: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new UsageError(`${flag} must be a number >= 0, got "${raw}" (example: ${flag} 0.5)`);
  return value;
}

function hour(raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 23) throw new UsageError(`--peak-hour must be a whole hour 0..23 (UTC), got "${raw}" (example: --peak-hour 12)`);
  return value;
}

/** JSON with non-finite numbers as null (JSON has no Infinity or NaN). */
function jsonSafe(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

function loadChartPath(path: string): string {
  return path.replace(/(\.png)?$/i, '-load.png');
}

/** Renders the cost-vs-load chart to `path` and the load-and-capacity chart next to it (canvas loaded only here). */
async function writeCharts(path: string, report: AdviceReport, catalog: Catalog): Promise<void> {
  const [{ renderChartPng }, { costVsLoadSpec, loadAndCapacitySpec }] = await Promise.all([import('../../chart/render.ts'), import('../../chart/spec.ts')]);
  const platformNames = Object.fromEntries(catalog.accelerators.map((a) => [a.id, a.name]));
  writeFileSync(path, renderChartPng(costVsLoadSpec(report.costCurve, report.costCurveOperatingPoint ?? null, { platformNames })));
  writeFileSync(loadChartPath(path), renderChartPng(loadAndCapacitySpec(report.loadSeries, report.capacitySeries)));
}

const POLICY_LABEL: Record<Candidate['policy'], string> = {
  'static-peak': 'static',
  'reactive-autoscale': 'autoscale',
  'scale-to-zero': 'to zero',
  'reserved-plus-burst': 'reserved+burst',
};

function perMillion(value: number): string {
  return formatDollars(value);
}

function workloadLine(request: AdviceRequest): string {
  const shape = request.shape.kind === 'flat' ? 'flat' : request.shape.kind === 'series' ? 'your series' : `${request.shape.kind}, peak ${'peakToAverage' in request.shape ? request.shape.peakToAverage : 1}x`;
  const targets = [
    request.latency.ttftMs !== undefined ? `p${request.latency.ttftPercentile ?? 95} TTFT <= ${formatMs(request.latency.ttftMs)}` : '',
    request.latency.tpotMs !== undefined ? `TPOT <= ${formatMs(request.latency.tpotMs)} (${formatCount(1000 / request.latency.tpotMs)} tok/s per user)` : '',
  ].filter(Boolean);
  return `${request.modelId}: ${request.inputTokens} in / ${request.outputTokens} out tokens, ${request.meanRequestsPerSecond} req/s mean (${shape}) over a ${request.horizon}${targets.length ? `; ${targets.join(', ')}` : ''}`;
}

function layout(c: Candidate): string {
  const p = c.parallelism;
  const tp = `TP${p.tensor}${p.pipeline > 1 ? ` PP${p.pipeline}` : ''}${p.expert > 1 ? ` EP${p.expert}` : ''}`;
  if (c.servingMode === 'disaggregated') return `${c.prefillWorkers ?? 0} prefill + ${c.decodeWorkers ?? 0} decode workers at peak (decode ${c.gpusPerReplica} GPU, ${tp})`;
  return `${c.gpusPerReplica} GPU per replica (${tp})`;
}

function card(report: AdviceReport): string {
  const c = report.recommendation;
  const lines = [workloadLine(report.request), ''];
  if (!c) return [...lines, `No recommendation: ${report.summary}`].join('\n');
  const g = c.utilizationGap;
  lines.push(
    `Recommendation: ${c.platformName} (${c.vendor}), ${c.servingMode}, ${c.policy}, ${c.precision.toUpperCase()}`,
    `  GPUs:        ${c.peakGpuCount} at peak, ${c.gpuCount.toFixed(1)} on average; ${layout(c)}`,
    `  Cost:        ${perMillion(c.effectiveDollarsPerMillionOutputTokens)} / 1M output tokens at your load vs ${perMillion(c.fullLoadDollarsPerMillionOutputTokens)} at full load (${(c.effectiveDollarsPerMillionOutputTokens / c.fullLoadDollarsPerMillionOutputTokens).toFixed(1)}x); ${formatDollars(c.dollarsPerMonth)} / month`,
    `               ${perMillion(c.effectiveDollarsPerMillionTotalTokens)} / 1M total tokens (vs ${perMillion(c.fullLoadDollarsPerMillionTotalTokens)}); $${c.dollarsPerGpuHour.toFixed(2)} per GPU-hour paid`,
    `  SLO:         ${c.meetsSlo ? 'met' : 'MISSED'} (${c.sloMissMinutes} minutes short of capacity); p${report.request.latency.ttftPercentile ?? 95} TTFT ${formatMs(c.ttftMs)}, TPOT ${formatMs(c.tpotMs)}`,
    `  Utilization: ${formatPercent(g.servedFraction)} served | demand below capacity ${formatPercent(g.demandBelowCapacityFraction)} | granularity ${formatPercent(g.replicaGranularityFraction)} | latency headroom ${formatPercent(g.latencyHeadroomFraction)} | small batches ${formatPercent(g.smallBatchFraction)}`,
    `  Energy:      ${Number.isFinite(c.joulesPerOutputToken) ? `${c.joulesPerOutputToken.toFixed(2)} J / output token` : 'n/a'}; estimate basis: ${c.basis}`,
    '',
    report.summary,
  );
  const summary = report.summary.toLowerCase();
  const extra = report.reasons.filter((r) => r.code !== 'recommendation' && !summary.includes(r.text.toLowerCase()));
  for (const reason of extra) lines.push(`  - ${reason.text}`);
  return lines.join('\n');
}

function alternatives(report: AdviceReport, top: number): string {
  const rows = [['platform', 'mode', 'policy', 'GPUs mean/peak', '$/M out eff', '$/M out full', 'util', 'SLO']];
  for (const c of report.candidates.slice(0, top)) {
    rows.push([
      c.platform,
      c.servingMode === 'aggregated' ? 'agg' : 'disagg',
      POLICY_LABEL[c.policy],
      `${c.gpuCount.toFixed(1)}/${c.peakGpuCount}`,
      perMillion(c.effectiveDollarsPerMillionOutputTokens),
      perMillion(c.fullLoadDollarsPerMillionOutputTokens),
      formatPercent(c.meanUtilizationFraction),
      c.meetsSlo ? 'met' : `miss ${c.sloMissMinutes} min`,
    ]);
  }
  const more = report.candidates.length > top ? `\n(${report.candidates.length - top} more; --top N or --json for all)` : '';
  const skipped = report.infeasible.length ? `\nNot feasible: ${report.infeasible.map((i) => `${i.platform} (${i.reason})`).join('; ')}` : '';
  return `Alternatives (cheapest at your load first):\n${formatTable(rows)}${more}${skipped}`;
}

export function renderAdvice(report: AdviceReport, top: number): string {
  return `${card(report)}\n\n${alternatives(report, top)}`;
}
