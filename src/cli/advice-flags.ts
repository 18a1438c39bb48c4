/**
 * The flags door: the advice flags shared by every report command -> the workload draft. Only syntax
 * is checked here (a number is a number, a word is one of its choices); ranges, the context window and
 * every default are the workload builder's, the same as for words and the Slack form.
 */
import { parseArgs } from 'node:util';
import type { AdviceRequest } from '../engine/advice-types.ts';
import { draftOf, type DraftFields, type WorkloadDraft } from '../advice/workload-draft.ts';
import { numberFlag, oneOf, UsageError } from './args.ts';
import { speculativeFlags } from './speculative-flags.ts';
import { MODEL_CONFIG_HELP, MODEL_CONFIG_OPTION } from './model-config.ts';

export const EXAMPLE_COMMAND = 'tokcost advise --model gpt-oss-120b --input-tokens 2048 --output-tokens 400 --requests-per-second 30 --peak-to-average 4 --peak-hour 12 --ttft-ms 1000 --ttft-percentile 95 --tpot-ms 20';

/** The flags' help text (without the command line itself). */
export const ADVICE_FLAGS_HELP = `  workload: --model M  --input-tokens I  --output-tokens O  --requests-per-second R  (unsaid: stated defaults)
  load:     --peak-to-average X (1 = flat)  --shape flat|diurnal|weekly|spike  --peak-hour H (UTC)
            --weekend-fraction F  --load-csv FILE (your series: time,rps | rpm | count rows)
            --horizon day|week  --prefix-cache-hit-rate F (0..1)  --length-spread CV
  serving:  --speculative mtp:3|eagle3:3|draft:MODEL:4 [--acceptance-rate A (0..1)]
  targets:  --ttft-ms MS --ttft-percentile 50..99.9 --tpot-ms MS  (none: an interactive default)  --batch (no target)
  where:    --platforms b200,mi355x  --vendors nvidia,amd  --exclude h100-pcie  --precision fp4|fp8|bf16
            --engine trtllm|vllm|sglang
  money:    --price b200=2.5 (repeat or comma-separate)  --tier on-demand|reserved-3y|owning-hyperscaler|...
            --own [--dollars-per-kwh 0.08 --pue 1.2 --years 4]
  model:    ${MODEL_CONFIG_HELP}`;

export const ADVICE_OPTIONS = {
  model: { type: 'string' }, 'input-tokens': { type: 'string' }, 'output-tokens': { type: 'string' },
  'requests-per-second': { type: 'string' }, 'peak-to-average': { type: 'string' }, shape: { type: 'string' },
  'peak-hour': { type: 'string' }, 'weekend-fraction': { type: 'string' }, 'load-csv': { type: 'string' }, horizon: { type: 'string' },
  'prefix-cache-hit': { type: 'string' }, 'prefix-cache-hit-rate': { type: 'string' }, speculative: { type: 'string' }, 'acceptance-rate': { type: 'string' }, 'length-spread': { type: 'string' }, 'ttft-ms': { type: 'string' }, 'ttft-percentile': { type: 'string' },
  'tpot-ms': { type: 'string' }, batch: { type: 'boolean' }, platforms: { type: 'string' }, vendors: { type: 'string' }, exclude: { type: 'string' },
  precision: { type: 'string' }, engine: { type: 'string' }, price: { type: 'string', multiple: true }, tier: { type: 'string' },
  own: { type: 'boolean' }, 'dollars-per-kwh': { type: 'string' }, pue: { type: 'string' }, years: { type: 'string' },
  json: { type: 'boolean' }, chart: { type: 'string' }, top: { type: 'string' }, example: { type: 'boolean' }, help: { type: 'boolean' },
  ...MODEL_CONFIG_OPTION,
} as const;

export type AdviceValues = ReturnType<typeof parseArgs<{ options: typeof ADVICE_OPTIONS; strict: true; allowPositionals: true }>>['values'];
type Values = AdviceValues;

/** The built-in example: gpt-oss-120b, 2k in / 400 out, 30 req/s mean peaking 4x at noon UTC, p95 TTFT < 1 s, 50 tok/s per user, over a week. */
export const EXAMPLE_FIELDS: DraftFields = {
  model: 'gpt-oss-120b', inputTokens: 2048, outputTokens: 400, requestsPerSecond: 30, shape: 'diurnal', peakToAverage: 4, peakHourUtc: 12,
  horizon: 'week', ttftMs: 1000, ttftPercentile: 95, tpotMs: 20, pricing: 'rented',
};

