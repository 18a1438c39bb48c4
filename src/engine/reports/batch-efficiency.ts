/**
 * Batch efficiency: cost per output token against batch size (sequences decoding at once) for each
 * leading platform's aggregated replica, where its decode step is memory-bound and where compute-bound,
 * and which platform serves a mixed, realistic request pattern most economically.
 *
 * At batch B (the TPOT model of slo-operating-point.ts, chunked prefill included):
 *   TPOT(B) = step(B, mean context) + B x prefill(N_uncached) / OSL;  output tok/s per GPU = B / (TPOT x GPUs)
 *   $/M output tokens = $/GPU-hour at full load / (tok/s per GPU x 3600 / 1e6)   (InferenceX's formula)
 *   bound = compute when the step's matmul time exceeds its memory time (decodeStageSeconds), else memory.
 * At the SLO batch this is advise's full-load cost of the candidate. The mix: 25 lognormal length classes
 * (length-mix.ts); slots are held in proportion to output length, so the batch's mean context and KV are
 * output-weighted: ctx = sum(w o (i + o/2)) / sum(w o); prefill per request = sum(w prefill(i)). Pure.
 */
import type { AdviceRequest, Assumption } from '../advice-types.ts';
import { adviseInDetail, DEFAULT_LENGTH_SPREAD_FRACTION } from '../advise.ts';
import type { Catalog } from '../catalog/types.ts';
import { dollarsPerMillionTokens } from '../cost/fleet-cost.ts';
import { memoryFit } from '../performance/batch-limit.ts';
import type { CalibrationTable } from '../performance/calibration.ts';
import { buildReplica } from '../performance/parallelism.ts';
import { gpusPerReplica, type Replica } from '../performance/replica.ts';
import { aggregatedSloPoint, aggregatedTpotSeconds, largestBatchMeeting, meanContextTokens, type SloLengths } from '../performance/slo-operating-point.ts';
import { decodeStageSeconds, decodeStepSeconds, prefillComputeSeconds } from '../performance/step-time.ts';
import { fullLoadOutputTokensPerSecondPerGpu, type Scored } from '../recommend/candidate.ts';
import { replicaSpecOf } from '../recommend/evaluate-platform.ts';
import { lengthMix, type LengthClass } from './length-mix.ts';
import { bestPerPlatform, labelOf, leadingWithVendors, methodAssumption, type PlatformLabel } from './report-common.ts';
import { money } from '../recommend/wording.ts';

export type Bound = 'memory' | 'compute';

export interface BatchPoint {
  readonly batch: number;
  readonly tpotMs: number;
  readonly outputTokensPerSecondPerUser: number;
  readonly outputTokensPerSecondPerGpu: number;
  readonly dollarsPerMillionOutputTokens: number;
  readonly memoryMs: number;
  readonly computeMs: number;
  readonly bound: Bound;
  readonly meetsTpot: boolean;
}

export interface MixResult {
  /** Largest batch meeting the TPOT target (and memory) under the mix. */
  readonly batch: number;
  readonly dollarsPerMillionOutputTokens: number;
  /** Mix cost over the uniform-length cost at the SLO batch, minus 1. */
  readonly penaltyFraction: number;
  /** False when the longest class does not fit one replica's memory. */
  readonly longestFits: boolean;
}

export interface BatchPlatform extends PlatformLabel {
  readonly precision: string;
  readonly gpusPerReplica: number;
  /** $/GPU-hour of a fully used GPU (advise's full-load price). */
  readonly fullLoadDollarsPerGpuHour: number;
  readonly maxBatch: number;
  /** Batch the SLO allows (advise's full load); its cost equals advise's full-load $/M output tokens. */
  readonly sloBatch: number;
  readonly sloDollarsPerMillionOutputTokens: number;
  /** Smallest batch at which the decode step is compute-bound; null if memory-bound up to the memory limit. */
  readonly computeBoundFromBatch: number | null;
  /** What bounds the decode step at the SLO batch. */
  readonly sloBound: Bound;
  readonly points: readonly BatchPoint[];
  readonly mix: MixResult | null;
}

export interface BatchEfficiencyReport {
  readonly kind: 'batch';
  readonly request: AdviceRequest;
  readonly tpotTargetMs: number | null;
  readonly mix: { readonly lengthSpreadFraction: number; readonly classes: readonly LengthClass[] };
  readonly platforms: readonly BatchPlatform[];
  readonly verdict: string;
  readonly assumptions: readonly Assumption[];
}

