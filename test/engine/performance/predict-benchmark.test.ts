import { describe, expect, it } from 'vitest';
import { loadCatalogOrThrow } from '../../../src/catalog/index.ts';
import { findAccelerator, findModel } from '../../../src/engine/catalog/lookup.ts';
import type { BenchmarkPoint } from '../../../src/engine/catalog/types.ts';
import { PRIOR_EFFICIENCIES } from '../../../src/engine/performance/efficiency.ts';
import { predictBenchmark } from '../../../src/engine/performance/predict-benchmark.ts';

const catalog = loadCatalogOrThrow();
const model = findModel(catalog, 'llama-3.1-8b')!;
const accelerator = findAccelerator(catalog, 'h100-sxm')!;

/** A closed-loop row on 3 independent 1-GPU servers behind a load balancer. */
function threeReplicaRow(concurrency: number): BenchmarkPoint {
  return {
    id: `test-c${concurrency}`,
    acceleratorId: accelerator.id,
    modelId: model.id,
    precision: 'fp8',
    engine: 'vllm',
    gpusPerReplica: 1,
    gpuCount: 3,
    inputTokens: 1500,
    outputTokens: 250,
    scenario: 'concurrency',
    concurrency,
    outputTokensPerSecondPerGpu: 1,
    kind: 'measured',
    source: { title: 'test', url: 'https://example.com', asOf: '2026-01-01', basis: 'measured' },
  } as BenchmarkPoint;
}

describe('predicting a benchmark row', () => {
  it('with fewer clients than replicas, only the busy replicas produce tokens', () => {
    // optimum-neuron guidellm "DP=3 x TP=8" synchronous rows: one request in flight over three servers
    // gives a third of the per-device throughput of one server (2.7 vs 8.5 output tok/s per device).
    const one = predictBenchmark(threeReplicaRow(1), model, accelerator, PRIOR_EFFICIENCIES, 1)!;
    const three = predictBenchmark(threeReplicaRow(3), model, accelerator, PRIOR_EFFICIENCIES, 1)!;
    expect(one.outputTokensPerSecondPerGpu * 3).toBeCloseTo(three.outputTokensPerSecondPerGpu, 6);
    expect(one.tpotMs).toBeCloseTo(three.tpotMs, 6);
  });
});
