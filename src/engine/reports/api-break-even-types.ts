/** Plain data of the "rent GPUs or buy tokens" report (see api-break-even.ts). */
import type { AdviceReport, AdviceRequest, ApiComparison, Assumption, BreakEvenMissing, Candidate, PolicyKind, ServingMode } from '../advice-types.ts';
import type { ApiOption } from '../cost/api-pricing.ts';
import type { PolicyParameters } from '../fleet/policy-parameters.ts';

export interface ApiBreakEvenOptions {
  /** Reference date (YYYY-MM-DD) for price ages; else request.asOfDate; else ages are unknown. */
  readonly asOfDate?: string;
  /** Prices older than this many days are flagged as possibly stale (default 180). */
  readonly staleAfterDays?: number;
  /** Platforms searched and drawn: the first N of advise's ranking (default 3). */
  readonly leadingPlatforms?: number;
  /** Bisection tolerance on the rate (default 0.02 = 2 %). */
  readonly toleranceFraction?: number;
  /** Search this factor above and below the user's rate (default 1024). */
  readonly maxFactor?: number;
  readonly parameters?: PolicyParameters;
  /** advise's report for this request, when the caller has it already (computed once, not twice). */
  readonly advice?: AdviceReport;
}

/** An API price on this workload, with how it compares with the best self-hosted fleet at the user's load. */
export interface ApiOptionRow extends ApiOption {
  /** API $/M output / self-hosted effective $/M output - 1 (negative: the API is cheaper); null without a fleet. */
  readonly vsSelfHostedFraction: number | null;
  /** The stated speed is below the user's TPOT target (1000 / tpotMs tokens/s). */
  readonly slowerThanTarget: boolean;
}

export interface BreakEven {
  /** Mean requests/s above which the best self-hosted option is cheaper than the cheapest API. */
  readonly requestsPerSecond: number;
  readonly factorOfUserLoad: number;
  /** Input + output tokens per day at that mean rate. */
  readonly tokensPerDay: number;
  readonly outputTokensPerDay: number;
  /** Served share of the paid GPU-time of that fleet at that rate. */
  readonly utilizationFraction: number;
  readonly platform: string;
  readonly platformName: string;
  readonly policy: PolicyKind;
  readonly servingMode: ServingMode;
  readonly selfHostedDollarsPerMillionOutputTokens: number;
  readonly provider: string;
  readonly apiDollarsPerMillionOutputTokens: number;
  /** What either side costs per month at the break-even (the API's bill). */
  readonly dollarsPerMonth: number;
}

export type { BreakEvenMissing };

export interface SelfHostedCurve {
  readonly platform: string;
  readonly platformName: string;
  readonly points: readonly { readonly requestsPerSecond: number; readonly effectiveDollarsPerMillionOutputTokens: number }[];
}

export interface ApiBreakEvenReport {
  readonly request: AdviceRequest;
  readonly modelId: string;
  readonly modelName: string;
  readonly asOfDate: string | null;
  readonly staleAfterDays: number;
  readonly workload: {
    readonly meanRequestsPerSecond: number;
    readonly inputTokens: number;
    readonly outputTokens: number;
    readonly prefixCacheHitFraction: number;
    /** Input + output tokens per day at the user's mean rate. */
    readonly tokensPerDay: number;
    readonly outputTokensPerDay: number;
  };
  /** Every API price for the model, cheapest per million output tokens of this workload first. */
  readonly apiOptions: readonly ApiOptionRow[];
  readonly cheapestApi: ApiOptionRow | null;
  /** What the API side is assumed to deliver: its stated speed (null: not stated) against the user's target. */
  readonly apiSlo: { readonly outputTokensPerSecondPerUser: number | null; readonly targetOutputTokensPerSecondPerUser: number | null };
  /** advise's recommendation at the user's load. */
  readonly selfHosted: Candidate | null;
  readonly comparison: ApiComparison | null;
  readonly breakEven: BreakEven | null;
  readonly breakEvenMissing: BreakEvenMissing | null;
  readonly leadingPlatforms: readonly string[];
  /** Best self-hosted $/M output per leading platform against mean requests/s, the user's shape scaled. */
  readonly curves: readonly SelfHostedCurve[];
  /** The answer in one sentence and its notes: worded outside the engine (src/report-text/api-break-even-text.ts). */
  readonly sentence?: string;
  readonly notes?: readonly string[];
  /** Every default the self-hosted side used, with source and date (API options carry their own). */
  readonly assumptions: readonly Assumption[];
}
