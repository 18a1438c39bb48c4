/** Numeric precision: fp8, fp4 (nvfp4, mxfp4), bf16 (fp16 read as bf16, said in assumptions). */
import type { Extraction } from './extraction.ts';
import type { Scanner } from './scanner.ts';

const PRECISION = /\b(nvfp4|mxfp4|fp4|float4|fp8|float8|e4m3|bf16|bfloat16|fp16|float16|half precision|fp32|float32|int8|int4|w4a16|w8a8|w4a8|awq|gptq)\b/gi;

/** Precision words that also appear in checkpoint names ("GLM-5-FP8"): never a model's name on their own. */
export const PRECISION_WORDS: ReadonlySet<string> = new Set(['nvfp4', 'mxfp4', 'fp4', 'mxfp8', 'fp8', 'bf16', 'fp16', 'fp32', 'int4', 'int8', 'awq', 'gptq', 'w4a16', 'w8a8', 'w4a8', 'e4m3']);

const MAP: Readonly<Record<string, 'fp4' | 'fp8' | 'bf16'>> = {
  nvfp4: 'fp4',
  mxfp4: 'fp4',
  fp4: 'fp4',
  float4: 'fp4',
  fp8: 'fp8',
  float8: 'fp8',
  e4m3: 'fp8',
  bf16: 'bf16',
  bfloat16: 'bf16',
  fp16: 'bf16',
  float16: 'bf16',
  'half precision': 'bf16',
};

export function extractPrecision(scanner: Scanner, out: Extraction): void {
  scanner.each(PRECISION, (m) => {
    const word = m[1]!.toLowerCase();
    const precision = MAP[word];
    if (precision === undefined) {
      out.problem(m[0], `precision "${m[0]}" is not modeled; the engine knows fp8, fp4 and bf16`, 'fp8', 'precision');
      return;
    }
    if (precision === 'bf16' && !word.startsWith('b')) {
      out.assume('precision', 'bf16', `"${m[0]}" costs the same as bf16 on these accelerators; read as bf16`);
    }
    out.add('precision', precision, m[0]);
  });
}
