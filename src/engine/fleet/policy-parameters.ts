/**
 * Parameters of the sizing policies. Defaults are common autoscaler settings (Kubernetes HPA / KEDA /
 * KServe conventions), reported among the report's assumptions.
 */
export interface PolicyParameters {
  /** How often the autoscaler decides (HPA sync period ~15 s; KEDA polling 30 s; we use 60 s). */
  readonly decisionIntervalSeconds: number;
  /** Scale down only after demand stayed lower for this long (HPA stabilization window 5 min; we use 15). */
  readonly scaleDownHysteresisMinutes: number;
  /** Autoscalers keep capacity at demand / target (HPA-style target utilization of the SLO capacity). */
  readonly targetUtilizationFraction: number;
  /** Reserved base of reserved-plus-burst: this quantile of demand. */
  readonly reservedBaseQuantile: number;
  /** Model load: weight bytes / this rate + a fixed start time (container, engine, CUDA graphs). */
  readonly weightLoadBytesPerSecond: number;
  readonly engineStartSeconds: number;
  /** Share of minutes that may miss the SLO for a candidate to still count as meeting it. */
  readonly sloMissAllowanceFraction: number;
}

export const DEFAULT_POLICY_PARAMETERS: PolicyParameters = {
  decisionIntervalSeconds: 60,
  scaleDownHysteresisMinutes: 15,
  targetUtilizationFraction: 0.9,
  reservedBaseQuantile: 0.3,
  weightLoadBytesPerSecond: 2e9,
  engineStartSeconds: 60,
  sloMissAllowanceFraction: 0.001,
};

/**
 * Minutes from a scale-up decision to a serving replica: weightBytes / ~2 GB/s + ~60 s start
 * + one decision interval, rounded up to whole minutes (estimate).
 */
export function scaleUpLagMinutes(weightBytes: number, parameters: PolicyParameters): number {
  const seconds = weightBytes / parameters.weightLoadBytesPerSecond + parameters.engineStartSeconds + parameters.decisionIntervalSeconds;
  return Math.max(1, Math.ceil(seconds / 60));
}
