import type { Basis, Catalog, Precision, ServingEngine } from '../catalog/types.ts';
import { findAccelerator, findModel } from '../catalog/lookup.ts';
import { pointAtConcurrency, pointAtRate, saturatedPoint, type OperatingPoint } from './aggregated.ts';
import { memoryFit } from './batch-limit.ts';
import { type DeployedPrecision, deployedPrecision } from './memory.ts';
import { type CalibrationTable, type EstimateBasis, resolveEfficiencies } from './calibration.ts';
import { buildReplica, candidateReplicaSizes, type ReplicaSpec } from './parallelism.ts';
import type { Replica } from './replica.ts';
import { type CurvePoint, interactivityCurve } from './curve.ts';
import { disaggregatedPlan } from './disaggregated-plan.ts';

export interface PerfRequest {
  readonly model: string;
  readonly platform: string;
  /** GPUs in total; split into identical replicas. */
  readonly gpus: number;
  readonly precision: Precision;
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** Concurrent requests across all replicas (closed loop). */
  readonly concurrency?: number;
  /** Offered requests/s across all replicas (Poisson). */
  readonly requestsPerSecond?: number;
  readonly engine?: ServingEngine;
  /** Aggregated (default) or disaggregated prefill/decode workers. */
  readonly servingMode?: 'aggregated' | 'disaggregated';
  /** Disaggregated: the decode batch is the largest meeting this TPOT (default: memory-limited). */
  readonly tpotTargetMs?: number;
}

export interface PerfEstimate {
  readonly modelId: string;
  readonly modelName: string;
  /** How the model's architecture is known: `estimate` for a typical shape or a transcribed guess. */
  readonly modelBasis: Basis;
  readonly platformId: string;
  readonly precision: Precision;
  /** Weight, math and KV-cache precision as the platform runs the requested precision. */
  readonly precisionAsDeployed: DeployedPrecision;
  readonly engine: ServingEngine;
  readonly outputTokensPerSecondPerGpu: number;
  readonly totalTokensPerSecondPerGpu: number;
  readonly outputTokensPerSecondPerUser: number;
  readonly ttftMs: number;
  readonly tpotMs: number;
  /** Requests decoding at once, all replicas together. */
  readonly concurrency: number;
  readonly requestsPerSecond: number;
  readonly saturated: boolean;
  readonly parallelism: { readonly tensor: number; readonly pipeline: number; readonly expert: number; readonly replicas: number; readonly gpusPerReplica: number };
  readonly memory: { readonly weightGbPerGpu: number; readonly kvBudgetGbPerGpu: number; readonly maxBatchPerReplica: number };
  readonly basis: EstimateBasis;
  /** The platform whose fitted efficiencies were borrowed (same architecture), when this one has no fit. */
  readonly efficienciesFrom?: string;
  readonly outputTokensPerSecondPerGpuRange: { readonly low: number; readonly high: number };
  readonly servingMode: 'aggregated' | 'disaggregated';
  /** Disaggregated: rate-matched prefill and decode workers of one unit, and the KV hand-off time. */
  readonly disaggregation?: { readonly prefillWorkers: number; readonly decodeWorkers: number; readonly gpusPerWorker: number; readonly kvHandoffMs: number };
  /** Throughput against interactivity for the chosen replica (closed-loop sweep over concurrency). */
  readonly curve: readonly CurvePoint[];
}

export type PerfFailureCode = 'unknown-model' | 'unknown-platform' | 'precision-unsupported' | 'does-not-fit' | 'bad-input';

export type PerfResult =
  | { readonly ok: true; readonly estimate: PerfEstimate }
  | { readonly ok: false; readonly code: PerfFailureCode; readonly message: string };

function operatingPoint(replica: Replica, request: PerfRequest, replicas: number): OperatingPoint | null {
  const lengths = { inputTokens: request.inputTokens, outputTokens: request.outputTokens };
  if (request.concurrency !== undefined) return pointAtConcurrency(replica, lengths, Math.max(1, request.concurrency / replicas));
  if (request.requestsPerSecond !== undefined) return pointAtRate(replica, lengths, request.requestsPerSecond / replicas);
  return saturatedPoint(replica, lengths);
}

/**
 * Throughput and latency of `gpus` GPUs of a platform serving a model (aggregated serving), at saturation
 * or at a given concurrency or request rate. Among the replica sizes that divide `gpus`, picks the one with
 * the highest output tokens/s per GPU at this load. Infeasible requests say why and what would work.
 */
