/**
 * One candidate (platform x serving mode x policy x configuration) with its money and utilization,
 * in the report's units. Effective $/M = dollars over the horizon / tokens served (per million);
 * full load = the same GPUs fully used at the SLO batch: $/GPU-hour / (tokens/s per GPU x 3600 / 1e6).
 */
import type { Candidate, CostRange, InputOutputSplit } from '../advice-types.ts';
import { dollarsPerMillionTokens, type FleetCost } from '../cost/fleet-cost.ts';
import type { PlatformPricing } from '../cost/platform-pricing.ts';
import type { SourceRef } from '../catalog/types.ts';
import type { SloLengths } from '../performance/slo-operating-point.ts';
import { utilizationGap } from '../fleet/utilization-gap.ts';
import { policyOf } from '../fleet/policies/index.ts';
import type { Configuration, FleetRun } from '../fleet/types.ts';

/**
 * Share of the configuration's GPU-time at full load spent on prefill: the prefill pool's GPU-seconds
 * per request over all pools' (disaggregated), or the replica's prefill time share (aggregated).
 */
export function prefillShareOfGpuTime(configuration: Configuration): number {
  const prefill = configuration.pools.find((p) => p.role === 'prefill');
  if (!prefill) return configuration.prefillGpuTimeFraction ?? 0;
  let total = 0;
  for (const pool of configuration.pools) total += pool.gpusPerWorker / pool.fullRequestsPerSecond;
  return prefill.gpusPerWorker / prefill.fullRequestsPerSecond / total;
}

function inputOutputSplitOf(dollars: number, run: FleetRun, lengths: SloLengths, configuration: Configuration): InputOutputSplit | undefined {
  if (!(run.servedRequests > 0)) return undefined;
  const share = prefillShareOfGpuTime(configuration);
  return {
    inputShareOfCost: share,
    effectiveDollarsPerMillionInputTokens: (dollars * share) / ((run.servedRequests * lengths.inputTokens) / 1e6),
    effectiveDollarsPerMillionOutputTokensDecodeOnly: (dollars * (1 - share)) / ((run.servedRequests * lengths.outputTokens) / 1e6),
  };
}

/** A candidate with the configuration and run it came from (for reasons, curves and charts). */
export interface Scored {
  readonly candidate: Candidate;
  readonly configuration: Configuration;
  readonly run: FleetRun;
  /** The platform's cross-validated throughput band, for the candidate's cost range (cost-range.ts). */
  readonly throughputBand?: { readonly lowMultiplier: number; readonly highMultiplier: number };
}

const MINUTES_PER_MONTH = 730.5 * 60;

/** Output tokens/s per GPU the configuration yields at full load: OSL / sum over pools of (GPUs per worker / rate per worker). */
export function fullLoadOutputTokensPerSecondPerGpu(configuration: Configuration, outputTokens: number): number {
  let gpuSecondsPerRequest = 0;
  for (const pool of configuration.pools) gpuSecondsPerRequest += pool.gpusPerWorker / pool.fullRequestsPerSecond;
  return outputTokens / gpuSecondsPerRequest;
}

/** Requests/s per GPU at the SLO (ceiling applied), for sizing curves. */
export function sloRequestsPerSecondPerGpu(configuration: Configuration): number {
  let gpuSecondsPerRequest = 0;
  for (const pool of configuration.pools) gpuSecondsPerRequest += pool.gpusPerWorker / pool.sloRequestsPerSecond;
  return 1 / gpuSecondsPerRequest;
}

