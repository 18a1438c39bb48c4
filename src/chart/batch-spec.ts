/**
 * Batch-efficiency chart (pure): $ per 1M output tokens against batch size (log-log), one line per
 * platform; circles where the decode step is memory-bound, triangles where compute-bound, a diamond at
 * the largest batch meeting the TPOT target.
 */
import type { BatchEfficiencyReport } from '../engine/reports/batch-efficiency.ts';
import { lineChartSpec } from './line-chart-spec.ts';
import { seriesColor } from './palette.ts';
import type { ReportChartSpec } from './report-chart-types.ts';

const KEY_COLOR = '#555555';

export function batchSpec(report: BatchEfficiencyReport): ReportChartSpec {
  const base = lineChartSpec({
    title: 'Cost per token vs batch size',
    subtitle: `A fully busy replica at each batch. ● memory-bound, ▲ compute-bound decode step; ◆ largest batch meeting ${report.tpotTargetMs !== null ? `TPOT ≤ ${Math.round(report.tpotTargetMs)} ms` : 'memory'}`,
    xLabel: 'Batch size (sequences decoding at once per replica, log scale)',
    yLabel: '$ per 1M output tokens (log scale)',
    series: [],
    yLog: true,
    yFormat: 'dollars',
  });
  const lines = report.platforms.map((p, index) => {
    const color = seriesColor(index);
    const slo = (batch: number) => batch === p.sloBatch;
    return {
      label: `${p.shortName}${p.basis === 'spec-only' ? ' (spec-only)' : ''}`,
      data: p.points.map((point) => ({ x: point.batch, y: point.dollarsPerMillionOutputTokens })),
      borderColor: color,
      backgroundColor: color,
      borderWidth: 2,
      pointStyle: p.points.map((point) => (slo(point.batch) ? 'rectRot' : point.bound === 'compute' ? 'triangle' : 'circle')),
      pointRadius: p.points.map((point) => (slo(point.batch) ? 7 : 3.5)),
      pointBorderColor: p.points.map((point) => (slo(point.batch) ? '#111111' : color)),
      pointBorderWidth: p.points.map((point) => (slo(point.batch) ? 2 : 1)),
      parsing: false as const,
    };
  });
  const keys = [
    { label: 'memory-bound', pointStyle: 'circle' },
    { label: 'compute-bound', pointStyle: 'triangle' },
    { label: 'at your TPOT target', pointStyle: 'rectRot' },
  ].map((k) => ({ label: k.label, data: [], borderColor: KEY_COLOR, backgroundColor: KEY_COLOR, pointStyle: k.pointStyle, showLine: false, parsing: false as const }));
  const spec = base as unknown as ReportChartSpec;
  const x = spec.options!.scales!.x as Record<string, unknown>;
  spec.options!.scales!.x = { ...x, type: 'logarithmic', ticks: { ...(x.ticks as object), format: { maximumFractionDigits: 0 } } } as never;
  spec.data = { datasets: [...lines, ...keys] as never };
  spec.options!.plugins!.legend = { display: true, position: 'bottom', labels: { usePointStyle: true, padding: 12, font: { size: 12 } } } as never;
  return spec;
}
