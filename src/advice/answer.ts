/**
 * answer(workload, catalog, calibration, kind): the one way a built workload becomes a report. The CLI,
 * the Slack app (and its worker) and the playground all call this; they only render what comes back.
 * The workload's own assumptions come first (the latency default leads), then the report's.
 */
import type { Assumption } from '../engine/advice-types.ts';
import type { Catalog } from '../engine/catalog/types.ts';
import type { CalibrationTable } from '../engine/performance/calibration.ts';
import { REPORTS, type AnswerContext, type Answered, type ReportKind } from './report-registry.ts';
import type { Workload } from './workload.ts';

export interface AnswerOptions {
  readonly staleAfterDays?: number;
  /** Assumptions the front end adds (workspace settings), listed after the workload's. */
  readonly extraAssumptions?: readonly Assumption[];
}

export function answer<K extends ReportKind>(workload: Workload, catalog: Catalog, calibration: CalibrationTable, kind: K, options: AnswerOptions = {}): Answered<K> {
  const context: AnswerContext = { catalog, calibration, ...(options.staleAfterDays !== undefined ? { staleAfterDays: options.staleAfterDays } : {}) };
  const report = REPORTS[kind].build(workload, context);
  return { ...report, assumptions: [...workload.assumptions, ...(options.extraAssumptions ?? []), ...report.assumptions] };
}

/** The report's charts (specs), for the front end to render at its size. */
export function chartsOf<K extends ReportKind>(kind: K, report: Answered<K>, catalog: Catalog, calibration: CalibrationTable) {
  return REPORTS[kind].charts(report, { catalog, calibration });
}
