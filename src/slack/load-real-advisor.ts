/**
 * Builds the production Advisor: the catalog and calibration from data/, the engine's advise and the
 * planning reports, charts on. The API comparison is wired when its Slack blocks exist
 * (src/slack/blocks/api-blocks.ts, built separately); until then `/tokcost api` says it is coming.
 */
import { loadCatalogOrThrow } from '../catalog/index.ts';
import { loadCalibration } from '../catalog/load-calibration.ts';
import { advise } from '../engine/advise.ts';
import { batchEfficiencyReport } from '../engine/reports/batch-efficiency.ts';
import { crossoverReport } from '../engine/reports/crossover.ts';
import { tcoReport } from '../engine/reports/tco.ts';
import { utilizationCurveReport } from '../engine/reports/utilization-curve.ts';
import type { Advisor } from './advisor.ts';
import { createRealAdvisor } from './real-advisor.ts';
import type { ReportEngines } from './report-engines.ts';

type ApiWiring = NonNullable<ReportEngines['api']>;

/** The API break-even engine and blocks, when both modules are present (a missing module is not an error). */
async function loadApiWiring(calibration: ReturnType<typeof loadCalibration>): Promise<ApiWiring | undefined> {
  try {
    // Specifiers built at run time: the modules may not exist yet in this checkout.
    const engine = (await import(new URL('../engine/reports/api-break-even.ts', import.meta.url).href)) as { apiBreakEven?: (...args: unknown[]) => unknown };
    const blocks = (await import(new URL('./blocks/api-blocks.ts', import.meta.url).href)) as { apiBreakEvenMessage?: ApiWiring['message'] };
    if (!engine.apiBreakEven || !blocks.apiBreakEvenMessage) return undefined;
    const apiBreakEven = engine.apiBreakEven;
    const spec = (await import(new URL('../chart/api-break-even-spec.ts', import.meta.url).href).catch(() => ({}))) as { apiBreakEvenSpec?: (report: never) => unknown };
    const { renderChartPng } = await import('../chart/render.ts');
    const toSpec = spec.apiBreakEvenSpec;
    return {
      engine: (request, catalog) => apiBreakEven(request, catalog, calibration, { asOfDate: new Date().toISOString().slice(0, 10) }),
      message: blocks.apiBreakEvenMessage,
      ...(toSpec ? { chart: (report: never) => renderChartPng(toSpec(report) as never) } : {}),
    };
  } catch {
    return undefined;
  }
}

export async function loadRealAdvisor(): Promise<Advisor> {
  const catalog = loadCatalogOrThrow();
  const calibration = loadCalibration();
  const api = await loadApiWiring(calibration);
  return createRealAdvisor({
    catalog,
    advise: (request, c) => advise(request, c, calibration),
    reports: {
      tco: (request, c) => tcoReport(request, c, calibration),
      crossover: (request, c) => crossoverReport(request, c, calibration),
      batch: (request, c) => batchEfficiencyReport(request, c, calibration),
      curve: (request, c) => utilizationCurveReport(request, c, calibration),
      ...(api ? { api } : {}),
    },
  });
}
