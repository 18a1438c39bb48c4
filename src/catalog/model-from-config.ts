/**
 * EDGE: a Hugging Face config.json -> the engine's Model. Used by the catalog importer for the models it
 * transcribes and by `--model-config FILE` for a model tokcost has never seen. Parameter counts are
 * computed from the matrices the config implies (embeddings + attention or recurrent mixers + dense MLP
 * + routers + experts; norms, biases and MTP layers left out), as the shared reference data does.
 */
import type { AttentionKind, AttentionVariants, Model, Precision, SourceRef, VisionTower } from '../engine/catalog/types.ts';
import { expertCount, type HfConfig, layerLayout, type LayerLayout } from './hf-config-layers.ts';

export interface ModelIdentity {
  readonly id: string;
  readonly name: string;
  readonly hfRepo: string;
  readonly aliases: readonly string[];
  readonly source: SourceRef;
  /** Overrides what quantization_config / torch_dtype say (a checkpoint variant served differently). */
  readonly releasedPrecision?: Precision;
}

export type ModelFromConfigResult = { readonly ok: true; readonly model: Model } | { readonly ok: false; readonly problems: readonly string[] };

const EXAMPLE = 'a decoder config.json names hidden_size, num_hidden_layers, num_attention_heads, num_key_value_heads and vocab_size (e.g. https://huggingface.co/Qwen/Qwen3-32B/blob/main/config.json)';
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined);

/** The language model's part of a config: VL and multimodal configs nest it under text_config / llm_config. */
function textConfig(raw: HfConfig): HfConfig {
  const nested = raw.text_config ?? raw.llm_config ?? raw.language_config;
  // Top-level fields (vocab_size, quantization_config in some VL configs) fill what the nested part leaves out.
  if (!nested || typeof nested !== 'object') return raw;
  const { text_config: _t, llm_config: _l, language_config: _g, vision_config: _v, ...outer } = raw;
  return { ...outer, ...nested };
}

function headDim(c: HfConfig): number {
  return num(c.head_dim) ?? (num(c.kv_lora_rank) ? (num(c.qk_nope_head_dim) ?? 128) + (num(c.qk_rope_head_dim) ?? 64) : c.hidden_size / c.num_attention_heads);
}

const isV4 = (c: HfConfig) => c.model_type === 'deepseek_v4' || (num(c.o_lora_rank) !== undefined && Array.isArray(c.compress_ratios));

/** Attention weights of one layer: GQA (q, k, v, o; a gated q doubles), MLA, or DeepSeek V4's grouped low-rank output. */
function attentionParamsPerLayer(c: HfConfig): number {
  const h: number = c.hidden_size;
  const heads: number = c.num_attention_heads;
  const dim = headDim(c);
  if (isV4(c)) {
    const qLora = num(c.q_lora_rank) ?? h;
    const groups = num(c.o_groups) ?? 1;
    const oLora = num(c.o_lora_rank) ?? h;
    return h * qLora + qLora * heads * dim + h * dim * (num(c.num_key_value_heads) ?? 1) + ((heads * dim) / groups) * oLora * groups + groups * oLora * h;
  }
  if (num(c.kv_lora_rank)) {
    const nope = num(c.qk_nope_head_dim) ?? 128;
    const rope = num(c.qk_rope_head_dim) ?? 64;
    const v = num(c.v_head_dim) ?? 128;
    const qLora = num(c.q_lora_rank);
    const q = qLora ? h * qLora + qLora * heads * (nope + rope) : h * heads * (nope + rope);
    return q + h * (c.kv_lora_rank + rope) + c.kv_lora_rank * heads * (nope + v) + heads * v * h;
  }
  const kv = num(c.num_key_value_heads) ?? heads;
  const gate = c.attn_output_gate === true ? 2 : 1;
  return h * heads * dim * (1 + gate) + 2 * h * kv * dim;
}