export const BATCH_REPORT_PLATFORMS = 6;

export function batchEfficiencyReport(request: AdviceRequest, catalog: Catalog, calibration: CalibrationTable): BatchEfficiencyReport {
  const detail = adviseInDetail(request, catalog, calibration);
  const context = detail.context;
  const spread = request.lengthSpreadFraction ?? DEFAULT_LENGTH_SPREAD_FRACTION;
  const classes = lengthMix(request.inputTokens, request.outputTokens, spread);
  const tpotTarget = request.latency.tpotMs === undefined ? undefined : request.latency.tpotMs / 1000;
  const shown = context ? leadingWithVendors(bestPerPlatform(detail.ranked, (s) => s.candidate.servingMode === 'aggregated'), BATCH_REPORT_PLATFORMS) : [];
  const platforms: BatchPlatform[] = [];
  for (const s of shown) {
    const chosen = replicaSpecOf(context!, s.configuration.accelerator);
    if (!chosen.ok) continue;
    const replica = buildReplica(chosen.spec, s.configuration.gpusPerReplica);
    const platform = batchPlatform(s, replica, context!.lengths, tpotTarget, classes, request.prefixCacheHitFraction ?? 0);
    if (platform) platforms.push(platform);
  }
  return {
    kind: 'batch',
    request,
    tpotTargetMs: request.latency.tpotMs ?? null,
    mix: { lengthSpreadFraction: spread, classes },
    platforms,
    verdict: verdictOf(platforms, spread),
    assumptions: [...batchAssumptions(spread), ...detail.report.assumptions],
  };
}

function batchPlatform(s: Scored, replica: Replica, lengths: SloLengths, tpotTarget: number | undefined, classes: readonly LengthClass[], prefixHit: number): BatchPlatform | null {
  const slo = aggregatedSloPoint(replica, lengths, tpotTarget);
  if (!slo) return null;
  const c = s.candidate;
  const price = (c.fullLoadDollarsPerMillionOutputTokens * fullLoadOutputTokensPerSecondPerGpu(s.configuration, lengths.outputTokens) * 3600) / 1e6;
  const maxBatch = memoryFit(replica, lengths.inputTokens + lengths.outputTokens).maxBatch;
  const gpus = gpusPerReplica(replica);
  const context = meanContextTokens(lengths);
  const boundAt = (batch: number) => {
    const stage = decodeStageSeconds(replica, Math.max(1, batch / replica.pipelineParallel), context);
    return { stage, bound: (stage.computeSeconds > stage.memorySeconds ? 'compute' : 'memory') as Bound };
  };
  const pointAt = (batch: number): BatchPoint => {
    const tpot = aggregatedTpotSeconds(replica, lengths, batch);
    const perGpu = batch / (tpot * gpus);
    const { stage, bound } = boundAt(batch);
    return {
      batch, tpotMs: tpot * 1000, outputTokensPerSecondPerUser: 1 / tpot, outputTokensPerSecondPerGpu: perGpu,
      dollarsPerMillionOutputTokens: dollarsPerMillionTokens(price, perGpu),
      memoryMs: stage.memorySeconds * 1000, computeMs: stage.computeSeconds * 1000, bound,
      meetsTpot: tpotTarget === undefined || tpot <= tpotTarget * (1 + 1e-9),
    };
  };
  const batches = new Set<number>([slo.batch, maxBatch]);
  for (let b = 1; b < maxBatch; b *= 2) batches.add(b);
  const uniform = dollarsPerMillionTokens(price, slo.outputTokensPerSecondPerGpu);
  const sweep = [...batches].sort((a, b) => a - b);
  return {
    ...labelOf(c),
    precision: replica.precision,
    gpusPerReplica: gpus,
    fullLoadDollarsPerGpuHour: price,
    maxBatch,
    sloBatch: slo.batch,
    sloDollarsPerMillionOutputTokens: uniform,
    computeBoundFromBatch: firstComputeBound(sweep, (b) => boundAt(b).bound === 'compute'),
    sloBound: boundAt(slo.batch).bound,
    points: sweep.map(pointAt),
    mix: mixResult(replica, classes, prefixHit, tpotTarget, price, uniform),
  };
}

/**
 * Smallest batch that is compute-bound: the first swept batch that is, refined by bisection against the
 * swept batch before it (the bound can flip back to memory at large batches, as KV reads grow with it).
 */
