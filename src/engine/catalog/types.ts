/**
 * Plain data types of the engine's catalog. The edge (src/catalog) builds these from data/*.json after
 * zod validation; the engine only reads them. Units live in the names: Bytes, BytesPerSecond,
 * FlopsPerSecond (dense, per precision, per accelerator), Watts, dollarsPer...
 */

export type Precision = 'fp4' | 'fp8' | 'bf16';
export const PRECISIONS: readonly Precision[] = ['fp4', 'fp8', 'bf16'];

/** How a figure is known. */
export type Basis = 'datasheet' | 'measured' | 'vendor-claim' | 'estimate';

export interface SourceRef {
  readonly title: string;
  readonly url?: string;
  /** ISO date (YYYY-MM-DD or YYYY-MM) of the figure, or of the source when the figure is undated. */
  readonly asOf: string;
  readonly basis: Basis;
  readonly note?: string;
}

export type Vendor = 'nvidia' | 'amd' | 'google' | 'aws' | 'intel';

export interface Accelerator {
  /** Short stable id: 'b200', 'mi355x', 'h100-sxm', 'tpu-v6e'. */
  readonly id: string;
  readonly name: string;
  readonly vendor: Vendor;
  /** Other spellings accepted case-insensitively, including the keys of ../shared/data ('H200-SXM'). */
  readonly aliases: readonly string[];
  readonly memoryBytes: number;
  readonly memoryBandwidthBytesPerSecond: number;
  /** Dense tensor throughput per precision the hardware supports natively; absent = unsupported. */
  readonly denseFlopsPerSecond: Readonly<Partial<Record<Precision, number>>>;
  /** Scale-up (NVLink, Infinity Fabric, ICI, NeuronLink, PCIe) bandwidth per accelerator, one direction. */
  readonly scaleUpBytesPerSecondPerDirection: number;
  /** Accelerators that share the scale-up fabric (8 for an HGX node, 72 for an NVL72 rack, 1 if none). */
  readonly scaleUpDomainCount: number;
  /** Smallest number of accelerators one can rent or deploy as a unit (1 GPU, 8-GPU node, 4 TPU chips...). */
  readonly minimumDeployableCount: number;
  /** Accelerator board power; null when unpublished. */
  readonly tdpWatts: number | null;
  /** All-in provisioned power per accelerator incl. host, network, cooling share (SemiAnalysis); null if unknown. */
  readonly allInWatts: number | null;
  /** Estimated idle draw per accelerator incl. its host share. */
  readonly idleWatts: number | null;
  readonly launchYear?: number;
  readonly source: SourceRef;
  /** Per-field provenance where it differs from `source` (field name -> short citation). */
  readonly fieldSources?: Readonly<Record<string, string>>;
}

export type AttentionKind =
  | { readonly kind: 'gqa' }
  | {
      readonly kind: 'mla';
      readonly kvLoraRank: number;
      readonly qkRopeHeadDim: number;
      /** Optional MLA detail from config.json (added by the catalog import; absent in older data). */
      readonly qkNopeHeadDim?: number;
      readonly vHeadDim?: number;
      /** Query low-rank compression (q_lora_rank); absent when queries are not compressed. */
      readonly qLoraRank?: number;
    };

export interface MoeSpec {
  readonly expertsTotal: number;
  readonly expertsActive: number;
  readonly sharedExperts: number;
  /** Number of layers whose MLP is a routed-expert block. */
  readonly moeLayers: number;
  /** Parameters of one routed expert in one layer. */
  readonly paramsPerExpertPerLayer: number;
}

/**
 * Attention that keeps or reads less than one KV entry per token in every layer. Each part decides KV
 * memory and attention cost; absent parts are plain full attention.
 */
/**
 * A lightweight indexer scores every cached entry and each query attends to at most `attendedEntries`
 * of them; the indexer keeps its own keys (`indexerBytesPerEntry`, FP8 in the published kernels).
 */
export interface SparseSelection {
  readonly attendedEntries: number;
  readonly indexerBytesPerEntry: number;
  readonly indexerHeads: number;
  readonly indexerHeadDim: number;
}

export interface AttentionVariants {
  /**
   * Layers with a fixed-size recurrent state instead of a KV cache: linear attention (Qwen3-Next/3.5
   * Gated DeltaNet) or state-space layers (Nemotron-H Mamba-2). Their state is read and written each step.
   */
  readonly recurrent?: { readonly kind: 'linear-attention' | 'state-space'; readonly layers: number; readonly stateBytesPerSequencePerLayer: number };
  /**
   * Full-attention layers whose cache holds one entry per `tokensPerEntry` tokens (DeepSeek V4: CSA 4,
   * HCA 128), each also attending to the last `localWindowTokens` tokens uncompressed.
   */
  readonly compressed?: readonly { readonly layers: number; readonly tokensPerEntry: number; readonly localWindowTokens: number; readonly selection?: SparseSelection }[];
  /**
   * Plain full-attention layers with sparse selection (DeepSeek Sparse Attention in V3.2 and GLM-5,
   * MiniMax-M3's block-sparse layers): the whole cache stays in memory, each query reads only the
   * entries the indexer picks.
   */
  readonly sparse?: { readonly layers: number } & SparseSelection;
}

