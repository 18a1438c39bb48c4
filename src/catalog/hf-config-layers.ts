/**
 * Reads the layer layout of a Hugging Face config.json: which layers attend fully, over a sliding window,
 * over compressed entries, or keep a recurrent state, and which carry routed experts. Every hybrid
 * format in use states it differently (layer_types, hybrid_override_pattern, layers_block_type,
 * compress_ratios, first_k_dense_replace); this module turns each into one count per kind.
 */

/* eslint-disable @typescript-eslint/no-explicit-any */
export type HfConfig = Record<string, any>;

export interface LayerLayout {
  /** Layers with a token mixer (attention or recurrent): the `layers` of the engine's Model. */
  readonly mixerLayers: number;
  readonly fullAttention: number;
  readonly slidingAttention: number;
  readonly recurrent: number;
  /** DeepSeek V4: compressed layers by entries per token (4 = CSA, 128 = HCA). */
  readonly compressed: ReadonlyMap<number, number>;
  /** Blocks whose feed-forward is a routed-expert block, and those with a dense MLP. */
  readonly moeLayers: number;
  readonly denseMlpLayers: number;
}

const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

export function expertCount(c: HfConfig): number | undefined {
  return num(c.n_routed_experts) ?? num(c.num_local_experts) ?? num(c.num_experts) ?? num(c.moe_num_experts);
}

/** Nemotron-H style: one character (M mamba, * attention, - MLP, E MoE) or one word per block. */
function blockTypes(c: HfConfig): string[] | undefined {
  if (Array.isArray(c.layers_block_type)) return c.layers_block_type.map((t: unknown) => String(t));
  if (typeof c.hybrid_override_pattern === 'string') {
    const names: Record<string, string> = { M: 'mamba', '*': 'attention', '-': 'mlp', E: 'moe' };
    return [...c.hybrid_override_pattern].map((ch) => names[ch] ?? 'unknown');
  }
  return undefined;
}

function fromBlocks(blocks: string[]): LayerLayout {
  const count = (kind: string) => blocks.filter((b) => b === kind).length;
  const attention = count('attention');
  const mamba = count('mamba');
  return {
    mixerLayers: attention + mamba,
    fullAttention: attention,
    slidingAttention: 0,
    recurrent: mamba,
    compressed: new Map(),
    moeLayers: count('moe'),
    denseMlpLayers: count('mlp'),
  };
}

export function layerLayout(c: HfConfig): LayerLayout {
  const blocks = blockTypes(c);
  if (blocks) return fromBlocks(blocks);
  const layers = num(c.num_hidden_layers) ?? 0;
  const experts = expertCount(c);
  const firstDense = experts ? (num(c.first_k_dense_replace) ?? 0) : layers;
  const interleave = num(c.interleave_moe_layer_step) ?? num(c.decoder_sparse_step) ?? 1;
  const moeLayers = experts ? Math.floor((layers - firstDense) / Math.max(1, interleave)) : 0;
  const compressed = new Map<number, number>();
  let sliding = 0;
  let recurrent = 0;
  if (Array.isArray(c.compress_ratios)) {
    for (const ratio of c.compress_ratios as number[]) {
      if (ratio > 1) compressed.set(ratio, (compressed.get(ratio) ?? 0) + 1);
      else sliding++;
    }
  } else if (Array.isArray(c.layer_types)) {
    for (const t of c.layer_types as string[]) {
      if (t === 'sliding_attention' || t === 'chunked_attention') sliding++;
      else if (t === 'linear_attention' || t === 'mamba') recurrent++;
    }
  } else if (c.layer_types_summary && typeof c.layer_types_summary === 'object') {
    sliding = num(c.layer_types_summary.sliding_attention) ?? 0;
  } else if (num(c.sliding_window) && c.use_sliding_window === true) {
    sliding = num(c.max_window_layers) !== undefined ? Math.max(0, layers - (num(c.max_window_layers) ?? layers)) : layers;
  }
  const compressedLayers = [...compressed.values()].reduce((a, b) => a + b, 0);
  return {
    mixerLayers: layers,
    fullAttention: layers - sliding - recurrent - compressedLayers,
    slidingAttention: sliding,
    recurrent,
    compressed,
    moeLayers,
    denseMlpLayers: layers - moeLayers,
  };
}
