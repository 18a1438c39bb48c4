import type { Basis, Catalog, Precision, ServingEngine, SpeculativeSettings } from '../catalog/types.ts';
import { resolveSpeculative } from './speculative-settings.ts';
import { findAccelerator, findModel } from '../catalog/lookup.ts';
import { type Lengths, pointAtConcurrency, pointAtRate, saturatedPoint, schedulerOf, type OperatingPoint } from './aggregated.ts';
import { memoryFit } from './batch-limit.ts';
import { type DeployedPrecision, deployedPrecision } from './memory.ts';
import { type CalibrationTable, type EstimateBasis, type RangeMultipliers, type ResolvedEfficiencies, platformFamily, resolveEfficiencies } from './calibration.ts';
import { buildReplica, candidateReplicaSizes, type ReplicaSpec } from './parallelism.ts';
import type { Replica } from './replica.ts';
import { type CurvePoint, interactivityCurve } from './curve.ts';
import { disaggregatedPlan } from './disaggregated-plan.ts';
import { gpusOfLayout, layoutLabel, layoutProblem, type ParallelLayout } from './layout.ts';
import { defaultEngine, engineProblem } from './default-engine.ts';

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
  /** The replica layout to use (`parseParallelism`); without it the model picks the best replica size. */
  readonly layout?: ParallelLayout;
  /** How the engine admits prompts (`SCHEDULER_BY_ENGINE` when unset): sets closed-loop TTFT. */
  readonly scheduler?: 'prefill-first' | 'mixed';
  /** Speculative decoding (method, draft length, acceptance when stated; else the method's published default). */
  readonly speculative?: SpeculativeSettings;
  /** Share of input tokens served from the prefix cache: they skip prefill, still sit in the KV cache. */
  readonly prefixCacheHitFraction?: number;
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
  /** Median time to first token (below the mean when only some requests queue); benchmarks that report p50 compare to this. */
  readonly ttftMedianMs: number;
  readonly tpotMs: number;
  /** The scheduler the estimate assumed: 'prefill-first' keeps a closed-loop sweep's clients in waves. */
  readonly scheduler: 'prefill-first' | 'mixed';
  /** Requests decoding at once, all replicas together. */
  readonly concurrency: number;
  readonly requestsPerSecond: number;
  readonly saturated: boolean;
  readonly parallelism: {
    readonly tensor: number;
    readonly pipeline: number;
    readonly expert: number;
    readonly replicas: number;
    readonly gpusPerReplica: number;
    /** Canonical layout name (`TP8EP8`, `TP1PP8`, `DEP4`). */
    readonly layout: string;
    /** Attention data parallel with expert-parallel MoE (DEP): `tensor` then counts the DEP ranks. */
    readonly attentionDataParallel: boolean;
    /** Whether the caller stated the layout or the model chose it as the fastest per GPU. */
    readonly chosenBy: 'request' | 'model';
  };
  readonly memory: { readonly weightGbPerGpu: number; readonly kvBudgetGbPerGpu: number; readonly maxBatchPerReplica: number };
  readonly basis: EstimateBasis;
  /** The platform whose fitted efficiencies were borrowed (same architecture), when this one has no fit. */
  readonly efficienciesFrom?: string;
  /**
   * Ranges from the error measured on rows held out by source, of this estimate's kind (saturated, or
   * partial load for TPOT/TTFT and below-saturation throughput) and this platform's family.
   */
  readonly outputTokensPerSecondPerGpuRange: { readonly low: number; readonly high: number };
  readonly tpotMsRange: { readonly low: number; readonly high: number };
  readonly ttftMsRange: { readonly low: number; readonly high: number };
  /** Which held-out error the ranges come from. */
  readonly rangeBasis: 'saturated' | 'partial-load';
  readonly servingMode: 'aggregated' | 'disaggregated';
  /** Disaggregated: rate-matched prefill and decode workers of one unit, and the KV hand-off time. */
  readonly disaggregation?: { readonly prefillWorkers: number; readonly decodeWorkers: number; readonly gpusPerWorker: number; readonly kvHandoffMs: number };
  /** Throughput against interactivity for the chosen replica (closed-loop sweep over concurrency). */
  readonly curve: readonly CurvePoint[];
  /** Speculative decoding as modelled: acceptance and where it came from, tokens per verification step. */
  /** Share of input tokens served from the prefix cache, when the request gave one. */
  readonly prefixCacheHitFraction?: number;
  readonly speculative?: { readonly method: string; readonly draftTokens: number; readonly acceptanceRate: number; readonly acceptanceFrom: string; readonly expectedTokensPerStep: number; readonly text: string };
}

