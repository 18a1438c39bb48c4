/** What building a platform's configurations needs: the replica spec, lengths, targets, queue variability. */
import type { LatencyTargets } from '../advice-types.ts';
import type { EstimateBasis } from '../performance/calibration.ts';
import type { ReplicaSpec } from '../performance/parallelism.ts';
import type { Replica } from '../performance/replica.ts';
import type { SloLengths } from '../performance/slo-operating-point.ts';
import type { Configuration } from './types.ts';

export interface ConfigurationInputs {
  readonly spec: ReplicaSpec;
  readonly lengths: SloLengths;
  readonly latency: LatencyTargets;
  /** Allen-Cunneen (ca2 + cs2) / 2 of arrivals and request lengths. */
  readonly variability: number;
  readonly scaleUpLagMinutes: number;
  readonly basis: EstimateBasis;
}


/** Tensor, expert (MoE experts split over the TP ranks) and pipeline parallel sizes of a replica. */
export function layoutOf(replica: Replica): Configuration['parallelism'] {
  return { tensor: replica.tensorParallel, expert: replica.model.moe ? replica.tensorParallel : 1, pipeline: replica.pipelineParallel };
}