export function estimatePerformance(catalog: Catalog, calibration: CalibrationTable, request: PerfRequest): PerfResult {
  const model = findModel(catalog, request.model);
  if (!model) return { ok: false, code: 'unknown-model', message: `unknown model "${request.model}"; known: ${catalog.models.map((m) => m.id).join(', ')}` };
  const accelerator = findAccelerator(catalog, request.platform);
  if (!accelerator) return { ok: false, code: 'unknown-platform', message: `unknown platform "${request.platform}"; known: ${catalog.accelerators.map((a) => a.id).join(', ')}` };
  const deployed = deployedPrecision(accelerator, request.precision);
  if (!deployed) {
    const supported = (['fp4', 'fp8', 'bf16'] as const).filter((p) => accelerator.denseFlopsPerSecond[p] !== undefined);
    return {
      ok: false,
      code: 'precision-unsupported',
      message: `${accelerator.name} runs neither ${request.precision.toUpperCase()} nor BF16 math (it runs ${supported.join(', ')}); try --precision ${supported[0]}`,
    };
  }
  const engine = request.engine ?? 'trtllm';
  const resolved = resolveEfficiencies(calibration, accelerator.id, model.id, engine);
  const spec: ReplicaSpec = { model, accelerator, precision: request.precision, engine, efficiencies: resolved.efficiencies, engineMultiplier: resolved.engineMultiplier };
  if (request.servingMode === 'disaggregated') return estimateDisaggregated(spec, request, resolved);
  let best: { replica: Replica; point: OperatingPoint; replicas: number } | null = null;
  // The whole system as one replica too, when it is not a power of two (12 Inferentia2 on an inf2.48xlarge, 6 GPUs).
  const sizes = [...new Set([...candidateReplicaSizes(request.gpus), request.gpus])];
  for (const size of sizes) {
    if (request.gpus % size !== 0) continue;
    const replica = buildReplica(spec, size);
    const replicas = request.gpus / size;
    const point = operatingPoint(replica, request, replicas);
    if (point && (!best || point.outputTokensPerSecondPerGpu > best.point.outputTokensPerSecondPerGpu * 1.001)) best = { replica, point, replicas };
  }
  if (!best) return { ok: false, code: 'does-not-fit', message: doesNotFitMessage(spec, request) };
  return { ok: true, estimate: toEstimate(best.replica, best.point, best.replicas, request, resolved) };
}

function doesNotFitMessage(spec: ReplicaSpec, request: PerfRequest): string {
  const context = request.inputTokens + request.outputTokens;
  for (const size of candidateReplicaSizes(512)) {
    if (size <= request.gpus) continue;
    if (memoryFit(buildReplica(spec, size), context).maxBatch >= 1) {
      return `${spec.model.name} at ${request.precision.toUpperCase()} does not fit on ${request.gpus} x ${spec.accelerator.name} with ${context}-token sequences; it needs at least ${size} GPUs (try --gpus ${size}${request.precision === 'bf16' ? ' or --precision fp8' : ''})`;
    }
  }
  return `${spec.model.name} does not fit on ${spec.accelerator.name} even at 512 GPUs`;
}

function toEstimate(replica: Replica, point: OperatingPoint, replicas: number, request: PerfRequest, resolved: ReturnType<typeof resolveEfficiencies>): PerfEstimate {
  const fit = memoryFit(replica, request.inputTokens + request.outputTokens);
  const gpusPer = replica.tensorParallel * replica.pipelineParallel;
  return {
    modelId: replica.model.id,
    modelName: replica.model.name,
    modelBasis: replica.model.source.basis,
    platformId: replica.accelerator.id,
    precision: replica.precision,
    precisionAsDeployed: deployedPrecision(replica.accelerator, replica.precision)!,
    engine: replica.engine,
    outputTokensPerSecondPerGpu: point.outputTokensPerSecondPerGpu,
    totalTokensPerSecondPerGpu: point.totalTokensPerSecondPerGpu,
    outputTokensPerSecondPerUser: 1000 / point.tpotMs,
    ttftMs: point.ttftMs,
    tpotMs: point.tpotMs,
    concurrency: point.batch * replicas,
    requestsPerSecond: point.requestsPerSecond * replicas,
    saturated: point.saturated,
    parallelism: { tensor: replica.tensorParallel, pipeline: replica.pipelineParallel, expert: replica.model.moe ? replica.tensorParallel : 1, replicas, gpusPerReplica: gpusPer },
    memory: { weightGbPerGpu: fit.weightBytesPerGpu / 1e9, kvBudgetGbPerGpu: fit.kvBudgetBytesPerGpu / 1e9, maxBatchPerReplica: fit.maxBatch },
    basis: resolved.basis,
    ...(resolved.efficienciesFrom ? { efficienciesFrom: resolved.efficienciesFrom } : {}),
    outputTokensPerSecondPerGpuRange: {
      low: point.outputTokensPerSecondPerGpu * resolved.lowMultiplier,
      high: point.outputTokensPerSecondPerGpu * resolved.highMultiplier,
    },
    servingMode: 'aggregated',
    curve: interactivityCurve(replica, { inputTokens: request.inputTokens, outputTokens: request.outputTokens }),
  };
}

