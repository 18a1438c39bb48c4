/**
 * The current open models that ../shared/data has measured results for and ../shared/data/models.json
 * does not describe: their config.json fields, transcribed (only the fields the engine reads), with the
 * source of each and what is estimated. scripts/import-shared-data.ts turns each into a catalog Model
 * through the same src/catalog/model-from-config.ts that `--model-config FILE` uses.
 *
 * Basis: `datasheet` where every field is the published config.json; `estimate` where a field had to be
 * derived (named in the note with its reasoning).
 */
import type { Basis, Precision } from '../src/engine/catalog/types.ts';
import type { HfConfig } from '../src/catalog/hf-config-layers.ts';

export interface CurrentModel {
  readonly id: string;
  readonly name: string;
  readonly hfRepo: string;
  readonly aliases: readonly string[];
  readonly releasedPrecision: Precision;
  readonly config: HfConfig;
  readonly basis: Basis;
  readonly asOf: string;
  /** Where the fields come from, and which are estimates and why. */
  readonly note: string;
  readonly url: string;
}

const hf = (repo: string) => `https://huggingface.co/${repo}/blob/main/config.json`;
const repeat = <T>(pattern: readonly T[], times: number): T[] => Array.from({ length: times }, () => pattern).flat();

/** Qwen3.5 hybrid layout: three Gated DeltaNet layers, then one gated full-attention layer. */
const qwen35Layers = (layers: number) => repeat(['linear_attention', 'linear_attention', 'linear_attention', 'full_attention'], layers / 4);

/** Qwen3.5-27B's published text config (THUDM/slime qwen3.5-27B.sh mirrors it; Gated DeltaNet head counts from the Qwen3.5 defaults). */
const QWEN35_27B: HfConfig = {
  model_type: 'qwen3_5_text', hidden_size: 5120, num_hidden_layers: 64, num_attention_heads: 24, num_key_value_heads: 4, head_dim: 256,
  intermediate_size: 17408, vocab_size: 248320, tie_word_embeddings: false, attn_output_gate: true, layer_types: qwen35Layers(64),
  linear_num_key_heads: 16, linear_num_value_heads: 48, linear_key_head_dim: 128, linear_value_head_dim: 128, linear_conv_kernel_dim: 4,
  max_position_embeddings: 262144,
};

/** GLM-5 (GlmMoeDsa): DeepSeek-V3.2-style MLA + DeepSeek Sparse Attention, 3 dense + 75 MoE layers. */
const GLM5: HfConfig = {
  model_type: 'glm_moe_dsa', hidden_size: 6144, num_hidden_layers: 78, first_k_dense_replace: 3, num_attention_heads: 64, num_key_value_heads: 64,
  q_lora_rank: 2048, kv_lora_rank: 512, qk_nope_head_dim: 192, qk_rope_head_dim: 64, v_head_dim: 256,
  intermediate_size: 12288, moe_intermediate_size: 2048, n_routed_experts: 256, num_experts_per_tok: 8, n_shared_experts: 1,
  index_topk: 2048, index_n_heads: 32, index_head_dim: 128, vocab_size: 154880, max_position_embeddings: 202752,
};

/** DeepSeek-V3 / V3.2 MLA + MoE trunk (V3.2 adds the DSA lightning indexer). */
const DEEPSEEK_V3: HfConfig = {
  model_type: 'deepseek_v3', hidden_size: 7168, num_hidden_layers: 61, first_k_dense_replace: 3, num_attention_heads: 128, num_key_value_heads: 128,
  q_lora_rank: 1536, kv_lora_rank: 512, qk_nope_head_dim: 128, qk_rope_head_dim: 64, v_head_dim: 128, intermediate_size: 18432,
  moe_intermediate_size: 2048, n_routed_experts: 256, num_experts_per_tok: 8, n_shared_experts: 1, vocab_size: 129280, max_position_embeddings: 163840,
};

const QWEN3_235B_TEXT: HfConfig = {
  model_type: 'qwen3_vl_moe_text', hidden_size: 4096, num_hidden_layers: 94, num_attention_heads: 64, num_key_value_heads: 4, head_dim: 128,
  intermediate_size: 12288, moe_intermediate_size: 1536, num_experts: 128, num_experts_per_tok: 8, vocab_size: 151936, max_position_embeddings: 262144,
};

const MINIMAX_M2: HfConfig = {
  model_type: 'minimax_m2', hidden_size: 3072, num_hidden_layers: 62, num_attention_heads: 48, num_key_value_heads: 8, head_dim: 128,
  intermediate_size: 1536, num_local_experts: 256, num_experts_per_tok: 8, vocab_size: 200064, max_position_embeddings: 196608,
};

