/** Output helpers shared by the CLI commands. */
import { writeFileSync } from 'node:fs';
import type { AdviceReport } from '../engine/advice-types.ts';
import type { Catalog } from '../engine/catalog/types.ts';

/** JSON with non-finite numbers as null (JSON has no Infinity or NaN). */
export function jsonSafe(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

export function loadChartPath(path: string): string {
  return path.replace(/(\.png)?$/i, '-load.png');
}

/** Renders the cost-vs-load chart to `path` and the load-and-capacity chart next to it (canvas loaded only here). */
export async function writeCharts(path: string, report: AdviceReport, catalog: Catalog): Promise<void> {
  const [{ renderChartPng }, { costVsLoadSpec, loadAndCapacitySpec }] = await Promise.all([import('../chart/render.ts'), import('../chart/spec.ts')]);
  const platformNames = Object.fromEntries(catalog.accelerators.map((a) => [a.id, a.name]));
  writeFileSync(path, renderChartPng(costVsLoadSpec(report.costCurve, report.costCurveOperatingPoint ?? null, { platformNames })));
  writeFileSync(loadChartPath(path), renderChartPng(loadAndCapacitySpec(report.loadSeries, report.capacitySeries)));
}

