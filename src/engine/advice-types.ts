/**
 * The engine's request and report for "what does my workload really cost, and where should it run?".
 * Plain data; the query layer (src/query) builds a request, adapters (cli, slack) render a report.
 */
import type { Basis, Precision, ServingEngine, SourceRef, Vendor, SpeculativeSettings } from './catalog/types.ts';

export type LoadShape =
  | { readonly kind: 'flat' }
  /** Sinusoid-like day with the peak at `peakHourUtc` and peak/mean = `peakToAverage`. */
  | { readonly kind: 'diurnal'; readonly peakToAverage: number; readonly peakHourUtc?: number }
  /** Diurnal weekdays, weekends at `weekendFraction` of weekday mean. */
  | { readonly kind: 'weekly'; readonly peakToAverage: number; readonly weekendFraction: number }
  /** A launch spike on top of the base load: height is peak/mean of the base. */
  | {
      readonly kind: 'spike';
      readonly peakToAverage: number;
      readonly riseMinutes: number;
      readonly durationMinutes: number;
      readonly startMinute?: number;
    }
  /** The user's own series, one value per step, requests/s. */
  | { readonly kind: 'series'; readonly requestsPerSecond: readonly number[]; readonly stepMinutes: number; readonly label?: string };

export interface LatencyTargets {
  readonly ttftMs?: number;
  /** Percentile the TTFT target holds at (50, 90, 95, 99). */
  readonly ttftPercentile?: number;
  readonly tpotMs?: number;
}

export type Pricing =
  | { readonly kind: 'rented'; readonly tier?: string }
  | {
      readonly kind: 'owned';
      readonly dollarsPerKwh?: number;
      readonly powerUsageEffectiveness?: number;
      readonly amortizationYears?: number;
      /** Staff and operations per year as a fraction of the hardware value (default: data/energy-and-capex.json, an estimate). */
      readonly operationsFractionPerYear?: number;
    };

export interface AdviceRequest {
  readonly modelId: string;
  readonly precision?: Precision;
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** Coefficient of variation of lengths (0 = fixed). */
  readonly lengthSpreadFraction?: number;
  readonly prefixCacheHitFraction?: number;
  /** Speculative decoding on every replica (method, draft length, acceptance when stated; else the method's published default). */
  readonly speculative?: SpeculativeSettings;
  readonly meanRequestsPerSecond: number;
  readonly shape: LoadShape;
  readonly horizon: 'day' | 'week';
  readonly latency: LatencyTargets;
  readonly pricing: Pricing;
  /** $/GPU-hour overrides by accelerator id (user's or workspace's). */
  readonly dollarsPerGpuHourOverrides?: Readonly<Record<string, number>>;
  readonly platforms?: readonly string[];
  readonly vendors?: readonly Vendor[];
  readonly excludePlatforms?: readonly string[];
  readonly engine?: ServingEngine;
  /** Reference date (ISO YYYY-MM-DD) for the age of prices; the engine has no clock (adapters pass today). */
  readonly asOfDate?: string;
  /** A price older than this many days before asOfDate is flagged as possibly stale (default 90). */
  readonly priceStaleAfterDays?: number;
}

export type ServingMode = 'aggregated' | 'disaggregated';
/**
 * The elasticity of a fleet: how its size follows the load (one module each in engine/fleet/policies/).
 * Kept apart from the commitment (how each GPU-hour is bought): a reserved GPU is paid around the clock.
 */
export type PolicyKind = 'static-peak' | 'reactive-autoscale' | 'scale-to-zero' | 'reserved-plus-burst';

/** How a GPU-hour is bought: by the hour (on-demand, spot, your price), on a term, or owned. */
export type Commitment = 'on-demand' | 'spot' | 'short-term-reservation' | 'reserved-1y' | 'reserved-3y' | 'owned' | 'your-price';

export interface Assumption {
  readonly name: string;
  readonly value: string;
  readonly source: SourceRef;
}

export interface UtilizationGap {
  /** Shares of provisioned GPU-time lost to each cause; with `servedFraction` they sum to 1. */
  readonly servedFraction: number;
  readonly demandBelowCapacityFraction: number;
  readonly replicaGranularityFraction: number;
  readonly latencyHeadroomFraction: number;
  readonly smallBatchFraction: number;
}

