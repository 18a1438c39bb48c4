/**
 * Checks the REAL data/ catalog (not the fixture). Expected figures cite their oracle; tolerances are
 * stated per check. Regenerate data/ with `npx tsx scripts/import-shared-data.ts`.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/index.ts';
import { findAccelerator, findModel } from '../../src/engine/catalog/lookup.ts';
import type { Catalog, SourceRef } from '../../src/engine/catalog/types.ts';

const result = loadCatalog();
const catalog = (result.ok ? result.catalog : undefined) as Catalog;
const accel = (id: string) => catalog.accelerators.find((a) => a.id === id)!;
const model = (id: string) => catalog.models.find((m) => m.id === id)!;
const within = (actual: number, expected: number, fraction: number) =>
  expect(Math.abs(actual - expected) / expected).toBeLessThanOrEqual(fraction);

describe('real data/', () => {
  it('loads with no problems', () => {
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('has every required accelerator and model id', () => {
    const accelerators = ['a100', 'l40s', 'h100-sxm', 'h100-pcie', 'h100-nvl', 'h200', 'h200-nvl', 'gh200', 'b200', 'b300', 'gb200', 'gb300',
      'rtx-pro-6000', 'mi300x', 'mi325x', 'mi355x', 'tpu-v5e', 'tpu-v5p', 'tpu-v6e', 'tpu7x', 'trainium2', 'inferentia2', 'gaudi3'];
    const models = ['llama-3.1-8b', 'llama-3.1-70b', 'llama-3.1-405b', 'llama-3.3-70b', 'gpt-oss-20b', 'gpt-oss-120b', 'deepseek-r1',
      'deepseek-v3', 'qwen3-32b', 'qwen3-235b-a22b', 'mixtral-8x7b', 'kimi-k2', 'llama-2-70b', 'qwen3-30b-a3b', 'llama-4-scout',
      'llama-4-maverick', 'llama-3-70b', 'llama-3-8b'];
    expect(catalog.accelerators.map((a) => a.id)).toEqual(expect.arrayContaining(accelerators));
    expect(catalog.models.map((m) => m.id)).toEqual(expect.arrayContaining(models));
  });

  it('gives every record a source with a title and an ISO asOf', () => {
    const sources: SourceRef[] = [
      ...catalog.accelerators.map((r) => r.source), ...catalog.models.map((r) => r.source), ...catalog.prices.map((r) => r.source),
      ...catalog.purchasePrices.map((r) => r.source), ...catalog.benchmarks.map((r) => r.source), ...catalog.apiPrices.map((r) => r.source),
      catalog.energy.dollarsPerKwh.source, catalog.energy.powerUsageEffectiveness.source, catalog.energy.amortizationYears.source,
    ];
    for (const s of sources) {
      expect(s.title.length).toBeGreaterThan(0);
      expect(s.asOf).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
    }
  });

  it('matches datasheet figures', () => {
    // NVIDIA H100 SXM datasheet via aiconfigurator (AIC): 3.35 TB/s HBM3, 989 dense BF16 TFLOPS, 80 GB; 1% tolerance.
    within(accel('h100-sxm').memoryBandwidthBytesPerSecond, 3.35e12, 0.01);
    within(accel('h100-sxm').denseFlopsPerSecond.bf16!, 989e12, 0.01);
    // Memory labels are binary: nvidia-smi reports 81,559 MiB for an 'H100 80GB' (80 GiB within 1%).
    within(accel('h100-sxm').memoryBytes, 80 * 2 ** 30, 0.01);
    // NVIDIA HGX B200 / MLPerf 'B200-SXM-180GB': 180 GiB; 1%.
    within(accel('b200').memoryBytes, 180 * 2 ** 30, 0.01);
    // AMD (InferenceMAX article 2025-10-10): MI355X "up to 10 PFLOPS MXFP4"; ml-engineering lists 10,100 dense; 2%.
    within(accel('mi355x').denseFlopsPerSecond.fp4!, 10e15, 0.02);
    // H100 NVLink 4: 900 GB/s bidirectional = 450 GB/s per direction (AIC intra_node_bw); exact.
    expect(accel('h100-sxm').scaleUpBytesPerSecondPerDirection).toBe(450e9);
    // GB200 NVL72: one NVLink domain of 72 GPUs (AIC num_gpus_per_rack).
    expect(accel('gb200').scaleUpDomainCount).toBe(72);
  });

  it('lists a precision only where the hardware supports it natively', () => {
    expect(Object.keys(accel('a100').denseFlopsPerSecond)).toEqual(['bf16']);
    for (const id of ['h100-sxm', 'h200', 'mi300x', 'mi325x']) expect(Object.keys(accel(id).denseFlopsPerSecond).sort()).toEqual(['bf16', 'fp8']);
    for (const id of ['b200', 'b300', 'gb200', 'gb300', 'mi355x', 'rtx-pro-6000']) {
      expect(Object.keys(accel(id).denseFlopsPerSecond).sort()).toEqual(['bf16', 'fp4', 'fp8']);
    }
    expect(Object.keys(accel('tpu-v5e').denseFlopsPerSecond)).toEqual(['bf16']);
  });

  it('keeps unpublished figures null and labels estimates', () => {
    expect(accel('tpu7x').tdpWatts).toBeNull();
    expect(accel('tpu7x').idleWatts).toBeNull();
    for (const a of catalog.accelerators) {
      if (a.idleWatts !== null) expect(a.fieldSources?.idleWatts).toMatch(/^estimate/);
      expect(a.fieldSources?.minimumDeployableCount).toMatch(/^estimate/);
    }
    expect(accel('h100-nvl').fieldSources?.['denseFlopsPerSecond.bf16']).toMatch(/^estimate/);
  });

  it('has sane ranges', () => {
    for (const a of catalog.accelerators) {
      expect(a.memoryBytes).toBeGreaterThanOrEqual(16e9);
      expect(a.memoryBytes).toBeLessThanOrEqual(300 * 2 ** 30);
      // Intel Arc Pro B50 (224 GB/s GDDR6, Intel spec page) is the slowest memory in the catalog.
      expect(a.memoryBandwidthBytesPerSecond).toBeGreaterThan(0.2e12);
      expect(a.memoryBandwidthBytesPerSecond).toBeLessThan(10e12);
      if (a.tdpWatts !== null && a.idleWatts !== null) expect(a.idleWatts).toBeLessThan(a.tdpWatts);
    }
    for (const p of catalog.prices) {
      expect(p.dollarsPerGpuHour).toBeGreaterThan(0.1);
      expect(p.dollarsPerGpuHour).toBeLessThan(25);
    }
    for (const b of catalog.benchmarks) {
      expect(b.gpusPerReplica).toBeLessThanOrEqual(b.gpuCount);
      expect(b.outputTokensPerSecondPerGpu).toBeLessThan(100_000);
    }
  });

  it('computes parameter counts from config.json', () => {
    // Shared models.json computed counts (same method): DeepSeek-V3 671.03B total / 37.55B active; gpt-oss-120b 116.79B / 5.71B; 0.1%.
    within(model('deepseek-r1').totalParams, 671.03e9, 0.001);
    within(model('deepseek-r1').activeParams, 37.55e9, 0.001);
    within(model('gpt-oss-120b').totalParams, 116.79e9, 0.001);
    // Meta Llama 4 model card: Scout 109B total (incl. ~1B vision tower, excluded here) / 17B active; Maverick 400B / 17B; 2%.
    within(model('llama-4-scout').totalParams, 108e9, 0.02);
    within(model('llama-4-maverick').totalParams, 400e9, 0.02);
    within(model('llama-4-maverick').activeParams, 17e9, 0.02);
    // gpt-oss: 18 of 36 layers use a 128-token sliding window (config layer_types).
    expect(model('gpt-oss-120b').slidingWindow).toEqual({ layers: 18, windowTokens: 128 });
    // DeepSeek-V3 config: first_k_dense_replace 3 of 61 layers, kv_lora_rank 512, qk_rope_head_dim 64.
    expect(model('deepseek-r1').moe?.moeLayers).toBe(58);
    expect(model('deepseek-r1').attention).toMatchObject({ kind: 'mla', kvLoraRank: 512, qkRopeHeadDim: 64 });
    expect(model('deepseek-r1').releasedPrecision).toBe('fp8');
    expect(model('gpt-oss-20b').releasedPrecision).toBe('fp4');
  });

  it('holds the current models people run, with the attention that decides their KV memory', () => {
    // 36 models: the 11 of ../shared/data/models.json (+ DeepSeek-V3 sharing R1's), 10 transcribed older ones, 14 current ones (scripts/current-models.ts).
    expect(catalog.models).toHaveLength(36);
    // Stated sizes (vendor model cards / READMEs): DeepSeek-V4-Pro 1.6T / 49B, GLM-5 744B / 40B, Qwen3.5-397B-A17B,
    // Qwen3-Coder-480B-A35B, Nemotron 3 Nano 31.6B / 3.5B, MiniMax-M3 428B; 3 % on totals.
    within(model('deepseek-v4-pro').totalParams, 1.6e12, 0.03);
    within(model('deepseek-v4-pro').activeParams, 49e9, 0.03);
    within(model('glm-5').totalParams, 744e9, 0.03);
    within(model('qwen3.5-397b-a17b').totalParams, 397e9, 0.03);
    within(model('qwen3-coder-480b-a35b').totalParams, 480e9, 0.03);
    within(model('nemotron-nano-30b').totalParams, 31.6e9, 0.03);
    within(model('minimax-m3').totalParams, 428e9, 0.03);
    // DeepSeek V4: 2 sliding-window layers, 30 CSA (4:1, indexer top-512) and 29 HCA (128:1) layers.
    expect(model('deepseek-v4-pro').attentionVariants?.compressed?.map((g) => [g.layers, g.tokensPerEntry])).toEqual([[30, 4], [29, 128]]);
    expect(model('deepseek-v4-pro').releasedPrecision).toBe('fp4');
    // DeepSeek Sparse Attention: top-2048 entries per query in every layer (V3.2 and GLM-5 configs).
    expect(model('deepseek-v3.2').attentionVariants?.sparse).toMatchObject({ layers: 61, attendedEntries: 2048 });
    expect(model('glm-5.2').attentionVariants?.sparse?.attendedEntries).toBe(2048);
    // Qwen3.5/3.6: 3 Gated DeltaNet layers per full-attention layer; Nemotron-H: 23 Mamba-2 + 6 attention mixers.
    expect(model('qwen3.6-27b').attentionVariants?.recurrent).toMatchObject({ kind: 'linear-attention', layers: 48 });
    expect(model('nemotron-nano-30b').attentionVariants?.recurrent).toMatchObject({ kind: 'state-space', layers: 23 });
    expect(model('nemotron-nano-30b').layers).toBe(29);
    expect(model('qwen3-vl-235b-a22b').visionTower?.params).toBeGreaterThan(0.2e9);
    for (const m of catalog.models) expect(m.source.basis === 'estimate' || !/ESTIMATE/.test(m.source.note ?? '')).toBe(true);
  });

  it('holds the accelerators with published results, estimates labelled per field', () => {
    // 23 of ../shared/data/hardware.json + 8 from vendor pages (scripts/current-accelerators.ts).
    expect(catalog.accelerators).toHaveLength(31);
    // AMD MI350X datasheet: 288 GB HBM3E, 8 TB/s, 2.3 PF BF16 / 4.6 PF FP8 / 9.2 PF MXFP4 dense, 1,000 W.
    expect(accel('mi350x').memoryBandwidthBytesPerSecond).toBe(8e12);
    expect(accel('mi350x').denseFlopsPerSecond.fp4).toBe(9228e12);
    // AWS Neuron docs: Trainium 32 GiB, 820 GB/s, 190 TFLOPS BF16.
    expect(accel('trainium1').denseFlopsPerSecond.bf16).toBe(190e12);
    // Xe2 XMX has no FP8 mode: Intel Arc Pro cards run FP8/FP4 checkpoints weight-only.
    for (const id of ['arc-pro-b50', 'arc-pro-b60', 'arc-pro-b60-dual', 'arc-pro-b70']) expect(accel(id).denseFlopsPerSecond.fp8).toBeUndefined();
    expect(accel('rtx-pro-4500').fieldSources?.denseFlopsPerSecond).toMatch(/^estimate/);
  });

  it('references only known ids from benchmarks, prices and API prices', () => {
    const accelerators = new Set(catalog.accelerators.map((a) => a.id));
    const models = new Set(catalog.models.map((m) => m.id));
    for (const b of catalog.benchmarks) {
      expect(accelerators.has(b.acceleratorId)).toBe(true);
      expect(models.has(b.modelId)).toBe(true);
    }
    for (const p of catalog.prices) expect(accelerators.has(p.acceleratorId)).toBe(true);
    for (const p of catalog.apiPrices) expect(models.has(p.modelId)).toBe(true);
    expect(catalog.benchmarks.length).toBeGreaterThan(500);
  });

  it('carries Llama 4 chunked attention from config.json', () => {
    // meta-llama Llama-4 text_config: attention_chunk_size 8192, no_rope_layers [1,1,1,0] x 12.
    for (const id of ['llama-4-scout', 'llama-4-maverick']) expect(model(id).slidingWindow).toEqual({ layers: 36, windowTokens: 8192 });
  });

  it('sizes replicas as the sources state them', () => {
    const row = (id: string) => catalog.benchmarks.find((b) => b.id === id)!;
    // TensorRT-LLM 1.2 perf table: "DEP2,PP2" = two pipeline stages of a 2-GPU DEP group.
    const depPp = row('trtllm-1.2-Qwen3-30B-A3B-RTX-PRO-6000-Blackwell-Server-DEP2PP2-FP4-1000-1000');
    expect(depPp.gpusPerReplica).toBe(4);
    expect(depPp.pipelineParallel).toBe(2);
    expect(depPp.attentionDataParallel).toBe(true);
    // The v1.0 perf overview runs MoE models with --ep and enable_attention_dp (its "For MoE models"
    // recipe): its Qwen3-30B-A3B "TP8" row on RTX PRO 6000 (3,973 tok/s/GPU at 1000/1000) is the 1.2 docs'
    // DEP8 row (3,985). One GPU per stage, or a dense model, stays tensor parallel.
    expect(row('trtllm-v1.0-Qwen3-30B-A3B-RTX-PRO-6000-Blackwell-Server-tp8pp1-FP4-1000-1000').attentionDataParallel).toBe(true);
    expect(row('trtllm-v1.0-Qwen3-30B-A3B-RTX-PRO-6000-Blackwell-Server-tp1pp1-FP4-1000-1000').attentionDataParallel).toBeUndefined();
    expect(catalog.benchmarks.filter((b) => b.modelId === 'llama-3.3-70b' && b.attentionDataParallel)).toEqual([]);
    // dstack's vLLM 0.6.3 405B runs state their scheduler: a token budget only counts with chunked prefill on.
    const chunked = catalog.benchmarks.find((b) => b.id.startsWith('dstack-405b-h100-steps1-cptrue-mbt512-seqs256'))!;
    expect([chunked.tokenBudgetPerStep, chunked.maxBatchPerReplica]).toEqual([512, 256]);
    expect(catalog.benchmarks.find((b) => b.id.startsWith('dstack-405b-h100-steps1-cpfalse-mbt512'))!.tokenBudgetPerStep).toBeUndefined();
    expect(chunked.schedulerStepsPerIteration).toBeUndefined();
    expect(catalog.benchmarks.find((b) => b.id.startsWith('dstack-405b-h100-steps15-cptrue'))!.schedulerStepsPerIteration).toBe(15);
    // trtllm-bench's $num_requests per ISL/OSL, from each perf overview's dataset table.
    expect(row('trtllm-v1.0-Qwen3-30B-A3B-RTX-PRO-6000-Blackwell-Server-tp8pp1-FP4-1000-1000').requestCount).toBe(3000);
    expect(row('trtllm-1.2-Qwen3-30B-A3B-RTX-PRO-6000-Blackwell-Server-DEP8PP1-FP4-1000-1000').requestCount).toBeUndefined();
    // optimum-neuron: "DP=3 x TP=8 NeuronCores" on 12 Inferentia2 devices = three 4-device servers.
    const neuron = catalog.benchmarks.find((b) => b.id.startsWith('optneuron-guidellm-inf2-llama3.1-8b-vllm-clidp3-tp8'))!;
    expect(neuron.gpuCount / neuron.gpusPerReplica).toBe(3);
    // dstack's TGI bursts on MI300X: TGI's scheduler, all requests sent at t=0.
    const tgi = row('dstack-405b-bf16-mi300x-tgi-short-burst256');
    expect(tgi.servingStack).toBe('tgi');
    expect(tgi.scenario).toBe('burst');
  });

  it('resolves shared-data keys and common spellings', () => {
    const accelerators: [string, string][] = [['H200-SXM', 'h200'], ['h200-sxm', 'h200'], ['A100-SXM-80GB', 'a100'], ['RTX-PRO-6000-Blackwell-Server', 'rtx-pro-6000'],
      ['TPU-v6e', 'tpu-v6e'], ['trillium', 'tpu-v6e'], ['v6e', 'tpu-v6e'], ['h100 sxm', 'h100-sxm'], ['h100', 'h100-sxm'], ['mi355', 'mi355x'],
      ['ironwood', 'tpu7x'], ['trn2', 'trainium2'], ['inf2', 'inferentia2']];
    for (const [text, id] of accelerators) expect(findAccelerator(catalog, text)?.id, text).toBe(id);
    expect(findAccelerator(catalog, 'blackwell')).toBeUndefined();
    const models: [string, string][] = [['Llama-3.3-70B-Instruct', 'llama-3.3-70b'], ['meta-llama/Llama-3.3-70B-Instruct', 'llama-3.3-70b'],
      ['deepseek-v3-r1', 'deepseek-r1'], ['DeepSeek-R1-0528', 'deepseek-r1'], ['r1', 'deepseek-r1'], ['gpt-oss 120b', 'gpt-oss-120b'],
      ['llama 3.3 70b', 'llama-3.3-70b'], ['Llama-2-70B-chat', 'llama-2-70b'], ['DeepSeek-V3', 'deepseek-v3']];
    for (const [text, id] of models) expect(findModel(catalog, text)?.id, text).toBe(id);
  });
});
