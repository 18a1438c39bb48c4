/**
 * Every report tokcost answers, in one place: its kind, the words that ask for it, how it is built from
 * a workload, its chart(s) and their title. The CLI, the Slack app and the playground read this table;
 * adding a report is one entry here plus its renderers (see the README's "How to add a report").
 */
import type { Assumption } from '../engine/advice-types.ts';
import { wordApiBreakEven } from '../report-text/api-text.ts';
import { wordAdvice, type WordedAdvice } from '../report-text/word-advice.ts';
import { advise } from '../engine/advise.ts';
import type { Catalog } from '../engine/catalog/types.ts';
import type { CalibrationTable } from '../engine/performance/calibration.ts';
import { apiBreakEven, apiBreakEvenPoint, type ApiBreakEvenReport } from '../engine/reports/api-break-even.ts';
import { withBreakEven } from '../engine/reports/api-comparison.ts';
import { batchEfficiencyReport, type BatchEfficiencyReport } from '../engine/reports/batch-efficiency.ts';
import { crossoverReport, type CrossoverReport } from '../engine/reports/crossover.ts';
import { tcoReport, type TcoReport } from '../engine/reports/tco.ts';
import { utilizationCurveReport, type UtilizationCurveReport } from '../engine/reports/utilization-curve.ts';
import type { ChartSpec } from '../chart/spec-types.ts';
import type { ReportChartSpec } from '../chart/report-chart-types.ts';
import { isReportKind, PLANNING_REPORT_KINDS, REPORT_KINDS, REPORT_WORDS, type PlanningReportKind, type ReportKind } from './report-kinds.ts';
import type { Workload } from './workload.ts';

export interface ReportOf {
  readonly advise: WordedAdvice;
  readonly tco: TcoReport;
  readonly crossover: CrossoverReport;
  readonly batch: BatchEfficiencyReport;
  readonly curve: UtilizationCurveReport;
  readonly api: WordedApiBreakEven;
}

/** The api report with its sentence and notes worded (src/report-text/api-text.ts). */
export type WordedApiBreakEven = ApiBreakEvenReport & { readonly sentence: string; readonly notes: readonly string[] };
export type { PlanningReportKind, ReportKind };
export { PLANNING_REPORT_KINDS, REPORT_KINDS, isReportKind };

export interface AnswerContext {
  readonly catalog: Catalog;
  readonly calibration: CalibrationTable;
  /** Prices older than this many days are flagged (api report; default 180). */
  readonly staleAfterDays?: number;
}

export interface NamedChart {
  /** What the chart shows, as its file or upload title. */
  readonly title: string;
  readonly spec: ChartSpec | ReportChartSpec;
}

export interface ReportDefinition<K extends ReportKind> {
  readonly kind: K;
  /** Words naming the report at the start of a question (report-kinds.ts); null for the main answer. */
  readonly words: string | null;
  readonly title: string;
  /** One line for help texts. */
  readonly summary: string;
  build(workload: Workload, context: AnswerContext): ReportOf[K];
  /** The report's charts, first the one a chat shows (spec modules load lazily: the CLI starts fast). */
  charts(report: ReportOf[K], context: AnswerContext): Promise<readonly NamedChart[]>;
}

/** advise, with the API break-even the api report computes (one search, one number for both), worded. */
function adviseWithBreakEven(workload: Workload, context: AnswerContext): WordedAdvice {
  const advice = advise(workload.request, context.catalog, context.calibration);
  if (!advice.apiComparison) return wordAdvice(advice);
  const found = apiBreakEvenPoint(workload.request, context.catalog, context.calibration, { advice, ...(context.staleAfterDays !== undefined ? { staleAfterDays: context.staleAfterDays } : {}) });
  return wordAdvice(withBreakEven(advice, found.breakEven?.requestsPerSecond ?? null, found.breakEvenMissing));
}

