/** `tokcost perf`: what one platform delivers for a model at a load (the performance model alone). */
import { parseArgs } from 'node:util';
import { loadCatalogOrThrow } from '../../catalog/index.ts';
import { loadCalibration } from '../../catalog/load-calibration.ts';
import type { Precision, ServingEngine } from '../../engine/catalog/types.ts';
import { estimatePerformance, type PerfEstimate } from '../../engine/performance/estimate.ts';
import { describeDeployedPrecision } from '../../engine/performance/memory.ts';
import { formatCount, formatMs, formatTable } from '../../format.ts';
import { positiveInteger, positiveNumber, oneOf, UsageError } from '../args.ts';
import { applyModelConfig, MODEL_CONFIG_HELP, MODEL_CONFIG_OPTION } from '../model-config.ts';

const HELP = `tokcost perf --model M --platform P --gpus N --precision fp4|fp8|bf16 --input-tokens I --output-tokens O
             [--concurrency C | --request-rate R] [--engine trtllm|vllm|sglang] [--json]
             [--mode aggregated|disaggregated [--tpot-ms MS]]
${MODEL_CONFIG_HELP}
Without --concurrency/--request-rate: saturated load (the highest throughput that fits).
--mode disaggregated: rate-matched prefill and decode workers (decode batch limited by --tpot-ms).
Example: tokcost perf --model llama-3.3-70b --platform h200 --gpus 8 --precision fp8 --input-tokens 2048 --output-tokens 512`;

export async function run(argv: string[]): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        model: { type: 'string' }, platform: { type: 'string' }, gpus: { type: 'string' }, precision: { type: 'string' },
        'input-tokens': { type: 'string' }, 'output-tokens': { type: 'string' }, concurrency: { type: 'string' },
        'request-rate': { type: 'string' }, engine: { type: 'string' }, mode: { type: 'string' }, 'tpot-ms': { type: 'string' },
        json: { type: 'boolean' }, help: { type: 'boolean' }, ...MODEL_CONFIG_OPTION,
      },
      strict: true,
    }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${HELP}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  try {
    const configured = applyModelConfig(values, loadCatalogOrThrow());
    values = configured.values;
    if (!values.model || !values.platform) throw new UsageError('--model (or --model-config FILE) and --platform are required');
    if (values.concurrency !== undefined && values['request-rate'] !== undefined) throw new UsageError('give --concurrency or --request-rate, not both');
    const request = {
      model: values.model,
      platform: values.platform,
      gpus: positiveInteger('--gpus', values.gpus ?? '1'),
      precision: oneOf<Precision>('--precision', values.precision ?? 'fp8', ['fp4', 'fp8', 'bf16']),
      inputTokens: positiveInteger('--input-tokens', values['input-tokens'] ?? '1024'),
      outputTokens: positiveInteger('--output-tokens', values['output-tokens'] ?? '1024'),
      engine: oneOf<ServingEngine>('--engine', values.engine ?? 'trtllm', ['trtllm', 'vllm', 'sglang']),
      servingMode: oneOf('--mode', values.mode ?? 'aggregated', ['aggregated', 'disaggregated'] as const),
      ...(values['tpot-ms'] !== undefined ? { tpotTargetMs: positiveNumber('--tpot-ms', values['tpot-ms']) } : {}),
      ...(values.concurrency !== undefined ? { concurrency: positiveNumber('--concurrency', values.concurrency) } : {}),
      ...(values['request-rate'] !== undefined ? { requestsPerSecond: positiveNumber('--request-rate', values['request-rate']) } : {}),
    };
    const result = estimatePerformance(configured.catalog, loadCalibration(), request);
    if (!result.ok) {
      process.stderr.write(`tokcost perf: ${result.message}\n`);
      return 1;
    }
    process.stdout.write(values.json ? `${JSON.stringify(result.estimate, null, 2)}\n` : `${renderEstimate(result.estimate)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`tokcost perf: ${error.message}\n\n${HELP}\n`);
      return 2;
    }
    throw error;
  }
}

function renderEstimate(e: PerfEstimate): string {
  const p = e.parallelism;
  const rows = [
    ['output tokens/s per GPU', `${formatCount(e.outputTokensPerSecondPerGpu)} (range ${formatCount(e.outputTokensPerSecondPerGpuRange.low)} to ${formatCount(e.outputTokensPerSecondPerGpuRange.high)})`],
    ['total tokens/s per GPU', formatCount(e.totalTokensPerSecondPerGpu)],
    ['output tokens/s per user', formatCount(e.outputTokensPerSecondPerUser)],
    ['TTFT (mean)', formatMs(e.ttftMs)],
    ['TPOT (mean)', formatMs(e.tpotMs)],
    ['requests in flight', formatCount(e.concurrency)],
    ['requests/s', formatCount(e.requestsPerSecond)],
    ['parallelism', `${p.replicas} replica(s) x TP${p.tensor}${p.pipeline > 1 ? ` PP${p.pipeline}` : ''}${p.expert > 1 ? ` EP${p.expert}` : ''}`],
    ...(e.disaggregation ? [['disaggregated', `${e.disaggregation.prefillWorkers} prefill : ${e.disaggregation.decodeWorkers} decode workers of ${e.disaggregation.gpusPerWorker} GPU(s); KV hand-off ${formatMs(e.disaggregation.kvHandoffMs)}`]] : []),
    ['model', `${e.modelName}${e.modelBasis === 'estimate' && !/estimate/i.test(e.modelName) ? ' (architecture: estimate, see the catalog note)' : ''}`],
    ['precision as deployed', describeDeployedPrecision(e.precisionAsDeployed)],
    ['weights per GPU', `${e.memory.weightGbPerGpu.toFixed(1)} GB; KV budget ${e.memory.kvBudgetGbPerGpu.toFixed(1)} GB; max batch ${e.memory.maxBatchPerReplica}`],
    ['basis', e.efficienciesFrom ? `${e.basis} (efficiencies fitted on ${e.efficienciesFrom}, the same architecture)` : e.basis],
  ];
  const curveRows = [['concurrency', 'tok/s per GPU', 'tok/s per user', 'TTFT', 'TPOT'], ...e.curve.map((c) => [String(c.concurrency), formatCount(c.outputTokensPerSecondPerGpu), formatCount(c.outputTokensPerSecondPerUser), formatMs(c.ttftMs), formatMs(c.tpotMs)])];
  const curve = `\nThroughput vs interactivity (one replica of ${p.gpusPerReplica} GPU(s), closed loop):\n${formatTable(curveRows)}`;
  const head = `${e.modelId} on ${e.platformId}, ${e.precision.toUpperCase()}, ${e.engine}, ${e.servingMode}${e.saturated ? ' (saturated load)' : ''}`;
  const table = rows.map(([key, value]) => `  ${key!.padEnd(26)}${value}`).join('\n');
  return `${head}\n${table}\n${curve}`;
}