export type PerfFailureCode = 'unknown-model' | 'unknown-platform' | 'precision-unsupported' | 'does-not-fit' | 'bad-input';

export type PerfResult =
  | { readonly ok: true; readonly estimate: PerfEstimate }
  | { readonly ok: false; readonly code: PerfFailureCode; readonly message: string };

/** The request's lengths; a prefix-cache hit rate leaves fewer tokens to prefill. */
function lengthsOf(request: PerfRequest): Lengths {
  const hit = request.prefixCacheHitFraction ?? 0;
  return { inputTokens: request.inputTokens, outputTokens: request.outputTokens, ...(hit > 0 ? { prefillTokens: Math.max(1, request.inputTokens * (1 - hit)) } : {}) };
}

function operatingPoint(replica: Replica, request: PerfRequest, replicas: number): OperatingPoint | null {
  const lengths = lengthsOf(request);
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
  const engine = request.engine ?? defaultEngine(accelerator);
  const wrongEngine = engineProblem(engine, accelerator);
  if (wrongEngine) return { ok: false, code: 'bad-input', message: wrongEngine };
  const resolved = resolveEfficiencies(calibration, accelerator.id, model.id, engine, platformFamily(accelerator));
  const speculative = request.speculative ? resolveSpeculative(request.speculative, catalog) : undefined;
  if (speculative && !speculative.ok) return { ok: false, code: 'bad-input', message: speculative.message };
  if (speculative?.ok && request.servingMode === 'disaggregated') return { ok: false, code: 'bad-input', message: 'speculative decoding is modelled for aggregated serving; drop --mode disaggregated or --speculative' };
  const spec: ReplicaSpec = {
    model, accelerator, precision: request.precision, engine, efficiencies: resolved.efficiencies, engineMultiplier: resolved.engineMultiplier,
    ...(speculative?.ok ? { speculative: speculative.resolved.decoding } : {}),
  };
  if (request.layout) {
    const problem = layoutProblem(request.layout, model, accelerator, request.gpus);
    if (problem) return { ok: false, code: 'bad-input', message: problem };
  }
  if (request.servingMode === 'disaggregated') return estimateDisaggregated(spec, request, resolved);
  let best: { replica: Replica; point: OperatingPoint; replicas: number } | null = null;
  for (const size of replicaSizesToTry(request)) {
    if (request.gpus % size !== 0) continue;
    const built = replicaOf(spec, size, request.layout);
    const replica: Replica = request.scheduler ? { ...built, scheduler: request.scheduler } : built;
    const replicas = request.gpus / size;
    const point = operatingPoint(replica, request, replicas);
    if (point && (!best || point.outputTokensPerSecondPerGpu > best.point.outputTokensPerSecondPerGpu * 1.001)) best = { replica, point, replicas };
  }
  if (!best) return { ok: false, code: 'does-not-fit', message: request.layout ? layoutDoesNotFitMessage(spec, request, request.layout) : doesNotFitMessage(spec, request) };
  const computed = toEstimate(best.replica, best.point, best.replicas, request, resolved);
  const estimate = request.prefixCacheHitFraction ? { ...computed, prefixCacheHitFraction: request.prefixCacheHitFraction } : computed;
  if (!speculative?.ok) return { ok: true, estimate };
  const r = speculative.resolved;
  const acceptanceFrom = r.acceptanceFrom === 'stated' ? 'stated' : `${r.acceptanceFrom.title} (${r.acceptanceFrom.asOf}, ${r.acceptanceFrom.basis})`;
  return { ok: true, estimate: { ...estimate, speculative: { method: r.decoding.method, draftTokens: r.decoding.draftTokens, acceptanceRate: r.decoding.acceptanceRate, acceptanceFrom, expectedTokensPerStep: r.expectedTokensPerStep, text: r.text } } };
}

