/**
 * Median time of the API break-even report (advise at the user's load, API prices, the break-even search
 * and the chart curves) on the real catalog for the built-in example (7-day, 1-minute load), with and
 * without rendering its chart. Target: under 300 ms with the chart on 2 cores. Prints medians only.
 */
import { cpus } from 'node:os';
import { loadCatalogOrThrow } from '../src/catalog/index.ts';
import { loadCalibration } from '../src/catalog/load-calibration.ts';
import { apiBreakEvenSpec } from '../src/chart/api-break-even-spec.ts';
import { renderChartPng } from '../src/chart/render.ts';
import { EXAMPLE_REQUEST } from '../src/cli/advice-flags.ts';
import { apiBreakEven } from '../src/engine/reports/api-break-even.ts';
import { medianMs, printRow } from './median.ts';

const RUNS = 10;
const catalog = loadCatalogOrThrow();
const calibration = loadCalibration();
const options = { asOfDate: '2026-09-01' };
const weekly = { ...EXAMPLE_REQUEST, shape: { kind: 'weekly' as const, peakToAverage: 4, weekendFraction: 0.5 } };
process.stdout.write(`api: rent GPUs or buy tokens (break-even vs hosted APIs), median of ${RUNS} runs, ${cpus().length} CPU(s)\n`);
printRow('  example (gpt-oss-120b, 30 req/s diurnal 4x, week)', medianMs(RUNS, () => apiBreakEven(EXAMPLE_REQUEST, catalog, calibration, options)), 300);
printRow('  example + chart (800x450 PNG)', medianMs(RUNS, () => renderChartPng(apiBreakEvenSpec(apiBreakEven(EXAMPLE_REQUEST, catalog, calibration, options)))), 300);
printRow('  example at 3 req/s (break-even 11x above)', medianMs(RUNS, () => apiBreakEven({ ...EXAMPLE_REQUEST, meanRequestsPerSecond: 3 }, catalog, calibration, options)));
printRow('  weekly shape (simulated over the week)', medianMs(RUNS, () => apiBreakEven(weekly, catalog, calibration, options)));
