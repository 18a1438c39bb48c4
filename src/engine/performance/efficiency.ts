import type { ServingEngine } from '../catalog/types.ts';

/**
 * Calibrated efficiencies of one platform (accelerator + serving engine). Fitted by `npm run calibrate`
 * against the measured points in data/benchmarks.json; the prior is used where nothing was measured.
 */
export interface Efficiencies {
  /** Achieved fraction of datasheet HBM bandwidth in decode (public tools: 0.72 to 0.8). */
  readonly memoryBandwidthFraction: number;
  /** Achieved fraction of dense datasheet FLOP/s in prefill GEMMs (public tools: 0.45 to 0.7). */
  readonly computeFraction: number;
  /** Achieved fraction of dense datasheet FLOP/s in batched decode steps (public tools: 0.12 to 0.3, higher at large batch). */
  readonly decodeComputeFraction: number;
  /** Fixed cost of one engine step (scheduling, kernel launches, sampling); BLIS ~500 us + 20 us/layer. */
  readonly stepOverheadSeconds: number;
}

/** Starting point and spec-only estimate: the middle of the public tools' ranges (../shared/ENGINE.md). */
export const PRIOR_EFFICIENCIES: Efficiencies = {
  memoryBandwidthFraction: 0.75,
  computeFraction: 0.55,
  decodeComputeFraction: 0.35,
  stepOverheadSeconds: 0.002,
};

/** Extra per-layer step cost (BLIS roofline mode: ~20 us per layer). */
export const STEP_OVERHEAD_SECONDS_PER_LAYER = 20e-6;

/**
 * Further step cost of each MoE layer: routing runs about ten more kernels per step than a dense MLP
 * (router GEMM, top-k, token permutation, activation quantization, two grouped GEMMs, un-permutation,
 * shared expert), each with a floor of ~10 us however small the batch. Chosen by the cross-validated
 * error of `npm run calibrate` (100 us: TPOT median 25.2 % -> 21.9 %, saturated median 13.6 % -> 13.4 %).
 */
export const STEP_OVERHEAD_SECONDS_PER_MOE_LAYER = 100e-6;

/**
 * Host time of one micro-batch iteration of TensorRT-LLM's pipeline-parallel executor loop that no GPU work
 * hides. Under PP the PyTorch backend runs `_executor_loop_pp`, not the overlap scheduler: each rank schedules
 * the micro-batch, and the sampled tokens travel rank to rank as pickled Python objects over MPI
 * (`recv_object` / `isend_object` of the sample state, after the last rank's sampler sync) before that
 * micro-batch's next step (tensorrt_llm/_torch/pyexecutor/py_executor.py, v1.0 era). The published
 * RTX PRO 6000 Llama-3.3-70B TP1 PP2/PP4/PP8 rows show it: per micro-batch step they take 13-21 ms plus
 * 0.65-0.95 ms a layer, where the model without it gave 5-6 ms plus 0.85-1.3 ms. 10 ms is the middle of
 * that gap (an estimate); leave-one-source-out error is flat between 5 and 12 ms (saturated median 11.2-11.4 %).
 */
export const PIPELINE_HOST_SECONDS_PER_MICRO_BATCH: Readonly<Partial<Record<ServingEngine, number>>> = { trtllm: 0.01 };

/** Latency of one collective over the scale-up fabric (public tools: 10 to 20 us). */
export const COLLECTIVE_LATENCY_SECONDS = 15e-6;

/** Achieved fraction of scale-up link bandwidth in all-reduce. */
export const LINK_EFFICIENCY_FRACTION = 0.7;

/**
 * Scheduler limits on sequences in flight, by engine defaults: TensorRT-LLM max_batch_size 2048
 * (trtllm-bench), vLLM max_num_seqs 256 (EngineArgs default), SGLang max_running_requests sized from
 * memory (no fixed cap; 1024 here), other servers (TGI, Neuron) 256.
 */
export const MAX_BATCH_BY_ENGINE: Readonly<Record<ServingEngine, number>> = {
  trtllm: 2048,
  vllm: 256,
  sglang: 1024,
  other: 256,
};

/**
 * How an engine's scheduler admits new prompts by default. 'prefill-first': waiting prompts are prefilled
 * in steps of their own while the running batch waits (SGLang without --enable-mixed-chunk, vLLM V0
 * without chunked prefill, TGI's router), so a closed-loop sweep of fixed-length requests stays in waves:
 * the C clients' requests end together, the next C arrive together and queue for each other's prefill.
 * 'mixed': prompts join the decode steps in flight (TensorRT-LLM in-flight batching), so completions
 * spread out and a new request waits for little more than its own prefill. vLLM is prefill-first here:
 * the published vLLM sweeps ran V0 (0.6-0.7) with chunked prefill off for their model lengths; a run that
 * states a token budget per step (chunked prefill on) is mixed.
 */
export const SCHEDULER_BY_ENGINE: Readonly<Record<ServingEngine, 'prefill-first' | 'mixed'>> = {
  trtllm: 'mixed',
  vllm: 'prefill-first',
  sglang: 'prefill-first',
  other: 'prefill-first',
};

/** Prefill chunk size (max_num_tokens): TensorRT-LLM and vLLM chunked-prefill defaults are 8192. */
export const PREFILL_CHUNK_TOKENS = 8192;

/** Engine throughput relative to TensorRT-LLM at equal hardware, fitted alongside the platform efficiencies. */
export type EngineMultipliers = Readonly<Record<ServingEngine, number>>;

export const PRIOR_ENGINE_MULTIPLIERS: EngineMultipliers = { trtllm: 1, vllm: 0.85, sglang: 0.9, other: 0.8 };

/** Parameters of one expert at which its GEMMs reach half the dense efficiency (tile and wave quantization). */
export const MOE_HALF_EFFICIENCY_PARAMS = 20e6;
/**
 * Rows (sequences in the step) at which a decode step's dense GEMMs reach half the decode compute
 * ceiling: a batch of B fills B rows of each tile. Chosen by the cross-validated error of
 * `npm run calibrate` (32: saturated median 14.2 % -> 13.6 %, p90 38.6 % -> 37.3 %).
 */
export const DECODE_GEMM_HALF_EFFICIENCY_ROWS = 32;
/** Rows per expert at which expert GEMMs reach half their ceiling. */
export const MOE_HALF_EFFICIENCY_ROWS = 128;
/** Smallest row tile of a tensor-core GEMM (Hopper/Blackwell MMA M = 16 with swap-AB kernels). */
export const MOE_MIN_TILE_ROWS = 16;