function firstComputeBound(sweep: readonly number[], isCompute: (batch: number) => boolean): number | null {
  const index = sweep.findIndex(isCompute);
  if (index < 0) return null;
  let high = sweep[index]!;
  let low = index === 0 ? high : sweep[index - 1]!;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (isCompute(mid)) high = mid;
    else low = mid;
  }
  return high;
}

function mixResult(replica: Replica, classes: readonly LengthClass[], prefixHit: number, tpotTarget: number | undefined, price: number, uniform: number): MixResult | null {
  let outputWeight = 0;
  let contextWeighted = 0;
  let kvWeighted = 0;
  let prefill = 0;
  let longest = 0;
  for (const k of classes) {
    outputWeight += k.weight * k.outputTokens;
    contextWeighted += k.weight * k.outputTokens * (k.inputTokens + k.outputTokens / 2);
    kvWeighted += k.weight * k.outputTokens * (k.inputTokens + k.outputTokens);
    prefill += k.weight * prefillComputeSeconds(replica, Math.max(1, k.inputTokens * (1 - prefixHit)));
    longest = Math.max(longest, k.inputTokens + k.outputTokens);
  }
  const context = contextWeighted / outputWeight;
  const tpotAt = (batch: number) => decodeStepSeconds(replica, batch, context) + (batch * prefill) / outputWeight;
  const maxBatch = memoryFit(replica, kvWeighted / outputWeight).maxBatch;
  const batch = tpotTarget === undefined ? maxBatch : largestBatchMeeting(maxBatch, tpotAt, tpotTarget);
  if (batch < 1) return null;
  const cost = dollarsPerMillionTokens(price, batch / (tpotAt(batch) * gpusPerReplica(replica)));
  return { batch, dollarsPerMillionOutputTokens: cost, penaltyFraction: cost / uniform - 1, longestFits: memoryFit(replica, longest).maxBatch >= 1 };
}

function verdictOf(platforms: readonly BatchPlatform[], spread: number): string {
  if (platforms.length === 0) return 'No platform serves this workload in aggregated mode within the targets.';
  const byUniform = [...platforms].sort((a, b) => a.sloDollarsPerMillionOutputTokens - b.sloDollarsPerMillionOutputTokens)[0]!;
  const mixed = platforms.filter((p) => p.mix);
  const byMix = [...mixed].sort((a, b) => a.mix!.dollarsPerMillionOutputTokens - b.mix!.dollarsPerMillionOutputTokens)[0];
  const leastHurt = [...mixed].sort((a, b) => a.mix!.penaltyFraction - b.mix!.penaltyFraction)[0];
  const parts = [`At its SLO batch ${byUniform.shortName} is cheapest (${money(byUniform.sloDollarsPerMillionOutputTokens)} / 1M output tokens)`];
  if (byMix) {
    parts.push(`with mixed lengths (lognormal, CV ${spread}) ${byMix.shortName} is most economical at ${money(byMix.mix!.dollarsPerMillionOutputTokens)} (${signed(byMix.mix!.penaltyFraction)})`);
    if (leastHurt && leastHurt !== byMix && byMix.mix!.penaltyFraction - leastHurt.mix!.penaltyFraction >= 0.01) parts.push(`${leastHurt.shortName} loses least to the mix (${signed(leastHurt.mix!.penaltyFraction)})`);
  }
  const compute = platforms.filter((p) => p.sloBound === 'compute');
  parts.push(compute.length === 0 ? 'every platform is still memory-bound at its SLO batch' : `compute-bound at the SLO batch: ${compute.map((p) => `${p.shortName} (from batch ${p.computeBoundFromBatch})`).join(', ')}; the rest memory-bound`);
  return `${parts.join('; ')}.`;
}


function signed(fraction: number): string {
  const pct = Math.round(fraction * 100);
  return `${pct >= 0 ? '+' : ''}${pct}%`;
}

function batchAssumptions(spread: number): Assumption[] {
  return [
    methodAssumption('batch sweep', "each platform's cheapest aggregated replica from advise; batch 1, 2, 4 ... up to the memory limit; cost at a fully busy replica at that batch (full-load $/GPU-hour)"),
    methodAssumption('memory- vs compute-bound', 'from the decode step breakdown: weight + KV bytes / achieved bandwidth vs matmul FLOPs / achieved compute (step-time.ts)'),
    methodAssumption('mixed request pattern', `input and output lengths each lognormal around the workload's means, coefficient of variation ${spread}, 5 x 5 equal-probability classes; batch re-solved for the TPOT target`, 'lognormal lengths as in the Splitwise (ISCA 2024) and Azure LLM inference traces'),
  ];
}
