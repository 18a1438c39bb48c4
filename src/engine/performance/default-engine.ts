import type { Accelerator, ServingEngine } from '../catalog/types.ts';

/** Serving engine assumed per vendor unless the request names one (the engines InferenceX runs). */
export function defaultEngine(accelerator: Pick<Accelerator, 'vendor'>): ServingEngine {
  if (accelerator.vendor === 'nvidia') return 'trtllm';
  if (accelerator.vendor === 'amd') return 'sglang';
  return 'vllm';
}

/** Why `engine` cannot serve on `accelerator`, or null: TensorRT-LLM builds CUDA engines for NVIDIA GPUs only. */
export function engineProblem(engine: ServingEngine, accelerator: Pick<Accelerator, 'vendor' | 'name'>): string | null {
  if (engine === 'trtllm' && accelerator.vendor !== 'nvidia') {
    return `TensorRT-LLM runs only on NVIDIA GPUs, not on ${accelerator.name}; use --engine ${defaultEngine(accelerator)} (or leave it out: ${defaultEngine(accelerator)} is the default there)`;
  }
  return null;
}
