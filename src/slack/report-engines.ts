/**
 * Each planning report's pure Block Kit builder, by kind. The reports themselves, their charts and
 * titles come from src/advice/report-registry.ts; a new kind there fails to compile here until it has
 * a message.
 */
import type { PlanningReportKind, ReportOf } from '../advice/report-registry.ts';
import { apiBreakEvenMessage } from './blocks/api-blocks.ts';
import { batchMessage } from './blocks/batch-blocks.ts';
import { crossoverMessage } from './blocks/crossover-blocks.ts';
import { curveMessage } from './blocks/curve-blocks.ts';
import type { SlackMessage } from './blocks/message.ts';
import { tcoMessage } from './blocks/tco-blocks.ts';

export const REPORT_MESSAGES: { readonly [K in PlanningReportKind]: (report: ReportOf[K]) => SlackMessage } = {
  tco: tcoMessage,
  crossover: crossoverMessage,
  batch: batchMessage,
  curve: curveMessage,
  api: apiBreakEvenMessage,
};
