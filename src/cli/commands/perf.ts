/** `tokcost perf`: what one platform delivers for a model at a load (the performance model alone). */
import { parseArgs } from 'node:util';
import { loadCatalogOrThrow } from '../../catalog/index.ts';
import { loadCalibration } from '../../catalog/load-calibration.ts';
import type { Precision, ServingEngine } from '../../engine/catalog/types.ts';
import { estimatePerformance, type PerfEstimate } from '../../engine/performance/estimate.ts';
import { parseParallelism, type ParallelLayout } from '../../engine/performance/layout.ts';
import { describeDeployedPrecision } from '../../engine/performance/memory.ts';
import { formatCount, formatMs, formatTable } from '../../format.ts';
import { BOUNDS, outOfBound, type Bound } from '../../advice/bounds.ts';
import { positiveInteger, positiveNumber, oneOf, UsageError } from '../args.ts';
import { fail, ok, unprintableFigure, type CliResult } from '../cli-result.ts';
import { speculativeFlags } from '../speculative-flags.ts';
import { applyModelConfig, MODEL_CONFIG_HELP, MODEL_CONFIG_OPTION } from '../model-config.ts';

const HELP = `tokcost perf --model M --platform P --gpus N --precision fp4|fp8|bf16 --input-tokens I --output-tokens O
             [--concurrency C | --request-rate R] [--engine trtllm|vllm|sglang] [--json]
             [--mode aggregated|disaggregated [--tpot-ms MS]] [--parallelism LAYOUT]
             [--scheduler prefill-first|mixed]
             [--speculative mtp:3|eagle3:3|draft:MODEL:4 [--acceptance-rate A]] [--prefix-cache-hit-rate F]
${MODEL_CONFIG_HELP}
Without --concurrency/--request-rate: saturated load (the highest throughput that fits).
--parallelism: one replica's layout, e.g. TP8, TP4PP2, TP1PP8, TP8EP8 or DEP4 (attention data parallel
  with expert parallel); it must divide --gpus and keep TP inside the platform's scale-up domain.
  Without it the model picks the layout with the most output tokens/s per GPU (the JSON names it).
--engine: default by vendor, as advise assumes: trtllm on NVIDIA, sglang on AMD, vllm elsewhere
  (TensorRT-LLM runs only on NVIDIA GPUs).
--scheduler: how the engine admits new prompts, which sets TTFT in a closed loop (--concurrency):
  prefill-first runs waiting prefills in steps of their own (SGLang; vLLM before 0.8 without chunked
  prefill; TGI; Neuron), so fixed-length clients stay in waves and each wave queues for its own prefills;
  mixed puts them into the decode steps in flight (TensorRT-LLM, NIM, vLLM V1). Default: by --engine
  (trtllm mixed, vllm and sglang prefill-first). The JSON gives ttftMs (mean) and ttftMedianMs.
--speculative: speculative decoding, METHOD:DRAFT_TOKENS (MTP heads, an EAGLE-3 head, a draft model);
  --acceptance-rate: the share of drafted tokens accepted per position (0-1), else the method's
  published default (data/speculative-methods.json, stated in the output).
--prefix-cache-hit-rate: share of input tokens served from the prefix cache (0 to below 1): they skip
  prefill compute (TTFT, prefill GPU time) but still occupy the KV cache.
--mode disaggregated: rate-matched prefill and decode workers (decode batch limited by --tpot-ms).
Example: tokcost perf --model llama-3.3-70b --platform h200 --gpus 8 --precision fp8 --input-tokens 2048 --output-tokens 512`;