/**
 * Disaggregated estimate at saturation: the smallest replica size that holds the model serves both roles
 * (prefill and decode workers of the same size), rate-matched into one unit; `gpus` must fit whole units.
 */
function estimateDisaggregated(spec: ReplicaSpec, request: PerfRequest, resolved: ReturnType<typeof resolveEfficiencies>): PerfResult {
  if (request.concurrency !== undefined || request.requestsPerSecond !== undefined) {
    return { ok: false, code: 'bad-input', message: 'disaggregated estimates are at saturation: drop --concurrency/--request-rate (tokcost advise sizes disaggregated pools for a load)' };
  }
  for (const size of candidateReplicaSizes(request.gpus)) {
    const worker = buildReplica(spec, size);
    if (2 * size > request.gpus) break;
    const plan = disaggregatedPlan(worker, worker, request.inputTokens, request.outputTokens, request.tpotTargetMs, request.gpus);
    if (!plan) continue;
    const units = Math.floor(request.gpus / plan.gpus);
    const fit = memoryFit(worker, request.inputTokens + request.outputTokens);
    return {
      ok: true,
      estimate: {
        modelId: spec.model.id,
        modelName: spec.model.name,
        modelBasis: spec.model.source.basis,
        platformId: spec.accelerator.id,
        precision: spec.precision,
        precisionAsDeployed: deployedPrecision(spec.accelerator, spec.precision)!,
        engine: spec.engine,
        outputTokensPerSecondPerGpu: plan.outputTokensPerSecondPerGpu,
        totalTokensPerSecondPerGpu: plan.totalTokensPerSecondPerGpu,
        outputTokensPerSecondPerUser: 1000 / plan.tpotMs,
        ttftMs: plan.ttftMs,
        tpotMs: plan.tpotMs,
        concurrency: plan.decodeBatch * plan.decodeWorkers * units,
        requestsPerSecond: plan.requestsPerSecond * units,
        saturated: true,
        parallelism: { tensor: worker.tensorParallel, pipeline: worker.pipelineParallel, expert: spec.model.moe ? worker.tensorParallel : 1, replicas: units * (plan.prefillWorkers + plan.decodeWorkers), gpusPerReplica: size },
        memory: { weightGbPerGpu: fit.weightBytesPerGpu / 1e9, kvBudgetGbPerGpu: fit.kvBudgetBytesPerGpu / 1e9, maxBatchPerReplica: fit.maxBatch },
        basis: resolved.basis,
        ...(resolved.efficienciesFrom ? { efficienciesFrom: resolved.efficienciesFrom } : {}),
        outputTokensPerSecondPerGpuRange: { low: plan.outputTokensPerSecondPerGpu * resolved.lowMultiplier, high: plan.outputTokensPerSecondPerGpu * resolved.highMultiplier },
        servingMode: 'disaggregated',
        disaggregation: { prefillWorkers: plan.prefillWorkers, decodeWorkers: plan.decodeWorkers, gpusPerWorker: size, kvHandoffMs: plan.kvHandoffMs },
        curve: interactivityCurve(worker, { inputTokens: request.inputTokens, outputTokens: request.outputTokens }),
      },
    };
  }
  return { ok: false, code: 'does-not-fit', message: `${doesNotFitMessage(spec, request)}; disaggregated serving needs at least one prefill and one decode worker` };
}