/** A vision encoder in front of the language model: its weights are held; image prefill cost is not modelled. */
export interface VisionTower {
  readonly params: number;
  readonly note: string;
}

export interface Model {
  /** Short stable id: 'llama-3.3-70b', 'gpt-oss-120b', 'deepseek-r1'. */
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly hfRepo: string;
  readonly totalParams: number;
  /** Parameters touched per token (MoE: shared + active experts + attention + embeddings). */
  readonly activeParams: number;
  readonly layers: number;
  readonly hiddenSize: number;
  readonly attentionHeads: number;
  readonly kvHeads: number;
  readonly headDim: number;
  readonly attention: AttentionKind;
  /** Layers that attend over a sliding window only (gpt-oss: 18 of 36 with a 128-token window). */
  readonly slidingWindow?: { readonly layers: number; readonly windowTokens: number };
  readonly moe?: MoeSpec;
  readonly attentionVariants?: AttentionVariants;
  /** VL models: the vision encoder's weights (in totalParams too); text decode does not run it. */
  readonly visionTower?: VisionTower;
  readonly vocabSize: number;
  readonly maxContextTokens: number;
  /** Precision the weights were released in (gpt-oss: fp4 MXFP4 experts, DeepSeek: fp8). */
  readonly releasedPrecision: Precision;
  readonly source: SourceRef;
}

export type PriceTier =
  | 'on-demand'
  | 'reserved-1y'
  | 'reserved-3y'
  | 'spot'
  | 'committed'
  | 'rental-3y-neocloud'
  | 'owning-hyperscaler'
  | 'owning-neocloud';

export interface PriceRecord {
  readonly id: string;
  readonly acceleratorId: string;
  readonly provider: string;
  readonly tier: PriceTier;
  readonly dollarsPerGpuHour: number;
  readonly gpusPerInstance: number | null;
  readonly region?: string;
  readonly source: SourceRef;
}

export interface PurchasePrice {
  readonly acceleratorId: string;
  /** All-in capital per accelerator (its share of server, network) where the source gives it. */
  readonly dollarsPerAccelerator: number;
  readonly source: SourceRef;
}

export type ServingEngine = 'trtllm' | 'vllm' | 'sglang' | 'other';

/**
 * How the benchmark loaded the server: unbounded ('saturated'), closed-loop clients ('concurrency'),
 * an offered request rate ('request-rate'), or one batch of requests all sent at t=0 ('burst').
 */
export type BenchmarkScenario = 'saturated' | 'concurrency' | 'request-rate' | 'burst';

/** Speculative decoding methods: the model's own multi-token-prediction heads, an EAGLE-3 draft head, a separate draft model. */
export type SpeculativeMethod = 'mtp' | 'eagle3' | 'draft';

/** Speculative decoding as configured (a benchmark's or a user's): method, draft length, acceptance when stated. */
export interface SpeculativeSettings {
  readonly method: SpeculativeMethod;
  /** Tokens drafted per verification step (k). */
  readonly draftTokens: number;
  /** Per-token acceptance probability (a) when stated; else the method's published default applies. */
  readonly acceptanceRate?: number;
  /** Method 'draft': the draft model's catalog id (or as named when the catalog lacks it). */
  readonly draftModelId?: string;
}

/** A method's published acceptance rate and default draft length (data/speculative-methods.json). */
export interface SpeculativeMethodDefault {
  readonly method: SpeculativeMethod;
  readonly label: string;
  readonly draftTokens: number;
  readonly acceptanceRate: number;
  readonly source: SourceRef;
}

