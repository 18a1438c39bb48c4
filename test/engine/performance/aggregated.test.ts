import { describe, expect, it } from 'vitest';
import { loadCatalogOrThrow } from '../../../src/catalog/index.ts';
import { findAccelerator, findModel } from '../../../src/engine/catalog/lookup.ts';
import { pointAtBatch, pointAtConcurrency, pointAtRate, saturatedPoint } from '../../../src/engine/performance/aggregated.ts';
import { PRIOR_EFFICIENCIES } from '../../../src/engine/performance/efficiency.ts';
import { interactivityCurve } from '../../../src/engine/performance/curve.ts';
import { buildReplica } from '../../../src/engine/performance/parallelism.ts';

const catalog = loadCatalogOrThrow();
const replica = buildReplica(
  { model: findModel(catalog, 'llama-3.3-70b')!, accelerator: findAccelerator(catalog, 'h200')!, precision: 'fp8', engine: 'trtllm', efficiencies: PRIOR_EFFICIENCIES, engineMultiplier: 1 },
  2,
);
const lengths = { inputTokens: 2048, outputTokens: 512 };

describe('aggregated serving', () => {
  it('gives more throughput and slower tokens per user as the batch grows', () => {
    const small = pointAtBatch(replica, lengths, 8);
    const large = pointAtBatch(replica, lengths, 256);
    expect(large.outputTokensPerSecondPerGpu).toBeGreaterThan(small.outputTokensPerSecondPerGpu * 5);
    expect(large.tpotMs).toBeGreaterThan(small.tpotMs);
  });

  it('obeys Little\'s law at an offered rate below capacity', () => {
    const capacity = saturatedPoint(replica, lengths)!;
    const rate = capacity.requestsPerSecond * 0.3;
    const point = pointAtRate(replica, lengths, rate)!;
    expect(point.saturated).toBe(false);
    expect(point.requestsPerSecond).toBeCloseTo(rate, 6);
    const inSystem = rate * (point.ttftMs / 1000 + (lengths.outputTokens - 1) * (point.tpotMs / 1000));
    expect(Math.abs(inSystem - point.batch) / point.batch).toBeLessThan(0.02);
  });

  it('returns the saturated point when the offered load exceeds capacity', () => {
    const capacity = saturatedPoint(replica, lengths)!;
    const point = pointAtRate(replica, lengths, capacity.requestsPerSecond * 3)!;
    expect(point.saturated).toBe(true);
    expect(point.outputTokensPerSecondPerGpu).toBeCloseTo(capacity.outputTokensPerSecondPerGpu, 6);
  });

  it('draws a monotone throughput-vs-interactivity curve', () => {
    const curve = interactivityCurve(replica, lengths);
    expect(curve.length).toBeGreaterThan(4);
    for (let i = 1; i < curve.length; i++) {
      expect(curve[i]!.outputTokensPerSecondPerGpu).toBeGreaterThanOrEqual(curve[i - 1]!.outputTokensPerSecondPerGpu * 0.999);
      expect(curve[i]!.outputTokensPerSecondPerUser).toBeLessThanOrEqual(curve[i - 1]!.outputTokensPerSecondPerUser * 1.001);
    }
  });

  it('queues clients beyond the memory-limited batch into TTFT', () => {
    const capacity = saturatedPoint(replica, lengths)!;
    const over = pointAtConcurrency(replica, lengths, capacity.batch * 3)!;
    const at = pointAtConcurrency(replica, lengths, capacity.batch)!;
    expect(over.ttftMs).toBeGreaterThan(at.ttftMs * 2);
  });
});