/** A stated layout is the only replica size; otherwise every size that could divide the GPUs. */
function replicaSizesToTry(request: PerfRequest): number[] {
  // The whole system as one replica too, when it is not a power of two (12 Inferentia2 on an inf2.48xlarge, 6 GPUs).
  return request.layout ? [gpusOfLayout(request.layout)] : [...new Set([...candidateReplicaSizes(request.gpus), request.gpus])];
}

/** The replica of `size` GPUs: in the stated layout, or the model's own split (`layoutFor`). */
function replicaOf(spec: ReplicaSpec, size: number, layout: ParallelLayout | undefined): Replica {
  if (!layout) return buildReplica(spec, size);
  const expertParallel = layout.attentionDataParallel || (layout.expertParallel ?? 1) > 1;
  return {
    ...spec,
    tensorParallel: layout.ranks,
    pipelineParallel: layout.pipelineParallel,
    ...(layout.attentionDataParallel ? { attentionDataParallel: true } : {}),
    ...(spec.model.moe && !expertParallel && layout.ranks > 1 ? { expertsSplitByTensorParallel: true } : {}),
  };
}

function layoutDoesNotFitMessage(spec: ReplicaSpec, request: PerfRequest, layout: ParallelLayout): string {
  const context = request.inputTokens + request.outputTokens;
  const fit = memoryFit(replicaOf(spec, gpusOfLayout(layout), layout), context);
  return `${spec.model.name} at ${request.precision.toUpperCase()} in ${layoutLabel(layout, spec.model)} does not fit on ${spec.accelerator.name}: ${(fit.weightBytesPerGpu / 1e9).toFixed(1)} GB of weights per GPU leave ${(Math.max(0, fit.kvBudgetBytesPerGpu) / 1e9).toFixed(1)} GB for the KV cache, too little for one ${context}-token sequence; use more GPUs per replica (e.g. double the TP or PP degree)`;
}

/**
 * The estimate's ranges. Throughput: the saturated band at saturation, else the partial-load one.
 * Latency: the partial-load TPOT/TTFT bands, since the saturated rows the fit uses publish no latency.
 */
function rangesOf(resolved: ResolvedEfficiencies, saturated: boolean, outputTokensPerSecondPerGpu: number, tpotMs: number, ttftMs: number) {
  const scale = (value: number, m: RangeMultipliers) => ({ low: value * m.low, high: value * m.high });
  const throughput = saturated ? { low: resolved.lowMultiplier, high: resolved.highMultiplier } : resolved.ranges.partialLoadThroughput;
  return {
    outputTokensPerSecondPerGpuRange: scale(outputTokensPerSecondPerGpu, throughput),
    tpotMsRange: scale(tpotMs, resolved.ranges.partialLoadTpot),
    ttftMsRange: scale(ttftMs, resolved.ranges.partialLoadTtft),
    rangeBasis: saturated ? ('saturated' as const) : ('partial-load' as const),
  };
}

function layoutOfReplica(replica: Replica): ParallelLayout {
  const expertParallel = replica.model.moe && !replica.expertsSplitByTensorParallel && !replica.attentionDataParallel && replica.tensorParallel > 1;
  return {
    ranks: replica.tensorParallel,
    pipelineParallel: replica.pipelineParallel,
    attentionDataParallel: replica.attentionDataParallel === true,
    ...(expertParallel ? { expertParallel: replica.tensorParallel } : {}),
  };
}

