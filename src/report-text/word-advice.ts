/**
 * The advice report with every reason worded and its summary: what answer() hands the CLI, the Slack
 * app and --json, so each front end shows the same sentences. Idempotent (a worded report stays as it is).
 */
import type { AdviceReport, Reason } from '../engine/advice-types.ts';
import { reasonText } from './reason-text.ts';
import { summaryText } from './summary-text.ts';

export type WordedReason = Reason & { readonly text: string };
export type WordedAdvice<R extends AdviceReport = AdviceReport> = Omit<R, 'reasons' | 'summary'> & { readonly reasons: readonly WordedReason[]; readonly summary: string };

export function wordAdvice<R extends AdviceReport>(report: R): WordedAdvice<R> {
  const reasons = report.reasons.map((r): WordedReason => (r.text !== undefined ? (r as WordedReason) : { ...r, text: reasonText(r, report) }));
  return { ...report, reasons, summary: report.summary ?? summaryText(report) } as WordedAdvice<R>;
}
