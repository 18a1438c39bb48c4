/**
 * A model known only by its size ("a 30b dense model", "a 1T MoE with 32B active"): a typical shape
 * derived from the open models of that size, labelled an estimate. Its id spells the size
 * (`estimate-dense-30b`, `estimate-moe-1000b-a32b`), so every door (words, --model, follow-ups) that
 * carries the id gets the same model back from `findModel`.
 */
import type { Model } from './types.ts';

const ID = /^estimate-(dense|moe)-(\d+(?:\.\d+)?)b(?:-a(\d+(?:\.\d+)?)b)?$/;

/** Width and depth of open models by size (Llama 3.x, Qwen3, DeepSeek-V3/Kimi K2, Qwen3 MoE, MiniMax-M2 configs). */
const DENSE_WIDTHS: readonly { readonly upToParams: number; readonly hidden: number }[] = [
  { upToParams: 2e9, hidden: 2048 },
  { upToParams: 5e9, hidden: 3072 },
  { upToParams: 11e9, hidden: 4096 },
  { upToParams: 40e9, hidden: 5120 },
  { upToParams: 120e9, hidden: 8192 },
  { upToParams: Infinity, hidden: 16384 },
];
const MOE_SHAPES: readonly { readonly upToActive: number; readonly hidden: number; readonly layers: number }[] = [
  { upToActive: 5e9, hidden: 2048, layers: 48 },
  { upToActive: 14e9, hidden: 3072, layers: 62 },
  { upToActive: 26e9, hidden: 4096, layers: 94 },
  { upToActive: 45e9, hidden: 7168, layers: 61 },
  { upToActive: Infinity, hidden: 8192, layers: 80 },
];
const HEAD_DIM = 128;
const KV_HEADS = 8;
const VOCAB = 128256;
const EXPERTS_ACTIVE = 8;

export function typicalShapeId(totalParams: number, activeParams?: number): string {
  const b = (x: number) => `${Number((x / 1e9).toFixed(2))}b`;
  return activeParams !== undefined && activeParams < totalParams ? `estimate-moe-${b(totalParams)}-a${b(activeParams)}` : `estimate-dense-${b(totalParams)}`;
}

/** GQA attention weights of one layer: q and o of hidden x hidden, k and v of hidden x 8 heads x 128. */
const attentionParams = (hidden: number) => 2 * hidden * hidden + 2 * hidden * KV_HEADS * HEAD_DIM;

function base(id: string, name: string, hidden: number, layers: number, note: string) {
  return {
    id,
    name,
    aliases: [],
    hfRepo: 'none (typical shape for its size)',
    layers,
    hiddenSize: hidden,
    attentionHeads: hidden / HEAD_DIM,
    kvHeads: KV_HEADS,
    headDim: HEAD_DIM,
    attention: { kind: 'gqa' } as const,
    vocabSize: VOCAB,
    maxContextTokens: 131072,
    releasedPrecision: 'bf16' as const,
    source: { title: 'typical shape for the stated size (tokcost estimate)', asOf: '2026-12', basis: 'estimate' as const, note },
  };
}

/**
 * Dense: the width of open models of that size, SwiGLU MLP of 3.5 x width, GQA with 8 KV heads of 128,
 * a 128k vocabulary; layers = (N - embeddings) / params per layer, so the total matches N.
 */
function denseShape(id: string, totalParams: number): Model {
  const hidden = DENSE_WIDTHS.find((w) => totalParams <= w.upToParams)!.hidden;
  const intermediate = Math.round((3.5 * hidden) / 256) * 256;
  const perLayer = attentionParams(hidden) + 3 * hidden * intermediate;
  const embeddings = 2 * VOCAB * hidden;
  const layers = Math.max(2, Math.round((totalParams - embeddings) / perLayer));
  const note = `ESTIMATE: no catalog model; a typical dense shape for ${(totalParams / 1e9).toFixed(1)} B parameters: ${layers} layers of width ${hidden}, GQA ${hidden / HEAD_DIM} heads / ${KV_HEADS} KV heads of ${HEAD_DIM}, SwiGLU ${intermediate}, vocabulary ${VOCAB} (the proportions of Llama 3.x and Qwen3 configs). KV memory and speed follow from this shape, not from the real model.`;
  return { ...base(id, `${(totalParams / 1e9).toFixed(totalParams < 10e9 ? 1 : 0)}B dense model (typical shape, estimate)`, hidden, layers, note), totalParams, activeParams: totalParams };
}

/**
 * MoE: width and depth of open MoE models with that many active parameters, top-8 routing; the expert
 * count and size solve total = common + L x E x p and active = common + L x 8 x p.
 */
function moeShape(id: string, totalParams: number, activeParams: number): Model | undefined {
  const shape = MOE_SHAPES.find((s) => activeParams <= s.upToActive)!;
  const common = 2 * VOCAB * shape.hidden + shape.layers * (attentionParams(shape.hidden) + shape.hidden * 256);
  if (activeParams <= common * 1.05) return undefined;
  const perExpert = (activeParams - common) / (shape.layers * EXPERTS_ACTIVE);
  const experts = Math.max(EXPERTS_ACTIVE + 1, Math.round((totalParams - common) / (shape.layers * perExpert)));
  const note = `ESTIMATE: no catalog model; a typical MoE shape for ${(totalParams / 1e9).toFixed(0)} B total / ${(activeParams / 1e9).toFixed(1)} B active: ${shape.layers} layers of width ${shape.hidden}, ${experts} experts top-${EXPERTS_ACTIVE} of ${(perExpert / 1e6).toFixed(0)} M parameters each, GQA ${KV_HEADS} KV heads of ${HEAD_DIM} (the proportions of DeepSeek-V3, Kimi K2, Qwen3 MoE, MiniMax-M2 configs). KV memory and speed follow from this shape, not from the real model.`;
  return {
    ...base(id, `${(totalParams / 1e9).toFixed(0)}B MoE with ${(activeParams / 1e9).toFixed(1)}B active (typical shape, estimate)`, shape.hidden, shape.layers, note),
    totalParams: common + shape.layers * experts * perExpert,
    activeParams,
    moe: { expertsTotal: experts, expertsActive: EXPERTS_ACTIVE, sharedExperts: 0, moeLayers: shape.layers, paramsPerExpertPerLayer: perExpert },
  };
}

/** The typical-shape model an `estimate-...` id names, or undefined for any other text. */
export function typicalShapeModel(id: string): Model | undefined {
  const m = ID.exec(id.trim().toLowerCase());
  if (!m) return undefined;
  const total = Number(m[2]) * 1e9;
  if (!(total >= 0.1e9 && total <= 10e12)) return undefined;
  if (m[1] === 'dense') return denseShape(id.trim().toLowerCase(), total);
  const active = m[3] !== undefined ? Number(m[3]) * 1e9 : undefined;
  if (active === undefined || !(active < total)) return undefined;
  return moeShape(id.trim().toLowerCase(), total, active);
}
