/**
 * The advice flags shared by `tokcost advise` and the planning reports: flags -> AdviceRequest, with
 * every bad value named and an example that works (UsageError).
 */
import { parseArgs } from 'node:util';
import type { AdviceRequest, LoadShape, Pricing } from '../engine/advice-types.ts';
import { findAccelerator, findModel, suggestAccelerators, suggestModels } from '../engine/catalog/lookup.ts';
import type { Catalog, Precision, ServingEngine, Vendor } from '../engine/catalog/types.ts';
import { oneOf, positiveInteger, positiveNumber, UsageError } from './args.ts';
import { MODEL_CONFIG_HELP, MODEL_CONFIG_OPTION } from './model-config.ts';

export const EXAMPLE_COMMAND = 'tokcost advise --model gpt-oss-120b --input-tokens 2048 --output-tokens 400 --requests-per-second 30 --peak-to-average 4 --ttft-ms 1000 --ttft-percentile 95 --tpot-ms 20';


/** The flags' help text (without the command line itself). */
export const ADVICE_FLAGS_HELP = `  load:     --peak-to-average X (diurnal; 1 = flat)  --shape flat|diurnal|weekly  --peak-hour H (UTC)
            --horizon day|week (default week)  --prefix-cache-hit F (0..1)  --length-spread CV
  targets:  --ttft-ms MS --ttft-percentile 50|90|95|99 --tpot-ms MS
  where:    --platforms b200,mi355x  --vendors nvidia,amd  --exclude h100-pcie  --precision fp4|fp8|bf16
            --engine trtllm|vllm|sglang
  money:    --price b200=2.5 (repeat or comma-separate)  --tier on-demand|reserved-3y|owning-hyperscaler|...
            --own [--dollars-per-kwh 0.08 --pue 1.2 --years 4]
  model:    ${MODEL_CONFIG_HELP}`;

export const ADVICE_OPTIONS = {
  model: { type: 'string' }, 'input-tokens': { type: 'string' }, 'output-tokens': { type: 'string' },
  'requests-per-second': { type: 'string' }, 'peak-to-average': { type: 'string' }, shape: { type: 'string' },
  'peak-hour': { type: 'string' }, horizon: { type: 'string' }, 'prefix-cache-hit': { type: 'string' },
  'length-spread': { type: 'string' }, 'ttft-ms': { type: 'string' }, 'ttft-percentile': { type: 'string' },
  'tpot-ms': { type: 'string' }, platforms: { type: 'string' }, vendors: { type: 'string' }, exclude: { type: 'string' },
  precision: { type: 'string' }, engine: { type: 'string' }, price: { type: 'string', multiple: true }, tier: { type: 'string' },
  own: { type: 'boolean' }, 'dollars-per-kwh': { type: 'string' }, pue: { type: 'string' }, years: { type: 'string' },
  json: { type: 'boolean' }, chart: { type: 'string' }, top: { type: 'string' }, example: { type: 'boolean' }, help: { type: 'boolean' },
  ...MODEL_CONFIG_OPTION,
} as const;

export type AdviceValues = ReturnType<typeof parseArgs<{ options: typeof ADVICE_OPTIONS; strict: true; allowPositionals: true }>>['values'];
type Values = AdviceValues;

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

/** The request the flags describe; the example's, with where/money flags applied, under --example. */
export function requestFromFlags(values: Values, catalog: Catalog): AdviceRequest {
  return values.example ? withOutputFlags(EXAMPLE_REQUEST, values, catalog) : requestFrom(values, catalog);
}

/** Flags that say something about the workload (as opposed to output flags). */
export function hasWorkloadFlags(values: Values): boolean {
  return values.example === true || values.model !== undefined;
}

/** The example with the user's platform, money and output flags applied. */
function withOutputFlags(base: AdviceRequest, values: Values, catalog: Catalog): AdviceRequest {
  return { ...base, ...whereAndMoney(values, catalog) };
}

function requestFrom(values: Values, catalog: Catalog): AdviceRequest {
  const missing = (['model', 'input-tokens', 'output-tokens', 'requests-per-second'] as const).filter((flag) => values[flag] === undefined);
  if (missing.length > 0) throw new UsageError(`missing ${missing.map((m) => `--${m}`).join(', ')} (or ask in words, e.g. "llama 70b, 2k in / 500 out, 30 rps", or add --example)`);
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

export function whereAndMoney(values: Values, catalog: Catalog): Pick<AdviceRequest, 'platforms' | 'excludePlatforms' | 'vendors' | 'dollarsPerGpuHourOverrides' | 'pricing'> {
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

