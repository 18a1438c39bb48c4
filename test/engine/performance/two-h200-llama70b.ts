import { loadCatalogOrThrow } from '../../../src/catalog/index.ts';
import { findAccelerator, findModel } from '../../../src/engine/catalog/lookup.ts';
import { PRIOR_EFFICIENCIES } from '../../../src/engine/performance/efficiency.ts';
import { buildReplica } from '../../../src/engine/performance/parallelism.ts';

// Shared serving fixture: Llama-3.3-70B FP8 on two H200s at the prior efficiencies, 2k in / 512 out.
const catalog = loadCatalogOrThrow();
export const replica = buildReplica(
  { model: findModel(catalog, 'llama-3.3-70b')!, accelerator: findAccelerator(catalog, 'h200')!, precision: 'fp8', engine: 'trtllm', efficiencies: PRIOR_EFFICIENCIES, engineMultiplier: 1 },
  2,
);
export const lengths = { inputTokens: 2048, outputTokens: 512 };
