/**
 * Builds the production Advisor: the catalog and calibration from data/, the engine's advise and the
 * planning reports (TCO, crossover, batch, curve, API break-even), charts on. `now` is the composition
 * root's clock: it dates the question (`asOfDate`), so stale API prices are flagged.
 */
import { SLACK_CHART } from './chart-size.ts';
import { loadCatalogOrThrow } from '../catalog/index.ts';
import { loadCalibration } from '../catalog/load-calibration.ts';
import { apiBreakEvenSpec } from '../chart/api-break-even-spec.ts';
import { renderChartPng } from '../chart/render.ts';
import { advise } from '../engine/advise.ts';
import { apiBreakEven, type ApiBreakEvenReport } from '../engine/reports/api-break-even.ts';
import { batchEfficiencyReport } from '../engine/reports/batch-efficiency.ts';
import { crossoverReport } from '../engine/reports/crossover.ts';
import { tcoReport } from '../engine/reports/tco.ts';
import { utilizationCurveReport } from '../engine/reports/utilization-curve.ts';
import type { Advisor } from './advisor.ts';
import { apiBreakEvenMessage } from './blocks/api-blocks.ts';
import { createRealAdvisor } from './real-advisor.ts';

export interface LoadRealAdvisorOptions {
  readonly now?: () => Date;
  /** Render chart PNGs (default true). */
  readonly chart?: boolean;
}

export async function loadRealAdvisor(options: LoadRealAdvisorOptions = {}): Promise<Advisor> {
  const now = options.now ?? (() => new Date());
  const today = () => now().toISOString().slice(0, 10);
  const catalog = loadCatalogOrThrow();
  const calibration = loadCalibration();
  return createRealAdvisor({
    catalog,
    now,
    ...(options.chart === undefined ? {} : { chart: options.chart }),
    advise: (request, c) => advise(request, c, calibration),
    reports: {
      tco: (request, c) => tcoReport(request, c, calibration),
      crossover: (request, c) => crossoverReport(request, c, calibration),
      batch: (request, c) => batchEfficiencyReport(request, c, calibration),
      curve: (request, c) => utilizationCurveReport(request, c, calibration),
      api: {
        engine: (request, c) => apiBreakEven(request, c, calibration, { asOfDate: request.asOfDate ?? today() }),
        message: apiBreakEvenMessage as (report: never) => ReturnType<typeof apiBreakEvenMessage>,
        chart: (report: never) => renderChartPng(apiBreakEvenSpec(report as ApiBreakEvenReport), SLACK_CHART),
      },
    },
  });
}
