/**
 * `npm run calibrate`: fit per-platform efficiencies to data/benchmarks.json, report the cross-validated
 * error of predicted vs published output tokens/s per GPU (and TPOT/TTFT where measured), and write
 * data/calibration.json. `--check` reports without writing.
 */
import { writeFileSync } from 'node:fs';
import { loadCatalogOrThrow } from '../src/catalog/index.ts';
import { buildCalibrationTable, calibrationReport } from '../src/engine/performance/calibrate-table.ts';

const check = process.argv.includes('--check');
const catalog = loadCatalogOrThrow();
const started = performance.now();
const { table, report } = buildCalibrationTable(catalog, new Date().toISOString().slice(0, 10));
process.stdout.write(calibrationReport(report));
process.stdout.write(`\nfit and cross-validation took ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
if (!check) {
  const path = new URL('../data/calibration.json', import.meta.url);
  writeFileSync(path, `${JSON.stringify(table, null, 1)}\n`);
  process.stdout.write(`wrote ${path.pathname}\n`);
}
