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
  const uncalibrated = calibration.benchmarkCount === 0 ? [uncalibratedAssumption(workload.request.asOfDate)] : [];
  return { ...report, assumptions: [...uncalibrated, ...workload.assumptions, ...(options.extraAssumptions ?? []), ...report.assumptions] };
}

/** Without data/calibration.json every estimate is spec-only and platforms may rank differently: said first, never quietly. */
function uncalibratedAssumption(today: string | undefined): Assumption {
  return {
    name: 'calibration',
    value: 'MISSING: every platform estimated spec-only (uncalibrated); the ranking may differ from a calibrated answer',
    source: { title: 'data/calibration.json not found; `npm run calibrate` creates it', ...(today ? { asOf: today } : { asOf: new Date(0).toISOString().slice(0, 10) }), basis: 'estimate' },
  };
}

/** The report's charts (specs), for the front end to render at its size. */
export function chartsOf<K extends ReportKind>(kind: K, report: Answered<K>, catalog: Catalog, calibration: CalibrationTable) {
  return REPORTS[kind].charts(report, { catalog, calibration });
}
