import { describe, expect, it } from 'vitest';
import { loadCatalogOrThrow } from '../../../src/catalog/index.ts';
import { loadCalibration } from '../../../src/catalog/load-calibration.ts';
import { findAccelerator, findModel } from '../../../src/engine/catalog/lookup.ts';
import { COLLECTIVE_LATENCY_SECONDS, LINK_EFFICIENCY_FRACTION, PRIOR_EFFICIENCIES } from '../../../src/engine/performance/efficiency.ts';
import { estimatePerformance } from '../../../src/engine/performance/estimate.ts';
import { SCALE_OUT_BYTES_PER_SECOND_PER_GPU, SCALE_OUT_HOP_LATENCY_SECONDS, scaleOutPipelineHops, tensorParallelDomain } from '../../../src/engine/performance/interconnect.ts';
import { buildReplica, layoutFor } from '../../../src/engine/performance/parallelism.ts';
import type { Replica } from '../../../src/engine/performance/replica.ts';
import { allReduceSeconds, decodeStepSeconds, pipelineSendSeconds } from '../../../src/engine/performance/step-time.ts';

const catalog = loadCatalogOrThrow();
const llama70b = findModel(catalog, 'llama-3.3-70b')!;
const accelerator = (id: string) => findAccelerator(catalog, id)!;
const replicaOn = (id: string, tensorParallel: number, pipelineParallel = 1): Replica => ({
  model: llama70b,
  accelerator: accelerator(id),
  precision: 'fp8',
  engine: 'trtllm',
  efficiencies: PRIOR_EFFICIENCIES,
  engineMultiplier: 1,
  tensorParallel,
  pipelineParallel,
});

describe('tensor parallel and the scale-up domain', () => {
  it('keeps tensor parallel inside the node: NVLink domain, the PCIe host, or one GPU on GH200', () => {
    expect(tensorParallelDomain(accelerator('h100-sxm'))).toBe(8);
    expect(tensorParallelDomain(accelerator('gb200'))).toBe(72);
    expect(tensorParallelDomain(accelerator('l40s'))).toBe(8); // PCIe boards: 8 per host over PCIe
    expect(tensorParallelDomain(accelerator('gh200'))).toBe(1);
    expect(layoutFor(accelerator('gh200'), 8)).toEqual({ tensorParallel: 1, pipelineParallel: 8 });
    expect(layoutFor(accelerator('h100-sxm'), 16)).toEqual({ tensorParallel: 8, pipelineParallel: 2 });
  });

  it('runs an all-reduce wider than the domain at scale-out bandwidth with a network hop per ring step', () => {
    // Llama-3.3-70B (hidden 8192, 80 layers), 64 decode tokens: 1 MiB per all-reduce, two per layer.
    const bytes = 64 * 8192 * 2;
    const ringBytes = (2 * 7 / 8) * bytes;
    const nvlink = 160 * (COLLECTIVE_LATENCY_SECONDS + ringBytes / (450e9 * LINK_EFFICIENCY_FRACTION));
    const network = 160 * (COLLECTIVE_LATENCY_SECONDS + 14 * SCALE_OUT_HOP_LATENCY_SECONDS + ringBytes / (SCALE_OUT_BYTES_PER_SECOND_PER_GPU * LINK_EFFICIENCY_FRACTION));
    expect(allReduceSeconds(replicaOn('h100-sxm', 8), 64)).toBeCloseTo(nvlink, 9);
    expect(allReduceSeconds(replicaOn('gh200', 8), 64)).toBeCloseTo(network, 9);
    // ~22 ms against ~3.3 ms per step: the network, not GH200's NVLink-C2C to its CPU, carries the traffic.
    expect(network / nvlink).toBeGreaterThan(6);
  });

  it('makes GH200 TP8 decode slower than H100 TP8 over NVLink, though GH200 has more bandwidth per GPU', () => {
    const gh200 = decodeStepSeconds(replicaOn('gh200', 8), 64, 1500);
    const h100 = decodeStepSeconds(replicaOn('h100-sxm', 8), 64, 1500);
    expect(accelerator('gh200').memoryBandwidthBytesPerSecond).toBeGreaterThan(accelerator('h100-sxm').memoryBandwidthBytesPerSecond);
    expect(gh200).toBeGreaterThan(h100 * 1.5);
  });

  it('charges pipeline hand-offs between nodes over the network', () => {
    expect(scaleOutPipelineHops(accelerator('gh200'), 1, 8)).toBe(7);
    expect(scaleOutPipelineHops(accelerator('h100-sxm'), 8, 2)).toBe(1);
    expect(scaleOutPipelineHops(accelerator('h100-sxm'), 4, 2)).toBe(0);
    // 7 network hops of 32 tokens x 8192 x 2 bytes over 35 GB/s achieved, with 20 us latency each, over 8 stages.
    const hop = COLLECTIVE_LATENCY_SECONDS + SCALE_OUT_HOP_LATENCY_SECONDS + (32 * 8192 * 2) / (SCALE_OUT_BYTES_PER_SECOND_PER_GPU * LINK_EFFICIENCY_FRACTION);
    expect(pipelineSendSeconds(replicaOn('gh200', 1, 8), 32)).toBeCloseTo((7 * hop) / 8, 9);
  });

  it('never recommends tensor parallel beyond the domain: GH200 replicas of 8 GPUs are pipeline stages', () => {
    const result = estimatePerformance(catalog, loadCalibration(), { model: 'llama-3.1-405b', platform: 'gh200', gpus: 8, precision: 'fp8', inputTokens: 1024, outputTokens: 1024 });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.estimate.parallelism).toMatchObject({ tensor: 1, pipeline: 8, layout: 'TP1PP8' });
    const spec = { model: llama70b, accelerator: accelerator('gh200'), precision: 'fp8' as const, engine: 'trtllm' as const, efficiencies: PRIOR_EFFICIENCIES, engineMultiplier: 1 };
    for (const size of [2, 4, 8, 16, 32, 64]) expect(buildReplica(spec, size).tensorParallel).toBe(1);
  });
});