export async function run(argv: string[]): Promise<CliResult> {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        model: { type: 'string' }, platform: { type: 'string' }, gpus: { type: 'string' }, precision: { type: 'string' },
        'input-tokens': { type: 'string' }, 'output-tokens': { type: 'string' }, concurrency: { type: 'string' },
        'request-rate': { type: 'string' }, engine: { type: 'string' }, mode: { type: 'string' }, 'tpot-ms': { type: 'string' },
        parallelism: { type: 'string' }, scheduler: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' }, ...MODEL_CONFIG_OPTION,
        speculative: { type: 'string' }, 'acceptance-rate': { type: 'string' }, 'prefix-cache-hit-rate': { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (error) {
    return fail(`${(error as Error).message}\n\n${HELP}\n`);
  }
  if (values.help) return ok(`${HELP}\n`);
  try {
    const configured = applyModelConfig(values, loadCatalogOrThrow());
    values = configured.values;
    if (!values.model || !values.platform) throw new UsageError('--model (or --model-config FILE) and --platform are required');
    if (values.concurrency !== undefined && values['request-rate'] !== undefined) throw new UsageError('give --concurrency or --request-rate, not both');
    const request = {
      model: values.model,
      platform: values.platform,
      gpus: bounded('--gpus', positiveInteger('--gpus', values.gpus ?? '1'), PERF_GPUS_BOUND),
      precision: oneOf<Precision>('--precision', values.precision ?? 'fp8', ['fp4', 'fp8', 'bf16']),
      inputTokens: bounded('--input-tokens', positiveInteger('--input-tokens', values['input-tokens'] ?? '1024'), BOUNDS.inputTokens!),
      outputTokens: bounded('--output-tokens', positiveInteger('--output-tokens', values['output-tokens'] ?? '1024'), BOUNDS.outputTokens!),
      ...(values.engine !== undefined ? { engine: oneOf<ServingEngine>('--engine', values.engine, ['trtllm', 'vllm', 'sglang']) } : {}),
      servingMode: oneOf('--mode', values.mode ?? 'aggregated', ['aggregated', 'disaggregated'] as const),
      ...(values['tpot-ms'] !== undefined ? { tpotTargetMs: bounded('--tpot-ms', positiveNumber('--tpot-ms', values['tpot-ms']), BOUNDS.tpotMs!) } : {}),
      ...(values.concurrency !== undefined ? { concurrency: bounded('--concurrency', positiveNumber('--concurrency', values.concurrency), PERF_CONCURRENCY_BOUND) } : {}),
      ...(values['request-rate'] !== undefined ? { requestsPerSecond: bounded('--request-rate', positiveNumber('--request-rate', values['request-rate']), BOUNDS.requestsPerSecond!) } : {}),
      ...(values.parallelism !== undefined ? { layout: parallelismFlag(values.parallelism) } : {}),
      ...(values.scheduler !== undefined ? { scheduler: oneOf('--scheduler', values.scheduler, ['prefill-first', 'mixed'] as const) } : {}),
      ...speculativeFlags(values.speculative, values['acceptance-rate']),
      ...(values['prefix-cache-hit-rate'] !== undefined ? { prefixCacheHitFraction: bounded('--prefix-cache-hit-rate', Number(values['prefix-cache-hit-rate']), BOUNDS.prefixCacheHitFraction!) } : {}),
    };
    const result = estimatePerformance(configured.catalog, loadCalibration(), request);
    if (!result.ok) return fail(`tokcost perf: ${result.message}\n`, 1);
    const text = values.json ? `${JSON.stringify(result.estimate, null, 2)}\n` : `${renderEstimate(result.estimate)}\n`;
    const bad = values.json ? null : unprintableFigure(text);
    if (bad) return fail(`tokcost perf: internal error: a figure came out as "${bad}"; it was not shown. Please report the command.\n`, 70);
    return ok(text);
  } catch (error) {
    if (error instanceof UsageError) return fail(`tokcost perf: ${error.message}\n\n${HELP}\n`);
    throw error;
  }
}

/** One model's replicas on one platform: beyond 100,000 accelerators no single deployment exists. */
const PERF_GPUS_BOUND: Bound = { min: 1, max: 100_000, integer: true, label: 'GPUs', why: 'the largest clusters hold about 100,000 accelerators', example: 8 };
const PERF_CONCURRENCY_BOUND: Bound = { min: 1, max: 10_000_000, label: 'concurrency (requests in flight)', why: 'up to 10 million requests in flight', example: 64 };

function bounded(flag: string, value: number, bound: Bound): number {
  const wrong = outOfBound(value, bound);
  if (wrong) throw new UsageError(`${flag}: ${wrong} (example: ${flag} ${bound.example})`);
  return value;
}

/** `--parallelism` as a layout, or a usage error that says what was wrong and how to write one. */
export function parallelismFlag(raw: string): ParallelLayout {
  const parsed = parseParallelism(raw);
  if (!parsed.ok) throw new UsageError(`--parallelism: ${parsed.message}`);
  return parsed.layout;
}

function renderEstimate(e: PerfEstimate): string {
  const p = e.parallelism;
  const rows = [
    ['output tokens/s per GPU', `${formatCount(e.outputTokensPerSecondPerGpu)} (range ${formatCount(e.outputTokensPerSecondPerGpuRange.low)} to ${formatCount(e.outputTokensPerSecondPerGpuRange.high)})`],
    ['total tokens/s per GPU', formatCount(e.totalTokensPerSecondPerGpu)],
    ['output tokens/s per user', formatCount(e.outputTokensPerSecondPerUser)],
    ['TTFT (mean)', `${formatMs(e.ttftMs)} (range ${formatMs(e.ttftMsRange.low)} to ${formatMs(e.ttftMsRange.high)}); median ${formatMs(e.ttftMedianMs)}`],
    ['TPOT (mean)', `${formatMs(e.tpotMs)} (range ${formatMs(e.tpotMsRange.low)} to ${formatMs(e.tpotMsRange.high)})`],
    ['requests in flight', formatCount(e.concurrency)],
    ['requests/s', formatCount(e.requestsPerSecond)],
    ['scheduler', `${e.scheduler}${e.scheduler === 'prefill-first' ? ' (closed-loop clients arrive in waves)' : ' (prompts join the decode steps)'}`],
    ...(e.speculative ? [['speculative decoding', e.speculative.text]] : []),
    ...(e.prefixCacheHitFraction ? [['prefix cache', `${Math.round(e.prefixCacheHitFraction * 100)}% of input tokens served from the cache: they skip prefill, still fill the KV cache`]] : []),
    ['parallelism', `${p.replicas} replica(s) x ${p.layout} (${p.chosenBy === 'request' ? 'as requested' : 'chosen by the model'})`],
    ...(e.disaggregation ? [['disaggregated', `${e.disaggregation.prefillWorkers} prefill : ${e.disaggregation.decodeWorkers} decode workers of ${e.disaggregation.gpusPerWorker} GPU(s); KV hand-off ${formatMs(e.disaggregation.kvHandoffMs)}`]] : []),
    ['model', `${e.modelName}${e.modelBasis === 'estimate' && !/estimate/i.test(e.modelName) ? ' (architecture: estimate, see the catalog note)' : ''}`],
    ['precision as deployed', describeDeployedPrecision(e.precisionAsDeployed)],
    ['weights per GPU', `${e.memory.weightGbPerGpu.toFixed(1)} GB; KV budget ${e.memory.kvBudgetGbPerGpu.toFixed(1)} GB; max batch ${e.memory.maxBatchPerReplica}`],
    ['basis', e.efficienciesFrom ? `${e.basis} (efficiencies fitted on ${e.efficienciesFrom}, the same architecture)` : e.basis],
    ['ranges', `p10-p90 of the error on published results held out by source (${e.rangeBasis === 'saturated' ? 'saturated throughput' : 'partial load'}; latency at partial load)`],
  ];
  const curveRows = [['concurrency', 'tok/s per GPU', 'tok/s per user', 'TTFT', 'TPOT'], ...e.curve.map((c) => [String(c.concurrency), formatCount(c.outputTokensPerSecondPerGpu), formatCount(c.outputTokensPerSecondPerUser), formatMs(c.ttftMs), formatMs(c.tpotMs)])];
  const curve = `\nThroughput vs interactivity (one replica of ${p.gpusPerReplica} GPU(s), closed loop):\n${formatTable(curveRows)}`;
  const head = `${e.modelId} on ${e.platformId}, ${e.precision.toUpperCase()}, ${e.engine}, ${e.servingMode}${e.saturated ? ' (saturated load)' : ''}`;
  const table = rows.map(([key, value]) => `  ${key!.padEnd(26)}${value}`).join('\n');
  return `${head}\n${table}\n${curve}`;
}
