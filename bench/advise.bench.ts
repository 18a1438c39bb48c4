/**
 * Median time of a full recommendation across every priced platform on the real catalog, with a 7-day,
 * 1-minute load profile (10,080 steps): the built-in example workload. Target: under 100 ms on 2 cores.
 * Prints medians; asserts nothing (tests assert behaviour).
 */
import { cpus } from 'node:os';
import { loadCatalogOrThrow } from '../src/catalog/index.ts';
import { loadCalibration } from '../src/catalog/load-calibration.ts';
import { advise } from '../src/engine/advise.ts';
import type { AdviceRequest } from '../src/engine/advice-types.ts';
import { EXAMPLE_REQUEST } from '../src/cli/advice-flags.ts';
import { medianMs, printRow } from './median.ts';

const RUNS = 20;

const example = EXAMPLE_REQUEST;

const cases: [string, AdviceRequest][] = [
  ['example (gpt-oss-120b, 30 req/s diurnal 4x, week)', example],
  ['llama-3.3-70b, 8k in / 1k out, 200 req/s weekly, week', { ...example, modelId: 'llama-3.3-70b', inputTokens: 8192, outputTokens: 1024, meanRequestsPerSecond: 200, shape: { kind: 'weekly', peakToAverage: 3, weekendFraction: 0.5 }, latency: { ttftMs: 2000, ttftPercentile: 95, tpotMs: 40 } }],
];

const catalog = loadCatalogOrThrow();
const calibration = loadCalibration();
process.stdout.write(`advise: full recommendation over every priced platform, median of ${RUNS} runs, ${cpus().length} CPU(s)\n`);
for (const [label, request] of cases) {
  printRow(`  ${label}`, medianMs(RUNS, () => advise(request, catalog, calibration)), 100);
}
