import type { Accelerator, BenchmarkPoint, Model, SpeculativeMethodDefault } from '../catalog/types.ts';
import { speculativeOfRow } from './speculative-settings.ts';
import { pointAtConcurrency, pointAtRate, pointForBurst, saturatedPoint, type OperatingPoint } from './aggregated.ts';
import { pointForFiniteRun, pointForOfflineRun } from './finite-runs.ts';
import type { Efficiencies } from './efficiency.ts';
import { layoutFor } from './parallelism.ts';
import type { Replica } from './replica.ts';

/** What the model predicts for the conditions of one published benchmark point. */
export interface BenchmarkPrediction {
  readonly outputTokensPerSecondPerGpu: number;
  readonly ttftMs: number;
  readonly tpotMs: number;
}

/**
 * Predict one benchmark point: the replica as measured (GPUs per replica, precision, engine), the load
 * as measured (saturated, closed-loop concurrency split across replicas, or offered request rate).
 * Null when the configuration does not fit in memory per the model (itself a finding).
 */
export function predictBenchmark(point: BenchmarkPoint, model: Model, accelerator: Accelerator, efficiencies: Efficiencies, engineMultiplier: number, speculativeMethods?: readonly SpeculativeMethodDefault[]): BenchmarkPrediction | null {
  // The row's own settings, read from its notes at import: speculative decoding, a shared-prefix dataset.
  const speculative = speculativeOfRow(point, speculativeMethods);
  const replica: Replica = {
    ...(speculative ? { speculative } : {}),
    model,
    accelerator,
    precision: point.precision,
    engine: point.engine,
    efficiencies,
    engineMultiplier,
    ...(point.maxBatchPerReplica !== undefined ? { maxBatchCap: point.maxBatchPerReplica } : {}),
    ...(point.tokenBudgetPerStep !== undefined ? { tokenBudgetPerStep: point.tokenBudgetPerStep } : {}),
    ...(point.schedulerStepsPerIteration !== undefined ? { schedulerStepsPerIteration: point.schedulerStepsPerIteration } : {}),
    ...(point.attentionDataParallel && model.moe ? { attentionDataParallel: true } : {}),
    // Without DEP the engines' default splits each expert across the TP ranks (TensorRT-LLM moe_tp_size =
    // tp_size when no EP is given; vLLM without --enable-expert-parallel; SGLang with ep_size 1).
    ...(model.moe && !point.attentionDataParallel ? { expertsSplitByTensorParallel: true } : {}),
    ...(point.scheduler !== undefined ? { scheduler: point.scheduler } : {}),
    // TGI's router has no limit on sequences in flight unless one is stated (see BenchmarkPoint.servingStack).
    ...(point.servingStack === 'tgi' ? { maxBatchCap: point.maxBatchPerReplica ?? Number.POSITIVE_INFINITY } : {}),
    ...(point.pipelineParallel
      ? { tensorParallel: point.gpusPerReplica / point.pipelineParallel, pipelineParallel: point.pipelineParallel }
      : layoutFor(accelerator, point.gpusPerReplica)),
  };
  const lengths = {
    inputTokens: point.inputTokens,
    outputTokens: point.outputTokens,
    ...(point.prefixCacheHitFraction ? { prefillTokens: Math.max(1, point.inputTokens * (1 - point.prefixCacheHitFraction)) } : {}),
  };
  const replicas = Math.max(1, Math.round(point.gpuCount / point.gpusPerReplica));
  let op: OperatingPoint | null;
  if (point.scenario === 'concurrency' && point.concurrency !== undefined) {
    op = pointAtConcurrency(replica, lengths, Math.max(1, point.concurrency / replicas));
  } else if (point.scenario === 'burst' && point.concurrency !== undefined) {
    op = pointForBurst(replica, lengths, Math.max(1, point.concurrency / replicas));
  } else if (point.scenario === 'request-rate' && point.requestsPerSecond !== undefined) {
    op = pointAtRate(replica, lengths, point.requestsPerSecond / replicas);
    // Offered beyond capacity: a run of a stated number of requests never reaches the infinite backlog.
    if (op?.saturated && point.requestCount !== undefined) op = pointForFiniteRun(replica, lengths, point.requestsPerSecond / replicas, point.requestCount / replicas);
  } else {
    op = point.requestCount !== undefined ? pointForOfflineRun(replica, lengths, point.requestCount / replicas) : saturatedPoint(replica, lengths);
  }
  if (!op) return null;
  // Fewer clients than replicas: the busy replicas serve one client each and the rest sit idle.
  const clientsPerReplica = point.scenario === 'concurrency' || point.scenario === 'burst' ? (point.concurrency ?? replicas) / replicas : 1;
  const busyShare = Math.min(1, clientsPerReplica);
  const ttftMs = point.latencyStatistic === 'median' ? op.ttftMedianMs : op.ttftMs;
  return { outputTokensPerSecondPerGpu: op.outputTokensPerSecondPerGpu * busyShare, ttftMs, tpotMs: op.tpotMs };
}