export interface Candidate {
  readonly platform: string;
  readonly platformName: string;
  readonly vendor: Vendor;
  readonly servingMode: ServingMode;
  readonly policy: PolicyKind;
  readonly precision: Precision;
  readonly gpusPerReplica: number;
  /** GPUs per rented (or bought) unit the fleet grows by: 1-GPU VMs, 8-GPU nodes, 72-GPU racks. */
  readonly rentalUnitGpus?: number;
  readonly parallelism: { readonly tensor: number; readonly expert: number; readonly pipeline: number };
  /** Disaggregated: prefill and decode workers per unit. */
  readonly prefillWorkers?: number;
  readonly decodeWorkers?: number;
  readonly gpuCount: number; // mean provisioned GPUs over the horizon
  readonly peakGpuCount: number;
  /** Fewest paid GPUs in any minute: equal to peakGpuCount when the fleet never changes size. */
  readonly minGpuCount?: number;
  /** Paid GPU-hours over paid hours: base and burst blended. */
  readonly dollarsPerGpuHour: number;
  /** How the base GPU-hours are bought (the elasticity is `policy`); owned hardware: 'owned'. */
  readonly commitment?: Commitment;
  /** $/GPU-hour of the base GPUs (static fleet, reserved base, or the hourly price of an autoscaled fleet). */
  readonly commitmentDollarsPerGpuHour?: number;
  /** Reserved-plus-burst: how the burst GPU-hours are bought and their price. */
  readonly burstCommitment?: Commitment;
  readonly burstDollarsPerGpuHour?: number;
  readonly effectiveDollarsPerMillionOutputTokens: number;
  /** The performance model's cross-validated throughput band carried into dollars (engine/recommend/cost-range.ts). */
  readonly effectiveDollarsPerMillionOutputTokensRange?: CostRange;
  readonly fullLoadDollarsPerMillionOutputTokens: number;
  readonly effectiveDollarsPerMillionTotalTokens: number;
  readonly effectiveDollarsPerMillionTotalTokensRange?: CostRange;
  /** Effective dollars per request served at your load. */
  readonly effectiveDollarsPerRequest?: number;
  /** The effective cost split by the GPU-time prefill (input) and decode (output) take at full load. */
  readonly inputOutputSplit?: InputOutputSplit;
  readonly fullLoadDollarsPerMillionTotalTokens: number;
  readonly meanUtilizationFraction: number;
  readonly utilizationGap: UtilizationGap;
  readonly dollarsPerMonth: number;
  readonly meetsSlo: boolean;
  readonly sloMissMinutes: number;
  readonly joulesPerOutputToken: number;
  readonly tpotMs: number;
  readonly ttftMs: number;
  readonly basis: 'benchmarked' | 'calibrated' | 'spec-only';
  readonly priceSource: SourceRef;
}

export interface CostCurvePoint {
  /** Mean load as a fraction of the recommended fleet's capacity at the SLO (the curve's reference). */
  readonly loadFraction: number;
  readonly effectiveDollarsPerMillionOutputTokens: number;
}

/** Effective cost against mean load for one platform: re-sized at every load, and its fleet held fixed. */
export interface CostCurve {
  readonly platform: string;
  /** Re-sized at each load (10 % ... 100 %): the platform's configuration and policy sized anew for that load (steps where whole units are added). */
  readonly points: readonly CostCurvePoint[];
  /** The fleet sized for your load (its peak GPUs), held fixed while the load varies: never rises with load. Its points include the user's own load fraction on the recommended platform. */
  readonly fixedFleet?: {
    readonly gpus: number;
    readonly points: readonly CostCurvePoint[];
    /** Above this load fraction your load shape's peak minute exceeds the fixed fleet (it would miss the targets). */
    readonly coversPeakUpToLoadFraction: number;
  };
}

export interface InputOutputSplit {
  /** Share of GPU-time (and so of cost) spent prefilling input tokens; decode takes the rest. */
  readonly inputShareOfCost: number;
  readonly effectiveDollarsPerMillionInputTokens: number;
  /** Decode's share of the cost over the output tokens (the whole cost per output token is effectiveDollarsPerMillionOutputTokens). */
  readonly effectiveDollarsPerMillionOutputTokensDecodeOnly: number;
}

/** Which cost leads the answer: per output token (decode-heavy or balanced) or per total token (prefill-heavy, with the per-request cost beside it). */
export type HeadlineMetric = 'output-tokens' | 'total-tokens';

/** A low..high band around a point estimate, in the unit of the field it ranges. */
export interface CostRange {
  readonly low: number;
  readonly high: number;
}

/**
 * Why, as a record: a code, the numbers it cites and the names it needs. The engine writes no sentences
 * here: src/report-text/ words each code from these fields (answer() does it, so every report a front
 * end gets has `text`), with the one money and percent rule of src/format.ts.
 */