function priceSourceOf(pricing: PlatformPricing, run: FleetRun): SourceRef {
  if (pricing.kind === 'owned') return pricing.purchase.source;
  return policyOf(run.policy).prices(pricing).base.source;
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/** The commitment of the base GPU-hours and, for a reserved base with burst, of the burst. */
function commitmentOf(pricing: PlatformPricing, run: FleetRun): Pick<Candidate, 'commitment' | 'commitmentDollarsPerGpuHour' | 'burstCommitment' | 'burstDollarsPerGpuHour'> {
  if (pricing.kind === 'owned') return { commitment: 'owned' };
  const policy = policyOf(run.policy);
  const { base, elastic } = policy.prices(pricing);
  const burst = policy.elastic && elastic !== base && run.elasticGpuMinutes > 0 && run.baseGpuMinutes > 0;
  return {
    commitment: base.commitment,
    commitmentDollarsPerGpuHour: base.dollarsPerGpuHour,
    ...(burst ? { burstCommitment: elastic.commitment, burstDollarsPerGpuHour: elastic.dollarsPerGpuHour } : {}),
  };
}

/** The candidate with its effective-cost band, per output and per total tokens (same ratio as the point). */
export function withCostRange(scored: Scored, outputRange: CostRange, lengths: SloLengths): Scored {
  const outputShare = lengths.outputTokens / (lengths.inputTokens + lengths.outputTokens);
  const candidate: Candidate = {
    ...scored.candidate,
    effectiveDollarsPerMillionOutputTokensRange: outputRange,
    effectiveDollarsPerMillionTotalTokensRange: { low: outputRange.low * outputShare, high: outputRange.high * outputShare },
  };
  return { ...scored, candidate };
}

export function toCandidate(configuration: Configuration, run: FleetRun, cost: FleetCost, pricing: PlatformPricing, lengths: SloLengths, sloMissAllowanceFraction: number): Scored {
  const accelerator = configuration.accelerator;
  const totalPerOutput = (lengths.inputTokens + lengths.outputTokens) / lengths.outputTokens;
  const outputTokens = run.servedRequests * lengths.outputTokens;
  const fullOutputPerGpu = fullLoadOutputTokensPerSecondPerGpu(configuration, lengths.outputTokens);
  const gap = utilizationGap(run, configuration.fixedStepFraction);
  const paidGpuMinutes = run.baseGpuMinutes + run.elasticGpuMinutes;
  const prefill = configuration.pools.find((p) => p.role === 'prefill');
  const decode = configuration.pools.find((p) => p.role === 'decode');
  const candidate: Candidate = {
    platform: accelerator.id,
    platformName: accelerator.name,
    vendor: accelerator.vendor,
    servingMode: configuration.mode,
    policy: run.policy,
    precision: configuration.precision,
    gpusPerReplica: configuration.gpusPerReplica,
    rentalUnitGpus: configuration.deployUnitGpus,
    parallelism: configuration.parallelism,
    ...(prefill && decode ? { prefillWorkers: run.peakWorkers[configuration.pools.indexOf(prefill)]!, decodeWorkers: run.peakWorkers[configuration.pools.indexOf(decode)]! } : {}),
    gpuCount: paidGpuMinutes / run.minutes,
    peakGpuCount: run.peakGpus,
    minGpuCount: run.minGpus,
    dollarsPerGpuHour: cost.dollarsPerGpuHour,
    ...commitmentOf(pricing, run),
    effectiveDollarsPerMillionOutputTokens: outputTokens > 0 ? cost.dollars / (outputTokens / 1e6) : Number.POSITIVE_INFINITY,
    fullLoadDollarsPerMillionOutputTokens: dollarsPerMillionTokens(cost.fullLoadDollarsPerGpuHour, fullOutputPerGpu),
    effectiveDollarsPerMillionTotalTokens: outputTokens > 0 ? cost.dollars / ((outputTokens * totalPerOutput) / 1e6) : Number.POSITIVE_INFINITY,
    ...(run.servedRequests > 0 ? { effectiveDollarsPerRequest: cost.dollars / run.servedRequests } : {}),
    ...optional('inputOutputSplit', inputOutputSplitOf(cost.dollars, run, lengths, configuration)),
    fullLoadDollarsPerMillionTotalTokens: dollarsPerMillionTokens(cost.fullLoadDollarsPerGpuHour, fullOutputPerGpu * totalPerOutput),
    meanUtilizationFraction: gap.servedFraction,
    utilizationGap: gap,
    dollarsPerMonth: (cost.dollars * MINUTES_PER_MONTH) / run.minutes,
    meetsSlo: run.sloMissMinutes <= sloMissAllowanceFraction * run.minutes,
    sloMissMinutes: run.sloMissMinutes,
    joulesPerOutputToken: outputTokens > 0 ? cost.energyJoules / outputTokens : Number.NaN,
    tpotMs: configuration.tpotMs,
    ttftMs: configuration.ttftMs,
    basis: configuration.basis,
    priceSource: priceSourceOf(pricing, run),
  };
  return { candidate, configuration, run };
}
