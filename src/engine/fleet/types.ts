/**
 * Plain data of the fleet simulation: a serving configuration is one or two pools of identical workers
 * (aggregated: one pool of replicas; disaggregated: a prefill pool and a decode pool), each with the
 * requests/s one worker serves at full load and at its utilization ceiling.
 */
import type { Accelerator, Precision } from '../catalog/types.ts';
import type { EstimateBasis } from '../performance/calibration.ts';
import type { PolicyKind, ServingMode } from '../advice-types.ts';

export interface Pool {
  readonly role: 'replica' | 'prefill' | 'decode';
  readonly gpusPerWorker: number;
  /** Requests/s one worker completes at full load (the SLO-limited batch), rate-matching derate included. */
  readonly fullRequestsPerSecond: number;
  /** Utilization ceiling rho* holding the TTFT percentile target. */
  readonly ceilingFraction: number;
  /** Requests/s one worker serves within the SLO: ceiling x full. */
  readonly sloRequestsPerSecond: number;
}

export interface Configuration {
  readonly accelerator: Accelerator;
  readonly precision: Precision;
  readonly mode: ServingMode;
  readonly pools: readonly Pool[];
  /** GPUs of the aggregated replica, or of the decode worker. */
  readonly gpusPerReplica: number;
  readonly parallelism: { readonly tensor: number; readonly expert: number; readonly pipeline: number };
  readonly prefillGpusPerWorker?: number;
  /** TPOT at full load and TTFT at the target percentile at the ceiling. */
  readonly tpotMs: number;
  readonly ttftMs: number;
  /**
   * Aggregated: share of a replica's GPU-time at full load spent prefilling (prefill service time x
   * requests/s); disaggregated configurations read it from their pools instead.
   */
  readonly prefillGpuTimeFraction?: number;
  /** Share of a full-batch decode step paid at any batch (weight reads, step overhead). */
  readonly fixedStepFraction: number;
  /** GPUs rented or bought as one unit (accelerator.minimumDeployableCount). */
  readonly deployUnitGpus: number;
  /** Time from a scale-up decision to serving: model load estimate + decision interval, whole minutes. */
  readonly scaleUpLagMinutes: number;
  readonly basis: EstimateBasis;
  readonly kvHandoffLink?: 'scale-up' | 'scale-out';
  readonly kvHandoffMs?: number;
}

/** What one policy provisions over the horizon, summed over minutes (GPU-minutes, requests). */
export interface FleetRun {
  readonly policy: PolicyKind;
  readonly minutes: number;
  /** Paid GPU-minutes, split by price: base (static, reserved) and elastic (autoscaled, burst). */
  readonly baseGpuMinutes: number;
  readonly elasticGpuMinutes: number;
  readonly peakGpus: number;
  /** Fewest paid GPUs in any minute: equal to peakGpus when the fleet never changes size. */
  readonly minGpus: number;
  readonly servedRequests: number;
  readonly demandedRequests: number;
  readonly sloMissMinutes: number;
  /** GPU-minutes the served load needs at full load (E), at the ceiling (N), and rounded to workers and units (Q). */
  readonly fullLoadGpuMinutes: number;
  readonly ceilingGpuMinutes: number;
  readonly roundedGpuMinutes: number;
  /** Peak workers per pool (same order as Configuration.pools). */
  readonly peakWorkers: readonly number[];
  /** SLO capacity per minute (requests/s), only when asked for. */
  readonly capacityRequestsPerSecond?: Float64Array;
}