export const CURRENT_MODELS: readonly CurrentModel[] = [
  {
    id: 'deepseek-v4-pro', name: 'DeepSeek-V4-Pro (1.6T)', hfRepo: 'deepseek-ai/DeepSeek-V4-Pro', releasedPrecision: 'fp4',
    aliases: ['DeepSeek-V4-Pro', 'deepseek v4 pro', 'deepseek-v4', 'dsv4 pro'],
    config: {
      model_type: 'deepseek_v4', hidden_size: 7168, num_hidden_layers: 61, num_attention_heads: 128, num_key_value_heads: 1, head_dim: 512,
      q_lora_rank: 1536, o_lora_rank: 1024, o_groups: 16, qk_rope_head_dim: 64, moe_intermediate_size: 3072, n_routed_experts: 384,
      num_experts_per_tok: 6, n_shared_experts: 1, index_topk: 512, index_n_heads: 64, index_head_dim: 128, sliding_window: 128,
      compress_ratios: [0, 0, ...repeat([4, 128], 29), 4], vocab_size: 129280, max_position_embeddings: 1048576, expert_dtype: 'fp4',
    },
    basis: 'estimate', asOf: '2026-05',
    url: 'https://huggingface.co/deepseek-ai/DeepSeek-V4-Pro/blob/main/config.json',
    note:
      'Fields from the published config.json (mirror huggingface.co/SinterForge/DeepSeek-V4-Pro): 61 layers, hidden 7168, 128 heads, 1 KV head of 512 (64 RoPE), q_lora 1536, grouped low-rank output (16 groups, rank 1024), 384 routed + 1 shared experts top-6 (intermediate 3072), lightning indexer 64 x 128 top-512, sliding window 128, expert_dtype fp4 (FP4 e2m1 experts, FP8 elsewhere, as the ATOM recipe states); vocabulary 129280 from the transformers DeepseekV4Config default. ESTIMATE: the per-layer compress_ratios list was not in the copy read; taken as the pattern of the published 5-layer V4-Flash slice [0, 0, 4, 128, 4, ...]: 2 sliding-window layers, then alternating compressed sparse (4:1, indexer top-k) and heavily compressed (128:1) layers, 30 and 29. Hyper-connections (hc_mult 4) and hash routing are not modelled. Computed 1.57T total / 48 B active (DeepSeek: 1.6T / 49B).',
  },
  {
    id: 'deepseek-v3.2', name: 'DeepSeek-V3.2 (671B, sparse attention)', hfRepo: 'deepseek-ai/DeepSeek-V3.2', releasedPrecision: 'fp8',
    aliases: ['DeepSeek-V3.2', 'deepseek v3.2', 'deepseek-ai/DeepSeek-V3.2-Exp', 'DeepSeek-V3.2-Exp', 'deepseek v3.2 exp'],
    config: { ...DEEPSEEK_V3, model_type: 'deepseek_v32', index_topk: 2048, index_n_heads: 64, index_head_dim: 128 },
    basis: 'datasheet', asOf: '2025-12', url: hf('deepseek-ai/DeepSeek-V3.2'),
    note: 'DeepSeek-V3 trunk (MLA 512 + 64, 256 routed + 1 shared experts top-8, 3 dense layers) plus the DeepSeek Sparse Attention lightning indexer: 64 heads x 128, top-2048 entries per query; indexer keys FP8 + one FP32 scale per token per layer.',
  },
  {
    id: 'glm-5', name: 'GLM-5 (744B)', hfRepo: 'zai-org/GLM-5', releasedPrecision: 'bf16',
    aliases: ['GLM-5', 'glm 5', 'zai-org/GLM-5-FP8', 'GLM-5-FP8', 'glm5'],
    config: GLM5, basis: 'estimate', asOf: '2026-02', url: hf('zai-org/GLM-5'),
    note: 'Z.ai: 744B total / 40B active, DeepSeek Sparse Attention (GLM-5 README). From the GlmMoeDsa config defaults (transformers): hidden 6144, vocabulary 154880, dense intermediate 12288; slime glm5 scripts: 256 routed experts top-8 + 1 shared, expert intermediate 2048, 3 dense + 75 MoE layers, 64 heads. ESTIMATE: MLA ranks (q_lora 2048, kv_lora 512, nope 192, rope 64, v 256) and the indexer (32 x 128, top-2048) not read from the file itself; they reproduce the stated 744B / 40B (computed 743B / 40.9B).',
  },
  {
    id: 'glm-5.2', name: 'GLM-5.2', hfRepo: 'zai-org/GLM-5.2', releasedPrecision: 'bf16',
    aliases: ['GLM-5.2', 'glm 5.2', 'amd/GLM-5.2-MXFP4', 'glm5.2', 'zai-org/GLM-5.2-FP8'],
    config: GLM5, basis: 'estimate', asOf: '2026-09', url: hf('zai-org/GLM-5.2'),
    note: 'ESTIMATE: architecture taken as GLM-5 (the GLM-5.x releases reuse the GlmMoeDsa architecture: MLA + DeepSeek Sparse Attention, 256 experts top-8; GLM-5.1 is served by the same architecture class). Its own config.json was not available to this import.',
  },
  {
    id: 'minimax-m3', name: 'MiniMax-M3 (428B, VL)', hfRepo: 'MiniMaxAI/MiniMax-M3', releasedPrecision: 'bf16',
    aliases: ['MiniMax-M3', 'minimax m3', 'amd/MiniMax-M3-MXFP4', 'MiniMaxAI/MiniMax-M3-MXFP8', 'minimax-m3-preview'],
    config: {
      text_config: {
        model_type: 'minimax_m3', hidden_size: 6144, num_hidden_layers: 60, first_k_dense_replace: 3, num_attention_heads: 64, num_key_value_heads: 4,
        head_dim: 128, intermediate_size: 12288, moe_intermediate_size: 3072, n_routed_experts: 128, num_experts_per_tok: 4, n_shared_experts: 1,
        vocab_size: 200064, max_position_embeddings: 1048576,
      },
      vision_config: { depth: 32, hidden_size: 1280, intermediate_size: 5120, spatial_merge_size: 2, out_hidden_size: 6144 },
    },
    basis: 'estimate', asOf: '2026-10', url: 'https://docs.nvidia.com/nemo/megatron-bridge/latest/models/minimax/minimax-m3.html',
    note: 'NVIDIA Megatron Bridge model notes: 428B total / ~23B active, 60 layers (first 3 dense), 128 routed experts top-4 + 1 shared, GQA 64 heads / 4 KV heads of 128, CLIP-style vision tower of 32 blocks with projectors to the 6144-wide text space. ESTIMATE: expert intermediate 3072 solved from the stated 428B (computed 424B); vocabulary 200064 (the MiniMax-M2 tokenizer) and dense intermediate 12288 assumed. The lightning-indexer block-sparse attention of some layers is not modelled (their layer count was not available): attention is costed as full, an upper bound.',
  },
  {
    id: 'minimax-m2.5', name: 'MiniMax-M2.5 (229B)', hfRepo: 'MiniMaxAI/MiniMax-M2.5', releasedPrecision: 'fp8',
    aliases: ['MiniMax-M2.5', 'minimax m2.5', 'MiniMaxAI/MiniMax-M2', 'MiniMax-M2', 'minimax m2', 'MiniMax-M2.1'],
    config: MINIMAX_M2, basis: 'datasheet', asOf: '2026-02', url: hf('MiniMaxAI/MiniMax-M2'),
    note: 'MiniMax-M2 architecture (config.json: 62 layers, hidden 3072, 48 heads / 8 KV heads of 128, 256 experts top-8 of intermediate 1536, vocabulary 200064, 196608 context); M2.1 and M2.5 are post-trained checkpoints of it, released in FP8.',
  },
  {
    id: 'qwen3.6-27b', name: 'Qwen3.6-27B', hfRepo: 'Qwen/Qwen3.6-27B', releasedPrecision: 'bf16',
    aliases: ['Qwen3.6-27B', 'qwen3.6 27b', 'Qwen/Qwen3.6-27B-FP8', 'Qwen3.6-27B-FP8', 'qwen 3.6 27b'],
    config: QWEN35_27B, basis: 'estimate', asOf: '2026-06', url: hf('Qwen/Qwen3.6-27B'),
    note: 'ESTIMATE: architecture taken as Qwen3.5-27B (64 layers, hidden 5120, 3 Gated DeltaNet linear-attention layers per gated full-attention layer, 24 heads / 4 KV heads of 256, intermediate 17408, vocabulary 248320; THUDM/slime qwen3.5-27B.sh). Qwen3.6 is the next point release of the same size class; its config.json was not available to this import. Computed 26.9 B parameters.',
  },
  {
    id: 'qwen3.8-27b', name: 'Qwen3.8-27B', hfRepo: 'Qwen/Qwen3.8-27B', releasedPrecision: 'bf16',
    aliases: ['Qwen3.8-27B', 'qwen3.8 27b', 'qwen 3.8 27b'],
    config: QWEN35_27B, basis: 'estimate', asOf: '2026-08', url: hf('Qwen/Qwen3.8-27B'),
    note: 'ESTIMATE: architecture taken as Qwen3.5-27B (hybrid Gated DeltaNet + gated full attention, 64 layers, hidden 5120); its own config.json was not available to this import.',
  },
  {
    id: 'qwen3.5-397b-a17b', name: 'Qwen3.5-397B-A17B', hfRepo: 'Qwen/Qwen3.5-397B-A17B', releasedPrecision: 'bf16',
    aliases: ['Qwen3.5-397B-A17B', 'qwen3.5 397b', 'Qwen/Qwen3.5-397B-A17B-FP8'],
    config: {
      model_type: 'qwen3_5_moe_text', hidden_size: 4096, num_hidden_layers: 60, num_attention_heads: 32, num_key_value_heads: 2, head_dim: 256,
      attn_output_gate: true, layer_types: qwen35Layers(60), linear_num_key_heads: 16, linear_num_value_heads: 64, linear_key_head_dim: 128,
      linear_value_head_dim: 128, moe_intermediate_size: 1024, shared_expert_intermediate_size: 1024, num_experts: 512, num_experts_per_tok: 10,
      vocab_size: 248320, max_position_embeddings: 262144,
    },
    basis: 'estimate', asOf: '2026-02', url: hf('Qwen/Qwen3.5-397B-A17B'),
    note: 'Qwen3.5 hybrid MoE: 60 layers (45 Gated DeltaNet, 15 gated full attention), 512 experts top-10 + 1 shared of 1024. ESTIMATE: transcribed from general knowledge of the release, not from the file; the computed 396B / 17.2B match the name.',
  },
  {
    id: 'qwen3-coder-480b-a35b', name: 'Qwen3-Coder-480B-A35B', hfRepo: 'Qwen/Qwen3-Coder-480B-A35B-Instruct', releasedPrecision: 'bf16',
    aliases: ['Qwen3-Coder-480B-A35B-Instruct', 'Qwen3-Coder-480B-A35B', 'qwen3 coder 480b', 'Qwen/Qwen3-Coder-480B-A35B-Instruct-FP8', 'qwen3-coder'],
    config: {
      model_type: 'qwen3_moe', hidden_size: 6144, num_hidden_layers: 62, num_attention_heads: 96, num_key_value_heads: 8, head_dim: 128,
      intermediate_size: 8192, moe_intermediate_size: 2560, num_experts: 160, num_experts_per_tok: 8, vocab_size: 151936, max_position_embeddings: 262144,
    },
    basis: 'datasheet', asOf: '2025-07', url: hf('Qwen/Qwen3-Coder-480B-A35B-Instruct'),
    note: 'config.json: 62 layers, hidden 6144, 96 heads / 8 KV heads, 160 experts top-8 of 2560, vocabulary 151936, 262144 context.',
  },
  {
    id: 'qwen3-vl-235b-a22b', name: 'Qwen3-VL-235B-A22B', hfRepo: 'Qwen/Qwen3-VL-235B-A22B-Instruct', releasedPrecision: 'bf16',
    aliases: ['Qwen3-VL-235B-A22B-Instruct', 'Qwen3-VL-235B-A22B', 'qwen3 vl 235b', 'Qwen3-VL-235B-A22B-Thinking', 'Qwen/Qwen3-VL-235B-A22B-Instruct-FP8'],
    config: {
      text_config: QWEN3_235B_TEXT,
      vision_config: { depth: 27, hidden_size: 1152, intermediate_size: 4304, spatial_merge_size: 2, out_hidden_size: 4096 },
    },
    basis: 'datasheet', asOf: '2025-09', url: hf('Qwen/Qwen3-VL-235B-A22B-Instruct'),
    note: 'text_config is the Qwen3-235B-A22B MoE (94 layers, 128 experts top-8, 64 / 4 heads); vision_config: 27 ViT blocks of 1152 with a 2x2 patch merger to 4096. The vision tower is held in memory; image prefill cost is not modelled (text tokens only).',
  },
  {
    id: 'nemotron-nano-30b', name: 'NVIDIA Nemotron 3 Nano 30B-A3B', hfRepo: 'nvidia/NVIDIA-Nemotron-3-Nano-30B-A3B-BF16', releasedPrecision: 'bf16',
    aliases: ['NVIDIA Nemotron Nano 30B', 'nemotron nano 30b', 'NVIDIA-Nemotron-3-Nano-30B-A3B', 'nvidia/NVIDIA-Nemotron-3-Nano-30B-A3B-FP8', 'nemotron 3 nano', 'nemotron-3-nano-30b-a3b'],
    config: {
      model_type: 'nemotron_h', hidden_size: 2688, num_attention_heads: 32, num_key_value_heads: 2, head_dim: 128, vocab_size: 131072,
      // 52 blocks: 23 Mamba-2, 23 MoE, 6 attention (NVIDIA model card).
      layers_block_type: [...repeat(['mamba', 'moe'], 17), ...repeat(['attention', 'mamba', 'moe'], 6)],
      mamba_num_heads: 64, mamba_head_dim: 64, ssm_state_size: 128, n_groups: 8, conv_kernel: 4,
      n_routed_experts: 128, num_experts_per_tok: 6, n_shared_experts: 1, moe_intermediate_size: 1856, moe_shared_expert_intermediate_size: 3712,
      mlp_hidden_act: 'relu2', max_position_embeddings: 262144,
    },
    basis: 'estimate', asOf: '2025-12', url: hf('nvidia/NVIDIA-Nemotron-3-Nano-30B-A3B-BF16'),
    note: 'NVIDIA model card: hybrid Mamba-2 + attention MoE, 23 Mamba-2 and 23 MoE blocks plus 6 attention blocks, 128 routed experts top-6 + 1 shared, 31.6 B total / 3.5 B active. ESTIMATE: widths (hidden 2688, expert intermediate 1856 / shared 3712, squared-ReLU experts, Mamba 64 heads x 64 with state 128 in 8 groups, GQA 32 / 2 KV heads) and the block order; they reproduce the stated counts (computed 31.6 B / 3.6 B). Only the 6 attention layers keep a KV cache; each Mamba layer keeps a ~2 MB FP32 state per sequence.',
  },
  {
    id: 'nemotron-super-49b', name: 'Llama-3.3-Nemotron-Super-49B', hfRepo: 'nvidia/Llama-3_3-Nemotron-Super-49B-v1_5', releasedPrecision: 'bf16',
    aliases: ['NVIDIA Nemotron Super 49B', 'nemotron super 49b', 'nvidia/Llama-3_3-Nemotron-Super-49B-v1', 'Llama-3.3-Nemotron-Super-49B-v1.5', 'nemotron super'],
    config: {
      model_type: 'nemotron-nas', hidden_size: 8192, num_hidden_layers: 80, num_attention_heads: 64, num_key_value_heads: 8, head_dim: 128,
      intermediate_size: 18157, vocab_size: 128256, max_position_embeddings: 131072,
    },
    basis: 'estimate', asOf: '2025-07', url: hf('nvidia/Llama-3_3-Nemotron-Super-49B-v1_5'),
    note: 'Neural-architecture-searched from Llama-3.3-70B: 80 blocks of hidden 8192 whose attention and FFN widths vary per block (some blocks skip attention). ESTIMATE: modelled as a uniform Llama-3 shape with every block attending (an upper bound on KV memory) and the FFN width (18157) solved so the total matches the stated 49.9 B.',
  },
  {
    id: 'kimi-k2-thinking', name: 'Kimi K2 Thinking', hfRepo: 'moonshotai/Kimi-K2-Thinking', releasedPrecision: 'fp4',
    aliases: ['Kimi-K2-Thinking', 'kimi k2 thinking', 'amd/Kimi-K2-Thinking-MXFP4', 'Kimi-K2-Thinking-MXFP4'],
    config: {
      model_type: 'kimi_k2', hidden_size: 7168, num_hidden_layers: 61, first_k_dense_replace: 1, num_attention_heads: 64, num_key_value_heads: 64,
      q_lora_rank: 1536, kv_lora_rank: 512, qk_nope_head_dim: 128, qk_rope_head_dim: 64, v_head_dim: 128, intermediate_size: 18432,
      moe_intermediate_size: 2048, n_routed_experts: 384, num_experts_per_tok: 8, n_shared_experts: 1, vocab_size: 163840, max_position_embeddings: 262144,
    },
    basis: 'datasheet', asOf: '2025-11', url: hf('moonshotai/Kimi-K2-Thinking'),
    note: 'Kimi K2 architecture (as in ../shared/data for Kimi-K2-Instruct: MLA, 384 experts top-8 + 1 shared, 61 layers) with a 256k context; released with INT4 (W4A16, group 32, quantisation-aware trained) experts, modelled as 4-bit weight bytes (FP4 with block scales, 0.5625 B per weight).',
  },
];
