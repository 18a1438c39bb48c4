import { describe, expect, it } from 'vitest';
import { pointAtBatch, saturatedPoint } from '../../../src/engine/performance/aggregated.ts';
import { pointForFiniteRun, pointForOfflineRun } from '../../../src/engine/performance/finite-runs.ts';
import { decodeStepComputeSlackSeconds } from '../../../src/engine/performance/step-time.ts';
import { lengths, replica } from './two-h200-llama70b.ts';

describe('finite overloaded runs and prefill riding in memory-bound steps', () => {
  it('an overloaded run of a stated number of requests never builds the infinite backlog', () => {
    // TensorRT-LLM v0.14 online table (500 requests): Llama-3.1-70B TP4 at QPS 16 "achieved 12 req/s" with
    // TTFT 175 ms: the queue stayed short because the run ended. The infinite-backlog point fills memory.
    const capacity = saturatedPoint(replica, lengths)!;
    const offered = capacity.requestsPerSecond * 1.5;
    const finite = pointForFiniteRun(replica, lengths, offered, 100)!;
    expect(finite.requestsPerSecond).toBeLessThan(offered);
    expect(finite.batch).toBeLessThan(capacity.batch);
    expect(finite.tpotMs).toBeLessThan(capacity.tpotMs);
    // A longer run spends more of its time in the backlog: its mean TTFT grows with the request count.
    expect(pointForFiniteRun(replica, lengths, offered, 2000)!.ttftMs).toBeGreaterThan(finite.ttftMs);
  });

  it('hides prefill FLOPs under a memory-bound decode step, not under a compute-bound one', () => {
    // Batch 1 on two H200s reads ~35 GB of weights per step with idle tensor cores; at batch 512 the weight
    // GEMMs are compute bound and have none (the KV-bound attention kernels do not lend theirs).
    expect(decodeStepComputeSlackSeconds(replica, 1, 2304)).toBeGreaterThan(0.001);
    expect(decodeStepComputeSlackSeconds(replica, 512, 2304)).toBe(0);
  });
});

describe('an offline run of a fixed number of requests (trtllm-bench)', () => {
  it('pays every prefill and drains its last batch, so few requests per batch cost throughput', () => {
    const saturated = saturatedPoint(replica, lengths)!;
    const long = pointForOfflineRun(replica, lengths, saturated.batch * 200)!;
    const short = pointForOfflineRun(replica, lengths, saturated.batch * 1.5)!;
    // 200 batches: the drain is under 1 % of the run.
    expect(long.outputTokensPerSecondPerGpu / saturated.outputTokensPerSecondPerGpu).toBeGreaterThan(0.99);
    expect(long.outputTokensPerSecondPerGpu).toBeLessThanOrEqual(saturated.outputTokensPerSecondPerGpu);
    // 1.5 batches: the last batch drains at a falling batch for a whole OSL, re-reading the weights every
    // step for fewer sequences (KV reads and compute shrink with the batch, weight reads do not).
    expect(short.outputTokensPerSecondPerGpu).toBeLessThan(long.outputTokensPerSecondPerGpu);
    // Fewer requests than the batch: one wave at that batch.
    expect(pointForOfflineRun(replica, lengths, 10)!.outputTokensPerSecondPerGpu).toBeCloseTo(pointAtBatch(replica, lengths, 10, true).outputTokensPerSecondPerGpu, 9);
  });
});