/** A recurrent layer's weights and the state one sequence keeps in it (FP32 state, BF16 conv window). */
function recurrentLayer(c: HfConfig): { params: number; stateBytes: number; kind: 'linear-attention' | 'state-space' } {
  const h: number = c.hidden_size;
  if (num(c.linear_num_value_heads)) {
    const kHeads = num(c.linear_num_key_heads) ?? c.linear_num_value_heads;
    const kDim = num(c.linear_key_head_dim) ?? 128;
    const vHeads: number = c.linear_num_value_heads;
    const vDim = num(c.linear_value_head_dim) ?? 128;
    const qkv = 2 * kHeads * kDim + vHeads * vDim;
    const params = h * (qkv + vHeads * vDim) + 2 * h * vHeads + vHeads * vDim * h;
    const stateBytes = vHeads * kDim * vDim * 4 + (num(c.linear_conv_kernel_dim) ?? 4) * qkv * 2;
    return { params, stateBytes, kind: 'linear-attention' };
  }
  const heads = num(c.mamba_num_heads) ?? 1;
  const inner = heads * (num(c.mamba_head_dim) ?? (2 * h) / heads);
  const groups = num(c.n_groups) ?? 1;
  const state = num(c.ssm_state_size) ?? 128;
  const params = h * (2 * inner + 2 * groups * state + heads) + inner * h;
  const stateBytes = inner * state * 4 + (num(c.conv_kernel) ?? 4) * (inner + 2 * groups * state) * 2;
  return { params, stateBytes, kind: 'state-space' };
}

/** Vision encoder weights from vision_config (ViT blocks + patch merger); an estimate, said so in the model's note. */
function visionTower(raw: HfConfig): VisionTower | undefined {
  const v = raw.vision_config;
  if (!v || typeof v !== 'object') return undefined;
  const h = num(v.hidden_size) ?? num(v.embed_dim);
  const depth = num(v.depth) ?? num(v.num_hidden_layers);
  if (!h || !depth) return undefined;
  const inter = num(v.intermediate_size) ?? 4 * h;
  const merged = h * (num(v.spatial_merge_size) ?? 2) ** 2;
  const params = depth * (4 * h * h + 2 * h * inter) + merged * merged + merged * (num(v.out_hidden_size) ?? raw.text_config?.hidden_size ?? h);
  return { params: Math.round(params), note: `vision tower ${depth} blocks x ${h} wide (~${(params / 1e9).toFixed(2)} B parameters, from vision_config): held in memory; image prefill cost is not modelled` };
}

export function releasedPrecisionOf(c: HfConfig): Precision {
  const q = c.quantization_config ?? {};
  const text = JSON.stringify([q.quant_method, q.quant_algo, q.fmt, q.bits, q.num_bits, q.config_groups ? Object.values(q.config_groups).map((g: any) => g?.weights?.num_bits) : null, c.expert_dtype]).toLowerCase();
  if (/fp4|mxfp4|nvfp4|"bits":4|\b4\b|int4|w4a16|awq|gptq/.test(text)) return 'fp4';
  if (/fp8|e4m3|\b8\b|int8/.test(text)) return 'fp8';
  return 'bf16';
}

function missingFields(c: HfConfig, layout: LayerLayout): string[] {
  const problems: string[] = [];
  for (const field of ['hidden_size', 'num_attention_heads', 'vocab_size']) {
    if (!num(c[field])) problems.push(`config.json has no positive "${field}"; ${EXAMPLE}`);
  }
  if (layout.mixerLayers <= 0) problems.push(`config.json has no "num_hidden_layers" (or layer pattern); ${EXAMPLE}`);
  if (expertCount(c) && !num(c.num_experts_per_tok) && !num(c.moe_topk)) problems.push('config.json names routed experts but no "num_experts_per_tok" (experts each token uses)');
  return problems;
}