/**
 * The example as the engine's request (benches and engine tests start from it); test/cli checks it is
 * exactly what buildWorkload makes of EXAMPLE_FIELDS.
 */
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

/** Flags that describe the workload (as opposed to output flags). */
export function hasWorkloadFlags(values: Values): boolean {
  return WORKLOAD_FLAGS.some((flag) => values[flag] !== undefined);
}

const OUTPUT_FLAGS = new Set(['json', 'chart', 'top', 'help']);
const WORKLOAD_FLAGS = (Object.keys(ADVICE_OPTIONS) as (keyof typeof ADVICE_OPTIONS)[]).filter((flag) => !OUTPUT_FLAGS.has(flag));

const num = (values: Values, flag: keyof Values & string, example?: string): number | undefined => {
  const raw = values[flag];
  return typeof raw === 'string' ? numberFlag(`--${flag}`, raw, example) : undefined;
};

const list = (raw: string | undefined): string[] | undefined => (raw === undefined ? undefined : raw.split(',').map((s) => s.trim()).filter((s) => s.length > 0));

/** The draft the flags describe: the example's with the flags given on top under --example. */
export function draftFromFlags(values: Values, series?: DraftFields['series']): WorkloadDraft {
  const said: DraftFields = {
    model: values.model,
    inputTokens: num(values, 'input-tokens', '2000'),
    outputTokens: num(values, 'output-tokens', '500'),
    requestsPerSecond: num(values, 'requests-per-second'),
    peakToAverage: num(values, 'peak-to-average', '4'),
    shape: values.shape === undefined ? undefined : oneOf('--shape', values.shape, ['flat', 'diurnal', 'weekly', 'spike'] as const),
    peakHourUtc: num(values, 'peak-hour', '12'),
    weekendFraction: num(values, 'weekend-fraction', '0.5'),
    horizon: values.horizon === undefined ? undefined : oneOf('--horizon', values.horizon, ['day', 'week'] as const),
    prefixCacheHitFraction: num(values, 'prefix-cache-hit-rate', '0.6') ?? num(values, 'prefix-cache-hit', '0.6'),
    ...speculativeFlags(values.speculative, values['acceptance-rate']),
    lengthSpreadFraction: num(values, 'length-spread', '0.5'),
    ttftMs: num(values, 'ttft-ms', '1000'),
    ttftPercentile: num(values, 'ttft-percentile', '95'),
    tpotMs: num(values, 'tpot-ms', '20'),
    latencyClass: values.batch ? 'batch' : undefined,
    platforms: list(values.platforms),
    excludePlatforms: list(values.exclude),
    vendors: list(values.vendors)?.map((v) => oneOf('--vendors', v, ['nvidia', 'amd', 'google', 'aws', 'intel'] as const)),
    precision: values.precision === undefined ? undefined : oneOf('--precision', values.precision, ['fp4', 'fp8', 'bf16'] as const),
    engine: values.engine === undefined ? undefined : oneOf('--engine', values.engine, ['trtllm', 'vllm', 'sglang'] as const),
    dollarsPerGpuHour: prices(values.price),
    tier: values.tier,
    pricing: values.own ? 'owned' : values.tier !== undefined ? 'rented' : undefined,
    dollarsPerKwh: num(values, 'dollars-per-kwh', '0.08'),
    powerUsageEffectiveness: num(values, 'pue', '1.2'),
    amortizationYears: num(values, 'years', '4'),
    ...(series ? { series, shape: 'series' as const } : {}),
  };
  if (values.batch && (said.ttftMs !== undefined || said.tpotMs !== undefined)) throw new UsageError('--batch means no latency target: drop --ttft-ms / --tpot-ms, or drop --batch');
  const stated = draftOf(said);
  return values.example ? draftOf({ ...EXAMPLE_FIELDS, ...stated.fields }) : stated;
}

function prices(raw: readonly string[] | undefined): Record<string, number> | undefined {
  if (raw === undefined) return undefined;
  const out: Record<string, number> = {};
  for (const entry of raw.flatMap((p) => p.split(','))) {
    const [name, dollars] = entry.split('=');
    if (!name?.trim() || dollars === undefined) throw new UsageError(`--price expects PLATFORM=DOLLARS_PER_GPU_HOUR, got "${entry}" (example: --price h100-sxm=1.99)`);
    out[name.trim()] = numberFlag(`--price ${name.trim()}=`, dollars, '1.99');
  }
  return out;
}