function parallelismOf(replica: Replica, replicas: number, request: PerfRequest): PerfEstimate['parallelism'] {
  return {
    tensor: replica.tensorParallel,
    pipeline: replica.pipelineParallel,
    expert: replica.model.moe && !replica.expertsSplitByTensorParallel ? replica.tensorParallel : 1,
    replicas,
    gpusPerReplica: replica.tensorParallel * replica.pipelineParallel,
    layout: layoutLabel(layoutOfReplica(replica), replica.model),
    attentionDataParallel: replica.attentionDataParallel === true,
    chosenBy: request.layout ? 'request' : 'model',
  };
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

function toEstimate(replica: Replica, point: OperatingPoint, replicas: number, request: PerfRequest, resolved: ResolvedEfficiencies): PerfEstimate {
  const fit = memoryFit(replica, request.inputTokens + request.outputTokens);
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
    ttftMedianMs: point.ttftMedianMs,
    tpotMs: point.tpotMs,
    scheduler: schedulerOf(replica),
    concurrency: point.batch * replicas,
    requestsPerSecond: point.requestsPerSecond * replicas,
    saturated: point.saturated,
    parallelism: parallelismOf(replica, replicas, request),
    memory: { weightGbPerGpu: fit.weightBytesPerGpu / 1e9, kvBudgetGbPerGpu: fit.kvBudgetBytesPerGpu / 1e9, maxBatchPerReplica: fit.maxBatch },
    basis: resolved.basis,
    ...(resolved.efficienciesFrom ? { efficienciesFrom: resolved.efficienciesFrom } : {}),
    ...rangesOf(resolved, point.saturated, point.outputTokensPerSecondPerGpu, point.tpotMs, point.ttftMs),
    servingMode: 'aggregated',
    curve: interactivityCurve(replica, { inputTokens: request.inputTokens, outputTokens: request.outputTokens }),
  };
}

/**
 * Disaggregated estimate at saturation: the smallest replica size that holds the model serves both roles
 * (prefill and decode workers of the same size), rate-matched into one unit; `gpus` must fit whole units.
 */
function estimateDisaggregated(spec: ReplicaSpec, request: PerfRequest, resolved: ResolvedEfficiencies): PerfResult {
  if (request.concurrency !== undefined || request.requestsPerSecond !== undefined) {
    return { ok: false, code: 'bad-input', message: 'disaggregated estimates are at saturation: drop --concurrency/--request-rate (tokcost advise sizes disaggregated pools for a load)' };
  }
  for (const size of replicaSizesToTry(request)) {
    const worker = replicaOf(spec, size, request.layout);
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
        ttftMedianMs: plan.ttftMs,
        tpotMs: plan.tpotMs,
        scheduler: schedulerOf(worker),
        concurrency: plan.decodeBatch * plan.decodeWorkers * units,
        requestsPerSecond: plan.requestsPerSecond * units,
        saturated: true,
        parallelism: parallelismOf(worker, units * (plan.prefillWorkers + plan.decodeWorkers), request),
        memory: { weightGbPerGpu: fit.weightBytesPerGpu / 1e9, kvBudgetGbPerGpu: fit.kvBudgetBytesPerGpu / 1e9, maxBatchPerReplica: fit.maxBatch },
        basis: resolved.basis,
        ...(resolved.efficienciesFrom ? { efficienciesFrom: resolved.efficienciesFrom } : {}),
        ...rangesOf(resolved, true, plan.outputTokensPerSecondPerGpu, plan.tpotMs, plan.ttftMs),
        servingMode: 'disaggregated',
        disaggregation: { prefillWorkers: plan.prefillWorkers, decodeWorkers: plan.decodeWorkers, gpusPerWorker: size, kvHandoffMs: plan.kvHandoffMs },
        curve: interactivityCurve(worker, { inputTokens: request.inputTokens, outputTokens: request.outputTokens }),
      },
    };
  }
  return { ok: false, code: 'does-not-fit', message: `${doesNotFitMessage(spec, request)}; disaggregated serving needs at least one prefill and one decode worker` };
}