export const REPORTS: { readonly [K in ReportKind]: ReportDefinition<K> } = {
  advise: {
    kind: 'advise', words: null, title: 'tokcost: cost vs load',
    summary: 'the recommendation: platform, serving mode, policy, GPUs, effective and full-load cost, why, alternatives',
    build: adviseWithBreakEven,
    charts: async (report, { catalog }) => {
      if (report.costCurve.length === 0) return [];
      const { costVsLoadSpec, loadAndCapacitySpec } = await import('../chart/spec.ts');
      const platformNames = Object.fromEntries(catalog.accelerators.map((a) => [a.id, a.name]));
      const charts: NamedChart[] = [{ title: 'tokcost: cost vs load', spec: costVsLoadSpec(report.costCurve, report.costCurveOperatingPoint ?? null, { platformNames }) }];
      if (report.loadSeries.requestsPerSecond.length > 0) charts.push({ title: 'tokcost: load and capacity', spec: loadAndCapacitySpec(report.loadSeries, report.capacitySeries) });
      return charts;
    },
  },
  tco: {
    kind: 'tco', words: REPORT_WORDS.tco, title: 'tokcost: price per 1M tokens by platform',
    summary: 'TCO across vendors: $/1M input, output and total tokens, J/token, $/hour per GB of HBM and of KV cache; rented and owned',
    build: (w, c) => tcoReport(w.request, c.catalog, c.calibration),
    charts: async (report) => [{ title: 'tokcost: price per 1M tokens by platform', spec: (await import('../chart/tco-spec.ts')).tcoSpec(report) }],
  },
  crossover: {
    kind: 'crossover', words: REPORT_WORDS.crossover, title: 'tokcost: cheapest platform by throughput and interactivity',
    summary: 'Crossover: the cheapest platform at each throughput target (req/s) and interactivity target (tok/s per user), and where that changes',
    build: (w, c) => crossoverReport(w.request, c.catalog, c.calibration),
    charts: async (report) => [{ title: 'tokcost: cheapest platform by throughput and interactivity', spec: (await import('../chart/crossover-spec.ts')).crossoverSpec(report) }],
  },
  batch: {
    kind: 'batch', words: REPORT_WORDS.batch, title: 'tokcost: cost per token vs batch size',
    summary: 'Batch efficiency: cost per token vs batch size per platform, where the decode step is memory- vs compute-bound, and the cost of a mixed (lognormal) request pattern',
    build: (w, c) => batchEfficiencyReport(w.request, c.catalog, c.calibration),
    charts: async (report) => [{ title: 'tokcost: cost per token vs batch size', spec: (await import('../chart/batch-spec.ts')).batchSpec(report) }],
  },
  curve: {
    kind: 'curve', words: REPORT_WORDS.curve, title: 'tokcost: cost per token vs load',
    summary: 'The utilization curve: effective $ per 1M output tokens against mean load per platform, with a one-line verdict',
    build: (w, c) => utilizationCurveReport(w.request, c.catalog, c.calibration),
    charts: async (report) => [{ title: 'tokcost: cost per token vs load', spec: (await import('../chart/curve-spec.ts')).curveSpec(report) }],
  },
  api: {
    kind: 'api', words: REPORT_WORDS.api, title: 'tokcost: self-hosted vs hosted API',
    summary: 'Rent GPUs or buy tokens: hosted-API prices on your token mix, the dedicated fleet beside the cheapest API, and the break-even load',
    build: (w, c) => {
      const advice = advise(w.request, c.catalog, c.calibration);
      return wordApiBreakEven(apiBreakEven(w.request, c.catalog, c.calibration, { advice, ...(c.staleAfterDays !== undefined ? { staleAfterDays: c.staleAfterDays } : {}) }));
    },
    charts: async (report) => [{ title: 'tokcost: self-hosted vs hosted API', spec: (await import('../chart/api-break-even-spec.ts')).apiBreakEvenSpec(report) }],
  },
};


/** A report with the workload's assumptions first (the latency default leads), then the report's own. */
export type Answered<K extends ReportKind> = ReportOf[K] & { readonly assumptions: readonly Assumption[] };
