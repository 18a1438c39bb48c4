/**
 * Dev-time check: which (model, accelerator, GPU count, precision) set-ups of the published results in
 * ../shared/data/benchmarks*.json get a `perf` answer (issue 26's bar: at least 95 %).
 *
 *   npx tsx scripts/perf-coverage.ts [--list]
 *
 * Each distinct set-up is asked once, at its own input/output lengths (1024/1024 where the record gives
 * none), saturated. Prints the fraction answered and every set-up that is not, with the reason.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalogOrThrow } from '../src/catalog/index.ts';
import { loadCalibration } from '../src/catalog/load-calibration.ts';
import { estimatePerformance } from '../src/engine/performance/estimate.ts';
import { parsePrecisionText } from '../src/catalog/precision-text.ts';
import type { Precision } from '../src/engine/catalog/types.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */
const sharedDir = join(fileURLToPath(new URL('..', import.meta.url)), '..', 'shared', 'data');
const records: any[] = ['benchmarks.json', 'benchmarks-partial-load.json'].flatMap((f) => JSON.parse(readFileSync(join(sharedDir, f), 'utf8')));

interface SetUp { model: string; platform: string; gpus: number; precision: Precision; inputTokens: number; outputTokens: number }

/** The model name a reader would type: the record's name before any parenthesis, else its key. */
function modelName(r: any): string {
  return r.model_benchmark_id && /\//.test(r.model_benchmark_id) ? r.model_benchmark_id : (r.model ?? r.model_key ?? '');
}

export interface Coverage {
  readonly setUps: number;
  readonly answered: number;
  /** "model | accelerator | GPUs | precision: code: message" for each set-up without an answer. */
  readonly failures: readonly string[];
  readonly unusableRecords: number;
}

/** Every distinct (model, accelerator, GPU count, precision) of the published results, asked of `perf` once. */
export function perfCoverage(): Coverage {
  const setUps = new Map<string, SetUp>();
  let unusable = 0;
  for (const r of records) {
    const precision = parsePrecisionText(r.precision) ?? 'fp8';
    if (!r.hardware || !r.accelerator_count || !r.model || r.model === '(paper workloads)') {
      unusable++;
      continue;
    }
    const key = [r.model, r.hardware, r.accelerator_count, precision].join(' | ');
    if (!setUps.has(key)) {
      setUps.set(key, { model: modelName(r), platform: r.hardware, gpus: r.accelerator_count, precision, inputTokens: r.isl ?? 1024, outputTokens: Math.round(r.osl ?? r.osl_reference_mean_tokens ?? 1024) });
    }
  }
  const catalog = loadCatalogOrThrow();
  const calibration = loadCalibration();
  const failures: string[] = [];
  for (const [key, s] of setUps) {
    const result = estimatePerformance(catalog, calibration, s);
    if (!result.ok) failures.push(`${key}: ${result.code}: ${result.message.slice(0, 160)}`);
  }
  return { setUps: setUps.size, answered: setUps.size - failures.length, failures: failures.sort(), unusableRecords: unusable };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const c = perfCoverage();
  console.log(`perf answers ${c.answered} of ${c.setUps} set-ups (${((100 * c.answered) / c.setUps).toFixed(1)} %); ${c.unusableRecords} records name no hardware, GPU count or model`);
  for (const f of c.failures) console.log(`  ${f}`);
}
