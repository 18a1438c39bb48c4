/**
 * Words with no workload in them, for Slack: a general planning question or a claim check answered by the
 * advice layer (src/advice/special-questions.ts, the same answer the CLI prints), as a phone-sized card
 * and, for a general question, the utilization-curve chart of its first reference workload.
 * Null when the words are an ordinary workload question (the usual path answers them).
 */
import { chartsOf } from '../advice/answer.ts';
import type { ClaimCheck } from '../advice/claim-check.ts';
import type { GeneralAnswer } from '../advice/general-questions.ts';
import { answerSpecialQuestion } from '../advice/special-questions.ts';
import { renderReportChartPng } from '../chart/render-report.ts';
import type { Catalog } from '../engine/catalog/types.ts';
import type { CalibrationTable } from '../engine/performance/calibration.ts';
import type { PlanningIntent } from '../query/general-intent.ts';
import type { GeneralAdvisorAnswer, QueryProblem } from './advisor.ts';
import { claimCheckMessage, generalAnswerMessage } from './blocks/general-blocks.ts';
import { SLACK_CHART } from './chart-size.ts';

export interface GeneralOptions {
  readonly catalog: Catalog;
  readonly calibration: CalibrationTable;
  readonly asOf: string;
  readonly chart: boolean;
  /** The report the words were asked as ("tco across the top chip makers"). */
  readonly asked?: PlanningIntent;
}

export type GeneralResult = GeneralAdvisorAnswer | { readonly kind: 'problems'; readonly problems: readonly QueryProblem[] } | null;

export async function generalAdvisorAnswer(text: string, options: GeneralOptions): Promise<GeneralResult> {
  const special = answerSpecialQuestion(text, options.catalog, options.calibration, options.asOf, options.asked);
  if (!special) return null;
  if (special.kind === 'problem') return { kind: 'problems', problems: [{ fragment: '', message: special.message, example: special.example }] };
  const data = special.data as GeneralAnswer | ClaimCheck;
  const message = data.kind === 'claim-check' ? claimCheckMessage(data) : generalAnswerMessage(data);
  const title = 'tokcost: cost per token vs load';
  let chartPng: Buffer | undefined;
  if (options.chart && special.curve) {
    const [first] = await chartsOf('curve', { ...special.curve, assumptions: data.assumptions }, options.catalog, options.calibration);
    if (first) chartPng = await renderReportChartPng(first.spec, SLACK_CHART);
  }
  return { kind: 'general', data, message, chartTitle: title, ...(chartPng ? { chartPng } : {}), ...(special.weak ? { weak: true } : {}) };
}
