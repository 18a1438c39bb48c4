/**
 * The planning reports behind the Slack advisor: each kind's engine (injected, calibration bound by the
 * composition root), its pure Block Kit builder and its chart. A kind without an engine answers
 * 'unavailable' (tests and trimmed installations).
 */
import { SLACK_CHART } from './chart-size.ts';
import type { AdviceRequest, Assumption } from '../engine/advice-types.ts';
import type { Catalog } from '../engine/catalog/types.ts';
import type { BatchEfficiencyReport } from '../engine/reports/batch-efficiency.ts';
import type { CrossoverReport } from '../engine/reports/crossover.ts';
import type { TcoReport } from '../engine/reports/tco.ts';
import type { UtilizationCurveReport } from '../engine/reports/utilization-curve.ts';
import type { ReportKind } from './advisor.ts';
import { batchMessage } from './blocks/batch-blocks.ts';
import { crossoverMessage } from './blocks/crossover-blocks.ts';
import { curveMessage } from './blocks/curve-blocks.ts';
import type { SlackMessage } from './blocks/message.ts';
import { tcoMessage } from './blocks/tco-blocks.ts';

type Engine<R> = (request: AdviceRequest, catalog: Catalog) => R;

export interface ReportEngines {
  readonly tco?: Engine<TcoReport>;
  readonly crossover?: Engine<CrossoverReport>;
  readonly batch?: Engine<BatchEfficiencyReport>;
  readonly curve?: Engine<UtilizationCurveReport>;
  /** The API break-even (apiBreakEven) with its message builder and optional chart. */
  readonly api?: { readonly engine: Engine<unknown>; readonly message: (report: never) => SlackMessage; readonly chart?: (report: never) => Buffer };
}

export interface BuiltReport {
  readonly report: { readonly assumptions?: readonly Assumption[] } & Record<string, unknown>;
  readonly message: (report: never) => SlackMessage;
  readonly chart?: (report: never) => Promise<Buffer> | Buffer;
  readonly chartTitle: string;
}

async function renderReport(spec: unknown): Promise<Buffer> {
  const { renderReportChartPng } = await import('../chart/render-report.ts');
  return renderReportChartPng(spec as never, SLACK_CHART);
}

/** Runs a report kind's engine; null when that kind has none wired. */
export function runReport(engines: ReportEngines, kind: ReportKind, request: AdviceRequest, catalog: Catalog): BuiltReport | null {
  switch (kind) {
    case 'tco':
      return engines.tco ? { report: engines.tco(request, catalog) as never, message: tcoMessage as never, chartTitle: 'tokcost: price per 1M tokens by platform', chart: (async (r: TcoReport) => renderReport((await import('../chart/tco-spec.ts')).tcoSpec(r))) as never } : null;
    case 'crossover':
      return engines.crossover ? { report: engines.crossover(request, catalog) as never, message: crossoverMessage as never, chartTitle: 'tokcost: cheapest platform by throughput and interactivity', chart: (async (r: CrossoverReport) => renderReport((await import('../chart/crossover-spec.ts')).crossoverSpec(r))) as never } : null;
    case 'batch':
      return engines.batch ? { report: engines.batch(request, catalog) as never, message: batchMessage as never, chartTitle: 'tokcost: cost per token vs batch size', chart: (async (r: BatchEfficiencyReport) => renderReport((await import('../chart/batch-spec.ts')).batchSpec(r))) as never } : null;
    case 'curve':
      return engines.curve ? { report: engines.curve(request, catalog) as never, message: curveMessage as never, chartTitle: 'tokcost: cost per token vs load', chart: (async (r: UtilizationCurveReport) => renderReport((await import('../chart/curve-spec.ts')).curveSpec(r))) as never } : null;
    case 'api':
      return engines.api ? { report: engines.api.engine(request, catalog) as never, message: engines.api.message, ...(engines.api.chart ? { chart: engines.api.chart } : {}), chartTitle: 'tokcost: self-hosted vs hosted API' } : null;
  }
}
