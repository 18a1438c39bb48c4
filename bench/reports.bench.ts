/**
 * Planning reports speed: median time of each report (engine + its chart at 800x450, device pixel ratio 2,
 * as Slack gets it) on the built-in example workload (gpt-oss-120b, week horizon). Target: < 300 ms each.
 * Run: npx tsx bench/reports.bench.ts
 */
import { loadCatalogOrThrow } from '../src/catalog/index.ts';
import { loadCalibration } from '../src/catalog/load-calibration.ts';
import { batchSpec } from '../src/chart/batch-spec.ts';
import { crossoverSpec } from '../src/chart/crossover-spec.ts';
import { curveSpec } from '../src/chart/curve-spec.ts';
import { renderReportChartPng } from '../src/chart/render-report.ts';
import { tcoSpec } from '../src/chart/tco-spec.ts';
import { EXAMPLE_REQUEST } from '../src/cli/advice-flags.ts';
import { batchEfficiencyReport } from '../src/engine/reports/batch-efficiency.ts';
import { crossoverReport } from '../src/engine/reports/crossover.ts';
import { tcoReport } from '../src/engine/reports/tco.ts';
import { utilizationCurveReport } from '../src/engine/reports/utilization-curve.ts';
import { medianMs, printRow } from './median.ts';

const RUNS = 9;
const TARGET_MS = 300;
const catalog = loadCatalogOrThrow();
const calibration = loadCalibration();
const request = EXAMPLE_REQUEST;

const reports = {
  tco: () => renderReportChartPng(tcoSpec(tcoReport(request, catalog, calibration))),
  crossover: () => renderReportChartPng(crossoverSpec(crossoverReport(request, catalog, calibration))),
  batch: () => renderReportChartPng(batchSpec(batchEfficiencyReport(request, catalog, calibration))),
  curve: () => renderReportChartPng(curveSpec(utilizationCurveReport(request, catalog, calibration))),
};
const engineOnly = {
  tco: () => tcoReport(request, catalog, calibration),
  crossover: () => crossoverReport(request, catalog, calibration),
  batch: () => batchEfficiencyReport(request, catalog, calibration),
  curve: () => utilizationCurveReport(request, catalog, calibration),
};

process.stdout.write(`planning reports on the example workload (week), median of ${RUNS}\n`);
for (const [name, run] of Object.entries(reports)) printRow(`  ${name}: engine + chart PNG`, medianMs(RUNS, run), TARGET_MS);
for (const [name, run] of Object.entries(engineOnly)) printRow(`  ${name}: engine only`, medianMs(RUNS, run));