/** The engine Model a config.json describes, or what is missing from it. */
export function modelFromHfConfig(raw: unknown, identity: ModelIdentity): ModelFromConfigResult {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, problems: [`expected a JSON object; ${EXAMPLE}`] };
  const c = textConfig(raw as HfConfig);
  const layout = layerLayout(c);
  const problems = missingFields(c, layout);
  if (problems.length > 0) return { ok: false, problems };
  const h: number = c.hidden_size;
  const mlpMatrices = c.mlp_hidden_act === 'relu2' || c.hidden_act === 'relu2' ? 2 : 3;
  const experts = expertCount(c);
  const active: number = c.num_experts_per_tok ?? c.moe_topk ?? 0;
  const expertInter: number = c.moe_intermediate_size ?? c.intermediate_size;
  const perExpert = mlpMatrices * h * expertInter;
  const sharedInter: number = c.shared_expert_intermediate_size ?? c.moe_shared_expert_intermediate_size ?? (c.n_shared_experts ?? 0) * expertInter;
  const recurrent = layout.recurrent > 0 ? recurrentLayer(c) : undefined;
  const attentionLayers = layout.mixerLayers - layout.recurrent;
  const embeddings = c.vocab_size * h * (c.tie_word_embeddings ? 1 : 2);
  const denseInter: number = c.intermediate_size ?? 4 * h;
  const common =
    embeddings + attentionLayers * attentionParamsPerLayer(c) + layout.recurrent * (recurrent?.params ?? 0) + layout.denseMlpLayers * mlpMatrices * h * denseInter;
  const moeCommon = experts ? layout.moeLayers * (experts * h + mlpMatrices * h * sharedInter) : 0;
  const vision = visionTower(raw as HfConfig);
  const totalParams = common + moeCommon + (experts ? layout.moeLayers * experts * perExpert : 0) + (vision?.params ?? 0);
  const activeParams = common + moeCommon + (experts ? layout.moeLayers * active * perExpert : 0);
  const model: Model = {
    id: identity.id,
    name: identity.name,
    aliases: identity.aliases,
    hfRepo: identity.hfRepo,
    totalParams,
    activeParams,
    layers: layout.mixerLayers,
    hiddenSize: h,
    attentionHeads: c.num_attention_heads,
    kvHeads: num(c.num_key_value_heads) ?? c.num_attention_heads,
    headDim: headDim(c),
    attention: attentionKind(c),
    ...(layout.slidingAttention > 0 ? { slidingWindow: { layers: layout.slidingAttention, windowTokens: num(c.sliding_window) ?? num(c.attention_chunk_size) ?? 4096 } } : {}),
    ...(experts && layout.moeLayers > 0
      ? { moe: { expertsTotal: experts, expertsActive: active, sharedExperts: num(c.n_shared_experts) ?? (sharedInter > 0 ? 1 : 0), moeLayers: layout.moeLayers, paramsPerExpertPerLayer: perExpert } }
      : {}),
    ...attentionVariantsOf(c, layout, recurrent),
    ...(vision ? { visionTower: vision } : {}),
    vocabSize: c.vocab_size,
    maxContextTokens: num(c.max_position_embeddings) ?? num(c.max_sequence_length) ?? num(c.seq_length) ?? 4096,
    releasedPrecision: identity.releasedPrecision ?? releasedPrecisionOf(c),
    source: identity.source,
  };
  return { ok: true, model };
}

function attentionKind(c: HfConfig): AttentionKind {
  if (isV4(c)) {
    const rope = num(c.qk_rope_head_dim) ?? 64;
    return { kind: 'mla', kvLoraRank: headDim(c) - rope, qkRopeHeadDim: rope };
  }
  if (!num(c.kv_lora_rank)) return { kind: 'gqa' };
  const qLora = num(c.q_lora_rank);
  return {
    kind: 'mla',
    kvLoraRank: c.kv_lora_rank,
    qkRopeHeadDim: num(c.qk_rope_head_dim) ?? 64,
    qkNopeHeadDim: num(c.qk_nope_head_dim) ?? 128,
    vHeadDim: num(c.v_head_dim) ?? 128,
    ...(qLora ? { qLoraRank: qLora } : {}),
  };
}

/** Indexer keys are FP8 with one FP32 scale per entry (DeepSeek V3.2 / V4 kernels). */
const indexerBytes = (c: HfConfig) => (num(c.index_head_dim) ?? 128) + 4;

function attentionVariantsOf(c: HfConfig, layout: LayerLayout, recurrent: ReturnType<typeof recurrentLayer> | undefined): { attentionVariants?: AttentionVariants } {
  const topK = num(c.index_topk);
  const selection = topK ? { attendedEntries: topK, indexerBytesPerEntry: indexerBytes(c), indexerHeads: num(c.index_n_heads) ?? 64, indexerHeadDim: num(c.index_head_dim) ?? 128 } : undefined;
  const ratios = [...layout.compressed.keys()].sort((a, b) => a - b);
  const compressed = ratios.map((ratio, i) => ({
    layers: layout.compressed.get(ratio)!,
    tokensPerEntry: ratio,
    localWindowTokens: num(c.sliding_window) ?? 128,
    // The lightning indexer selects among the lightly compressed (CSA) entries only; HCA layers read all of theirs.
    ...(selection && i === 0 ? { selection } : {}),
  }));
  const variants: AttentionVariants = {
    ...(recurrent ? { recurrent: { kind: recurrent.kind, layers: layout.recurrent, stateBytesPerSequencePerLayer: Math.round(recurrent.stateBytes) } } : {}),
    ...(compressed.length > 0 ? { compressed } : {}),
    ...(selection && compressed.length === 0 && layout.fullAttention > 0 ? { sparse: { layers: layout.fullAttention, ...selection } } : {}),
  };
  return Object.keys(variants).length > 0 ? { attentionVariants: variants } : {};
}