export interface Reason {
  readonly code: string;
  readonly numbers?: Readonly<Record<string, number>>;
  /** Names and flags the sentence needs that are not quantities (the largest loss, a model id). */
  readonly facts?: Readonly<Record<string, string | boolean>>;
  /** The candidate the recommendation is compared with (the other serving mode, the static or elastic fleet, the runner-up). */
  readonly versus?: Candidate;
  /** The sentence, once worded (src/report-text/); pricing notes and price overrides still arrive worded. */
  readonly text?: string;
}

export interface AdviceReport {
  readonly request: AdviceRequest;
  readonly recommendation: Candidate | null;
  readonly runnerUpOtherVendor: Candidate | null;
  readonly candidates: readonly Candidate[];
  readonly reasons: readonly Reason[];
  /** The answer in one or two sentences, worded outside the engine (src/report-text/summary-text.ts). */
  readonly summary?: string;
  /** The model's display name, for the summary. */
  readonly modelName?: string;
  /** The metric the summary leads with (headline-metric.ts); every metric stays in the candidates. */
  readonly headlineMetric?: HeadlineMetric;
  readonly infeasible: readonly { readonly platform: string; readonly reason: string }[];
  readonly assumptions: readonly Assumption[];
  /** Series for charts: load over the horizon and capacity per policy; cost vs load per platform. */
  readonly loadSeries: { readonly stepMinutes: number; readonly requestsPerSecond: readonly number[] };
  readonly capacitySeries: readonly { readonly label: string; readonly requestsPerSecond: readonly number[] }[];
  readonly costCurve: readonly CostCurve[];
  /** The user's own point on the cost curve: mean load as a fraction of the recommended fleet's capacity at the SLO. */
  readonly costCurveOperatingPoint?: {
    readonly platform: string;
    readonly loadFraction: number;
    readonly effectiveDollarsPerMillionOutputTokens: number;
    /** The line the point lies on: the fixed fleet (a static recommendation) or the re-sized curve (an elastic one). */
    readonly onLine?: 'fixed-fleet' | 're-sized';
  };
  /** The recommendation beside the cheapest hosted API at the user's load, when the catalog prices one. */
  readonly apiComparison?: ApiComparison;
}

/**
 * The recommended fleet beside the cheapest hosted API for the model, both at the user's load, per
 * million OUTPUT tokens of the workload (the API's input tokens included): see engine/cost/api-pricing.ts.
 */
export interface ApiComparison {
  readonly provider: string;
  readonly apiPriceId: string;
  readonly dollarsPerMillionInputTokens: number;
  readonly dollarsPerMillionOutputTokens: number;
  /** The API's cost of this workload per million output tokens: (I x p_in' + O x p_out) / O. */
  readonly apiDollarsPerMillionOutputTokens: number;
  readonly selfHostedDollarsPerMillionOutputTokens: number;
  readonly apiDollarsPerMonth: number;
  readonly selfHostedDollarsPerMonth: number;
  readonly cheaper: 'api' | 'self-hosted';
  /** What the cheaper side saves against the dearer one: 1 - cheaper / dearer (per month). */
  readonly savingFraction: number;
  /** |self-hosted - API| dollars per month. */
  readonly savingDollarsPerMonth: number;
  /**
   * Mean requests/s where the cost curve of the leading fleets crosses the API price (same load shape,
   * configurations kept); null when the crossing lies outside the curve (`tokcost api` bisects it exactly).
   */
  readonly approximateBreakEvenRequestsPerSecond: number | null;
  readonly priceAsOf: string;
  /** The price is older than the stated age before request.asOfDate. */
  readonly priceStale: boolean;
  readonly source: SourceRef;
  /** Why the exact search (tokcost api) found no break-even, when it did not. */
  readonly breakEvenMissing?: BreakEvenMissing;
}

/** Why there is no break-even load between the dedicated fleet and the cheapest API. */
export interface BreakEvenMissing {
  readonly reason: 'self-hosting-never-wins' | 'self-hosting-always-wins' | 'no-api-price' | 'no-self-hosted-option';
  /** The highest (never) or lowest (always) rate tried, requests/s. */
  readonly limitRequestsPerSecond: number | null;
  /** The cheapest SLO-meeting fleet's full-load $/M output (never: above the API's price means no load can win). */
  readonly fullLoadDollarsPerMillionOutputTokens?: number;
}

export type { Basis, Precision };
