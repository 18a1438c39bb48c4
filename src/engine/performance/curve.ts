import { memoryFit } from './batch-limit.ts';
import { type Lengths, pointAtConcurrency } from './aggregated.ts';
import type { Replica } from './replica.ts';

export interface CurvePoint {
  /** Concurrent requests per replica (closed loop). */
  readonly concurrency: number;
  readonly outputTokensPerSecondPerGpu: number;
  readonly outputTokensPerSecondPerUser: number;
  readonly ttftMs: number;
  readonly tpotMs: number;
}

/**
 * Throughput against interactivity for one replica, as public dashboards draw it (InferenceX: output
 * tokens/s per GPU against output tokens/s per user): a closed-loop sweep over concurrency from 1 to the
 * memory-limited batch in powers of two (plus the limit itself).
 */
export function interactivityCurve(replica: Replica, lengths: Lengths): CurvePoint[] {
  const maxBatch = memoryFit(replica, lengths.inputTokens + lengths.outputTokens).maxBatch;
  const concurrencies: number[] = [];
  for (let c = 1; c < maxBatch; c *= 2) concurrencies.push(c);
  if (maxBatch >= 1) concurrencies.push(maxBatch);
  const points: CurvePoint[] = [];
  for (const concurrency of concurrencies) {
    const point = pointAtConcurrency(replica, lengths, concurrency);
    if (!point) continue;
    points.push({
      concurrency,
      outputTokensPerSecondPerGpu: point.outputTokensPerSecondPerGpu,
      outputTokensPerSecondPerUser: 1000 / point.tpotMs,
      ttftMs: point.ttftMs,
      tpotMs: point.tpotMs,
    });
  }
  return points;
}
