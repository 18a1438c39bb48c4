import type { Precision } from '../engine/catalog/types.ts';

/**
 * The weight precision a benchmark's precision text states: the precision attached to "MoE" when stated
 * ("FP8 attention + NVFP4 MoE" -> fp4), else the first one named. MXFP4/NVFP4 -> fp4, MXFP8 -> fp8,
 * FP16 -> bf16; 4-bit integer weights (INT4, UINT4, W4A16, AWQ, GPTQ) -> fp4 and INT8 -> fp8 (same weight
 * bytes; the chip's math decides how they run); null when the text names none.
 */
export function parsePrecisionText(text: string | null | undefined): Precision | null {
  if (!text) return null;
  const token = /(nvfp4|mxfp4|fp4|u?int4|w4a16|awq|gptq|mxfp8|fp8|int8|bf16|fp16)/i;
  const moe = /(nvfp4|mxfp4|fp4|u?int4|mxfp8|fp8|int8|bf16|fp16)\s*MoE/i.exec(text);
  const match = moe ?? token.exec(text);
  if (!match) return null;
  const t = match[1]!.toLowerCase();
  if (t.endsWith('fp4') || /int4|w4a16|awq|gptq/.test(t)) return 'fp4';
  if (t.endsWith('fp8') || t === 'int8') return 'fp8';
  return 'bf16';
}