export interface BenchmarkPoint {
  readonly id: string;
  readonly acceleratorId: string;
  readonly modelId: string;
  readonly precision: Precision;
  readonly engine: ServingEngine;
  /** Accelerators in one serving instance (TP x PP x EP group) and in the whole measured system. */
  readonly gpusPerReplica: number;
  /** Pipeline stages within the replica, when the source states them (the rest is tensor parallel). */
  readonly pipelineParallel?: number;
  /**
   * DEP: attention data parallel with expert-parallel MoE, when the source states it (TensorRT-LLM "DEPn")
   * or its reproduction recipe sets it (`enable_attention_dp`). Each rank serves its own sequences.
   */
  readonly attentionDataParallel?: true;
  /** The server's configured limit on sequences in flight per replica, when the source states it. */
  readonly maxBatchPerReplica?: number;
  /**
   * Tokens one engine step may hold with chunked prefill on (vLLM max-num-batched-tokens), when the source
   * states both: decode tokens and prefill chunks share it.
   */
  readonly tokenBudgetPerStep?: number;
  /** vLLM num-scheduler-steps (multi-step scheduling) when above 1: new prompts join only the first step of each run of this many. */
  readonly schedulerStepsPerIteration?: number;
  /**
   * Hugging Face TGI, within engine 'other': its router has no limit on sequences in flight unless
   * --max-batch-size is set (max_batch_total_tokens is sized from free memory).
   */
  readonly servingStack?: 'tgi';
  /**
   * How the server admits prompts, when the source's software says (see SCHEDULER_BY_ENGINE for the
   * engine defaults): 'prefill-first' runs prefills in steps of their own (SGLang, vLLM V0 without
   * chunked prefill, TGI, Neuron's separate context-encoding graph), 'mixed' puts them into the decode
   * steps in flight (TensorRT-LLM and NIM, vLLM V1).
   */
  readonly scheduler?: 'prefill-first' | 'mixed';
  /** Speculative decoding the run used, read from the source's own notes at import (TPOT then counts accepted tokens). */
  readonly speculative?: SpeculativeSettings;
  /** Share of input tokens the run served from the prefix cache (a shared-prefix dataset), read from its notes at import. */
  readonly prefixCacheHitFraction?: number;
  readonly gpuCount: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly scenario: BenchmarkScenario;
  /** Closed-loop concurrency for the whole system (scenario 'concurrency'), or the requests sent at once (scenario 'burst'). */
  readonly concurrency?: number;
  /** Offered request rate for the whole system (scenario 'request-rate'). */
  readonly requestsPerSecond?: number;
  /**
   * Requests the run sent in all, when the source states it: at an offered rate (benchmark_serving
   * --num-prompts, "500 requests") an overloaded run's backlog grows only until they have all arrived;
   * an offline run (trtllm-bench's $num_requests) ends by draining its last batch.
   */
  readonly requestCount?: number;
  readonly outputTokensPerSecondPerGpu: number;
  readonly ttftMs?: number;
  readonly tpotMs?: number;
  readonly latencyStatistic?: 'mean' | 'median';
  readonly kind: 'measured' | 'vendor-claim';
  readonly source: SourceRef;
}

export interface ApiPrice {
  readonly id: string;
  readonly modelId: string;
  readonly provider: string;
  readonly dollarsPerMillionInputTokens: number;
  readonly dollarsPerMillionOutputTokens: number;
  readonly dollarsPerMillionCachedInputTokens?: number;
  /** Stated output speed (tokens/s per user), when the listing gives it. */
  readonly outputTokensPerSecondPerUser?: number;
  readonly source: SourceRef;
}

export interface EnergyDefaults {
  readonly dollarsPerKwh: { readonly value: number; readonly source: SourceRef };
  readonly powerUsageEffectiveness: { readonly value: number; readonly source: SourceRef };
  readonly amortizationYears: { readonly value: number; readonly source: SourceRef };
}

/** Owned hardware beyond the accelerator: server, network, facility and operations shares (data/energy-and-capex.json). */
export interface OwnedCostDefaults {
  /** Server (host, memory, chassis, NICs) per GPU, as a fraction of an accelerator-only purchase price. */
  readonly serverShareOfAcceleratorPrice: { readonly value: number; readonly source: SourceRef };
  /** Scale-out network per GPU, as a fraction of the accelerator's price. */
  readonly networkShareOfAcceleratorPrice: { readonly value: number; readonly source: SourceRef };
  /** Facility capex per kW of IT power, amortized over facilityLifeYears. */
  readonly facilityDollarsPerKw: { readonly value: number; readonly source: SourceRef };
  readonly facilityLifeYears: { readonly value: number; readonly source: SourceRef };
  /** Staff and operations per year, as a fraction of the hardware value (estimate, overridable). */
  readonly operationsFractionOfHardwarePerYear: { readonly value: number; readonly source: SourceRef };
}

export interface Catalog {
  readonly accelerators: readonly Accelerator[];
  readonly models: readonly Model[];
  readonly prices: readonly PriceRecord[];
  readonly purchasePrices: readonly PurchasePrice[];
  readonly benchmarks: readonly BenchmarkPoint[];
  readonly apiPrices: readonly ApiPrice[];
  readonly energy: EnergyDefaults;
  /** Absent: owned hardware is priced from the accelerator's purchase price and power alone (and says so). */
  readonly ownedCosts?: OwnedCostDefaults;
  /** Absent: speculative decoding needs a stated acceptance rate. */
  readonly speculativeMethods?: readonly SpeculativeMethodDefault[];
}
