/**
 * Utilization-curve chart (pure): the cost-vs-load chart (costVsLoadSpec) over every platform of the
 * curve report, short names in the legend, the recommended fleet held fixed beside the re-sized lines,
 * the user's operating point marked on its own line.
 */
import type { UtilizationCurveReport } from '../engine/reports/utilization-curve.ts';
import { costVsLoadSpec } from './cost-vs-load-spec.ts';
import type { ChartSpec } from './spec-types.ts';

export function curveSpec(report: UtilizationCurveReport): ChartSpec {
  const names = Object.fromEntries(report.platforms.map((p) => [p.platform, `${p.shortName}${p.basis === 'spec-only' ? ' (spec-only)' : ''}`]));
  return costVsLoadSpec(
    report.platforms.map((p) => ({ platform: p.platform, points: p.points, ...(p.fixedFleet ? { fixedFleet: p.fixedFleet } : {}) })),
    report.operatingPoint,
    { platformNames: names, maxPlatforms: report.platforms.length, title: 'Effective cost per token vs mean load' },
  );
}
