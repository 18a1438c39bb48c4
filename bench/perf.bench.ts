/** Performance-model speed: one configuration (saturated, at a rate, at a concurrency) and a whole curve. */
import { loadCatalogOrThrow } from '../src/catalog/index.ts';
import { loadCalibration } from '../src/catalog/load-calibration.ts';
import { findAccelerator, findModel } from '../src/engine/catalog/lookup.ts';
import { pointAtConcurrency, pointAtRate, saturatedPoint } from '../src/engine/performance/aggregated.ts';
import { resolveEfficiencies } from '../src/engine/performance/calibration.ts';
import { interactivityCurve } from '../src/engine/performance/curve.ts';
import { estimatePerformance } from '../src/engine/performance/estimate.ts';
import { buildReplica, candidateReplicaSizes } from '../src/engine/performance/parallelism.ts';
import { medianMs, printRow } from './median.ts';

const catalog = loadCatalogOrThrow();
const calibration = loadCalibration();
const lengths = { inputTokens: 2048, outputTokens: 512 };
process.stdout.write('\nPerformance model (median of 200 runs)\n');
for (const [modelId, platform, gpus] of [['llama-3.3-70b', 'h200', 2], ['deepseek-r1', 'b200', 8], ['gpt-oss-120b', 'mi355x', 1]] as const) {
  const model = findModel(catalog, modelId)!;
  const accelerator = findAccelerator(catalog, platform)!;
  const resolved = resolveEfficiencies(calibration, accelerator.id, model.id, 'trtllm');
  const replica = buildReplica({ model, accelerator, precision: 'fp8', engine: 'trtllm', efficiencies: resolved.efficiencies, engineMultiplier: resolved.engineMultiplier }, gpus);
  const label = `${modelId} on ${gpus} x ${platform}`;
  printRow(`${label}: saturated point`, medianMs(200, () => saturatedPoint(replica, lengths)), 1);
  printRow(`${label}: point at 5 req/s`, medianMs(200, () => pointAtRate(replica, lengths, 5)), 1);
  printRow(`${label}: point at concurrency 64`, medianMs(200, () => pointAtConcurrency(replica, lengths, 64)), 1);
  printRow(`${label}: whole throughput-interactivity curve`, medianMs(50, () => interactivityCurve(replica, lengths)), 20);
}
printRow('estimatePerformance (lookup, all replica sizes, curve), 8 GPUs', medianMs(50, () => estimatePerformance(catalog, calibration, { model: 'llama-3.3-70b', platform: 'h200', gpus: 8, precision: 'fp8', ...lengths })));
printRow('curves for every replica size of one platform', medianMs(20, () => {
  const model = findModel(catalog, 'llama-3.3-70b')!;
  const accelerator = findAccelerator(catalog, 'h200')!;
  const resolved = resolveEfficiencies(calibration, accelerator.id, model.id, 'trtllm');
  for (const size of candidateReplicaSizes(8)) {
    interactivityCurve(buildReplica({ model, accelerator, precision: 'fp8', engine: 'trtllm', efficiencies: resolved.efficiencies, engineMultiplier: 1 }, size), lengths);
  }
}), 20);
