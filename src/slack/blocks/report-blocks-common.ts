/** Pieces shared by the planning-report messages (TCO, crossover, batch, curve): header, verdict, table, notes. */
import type { KnownBlock } from '@slack/types';
import type { AdviceRequest, Assumption } from '../../engine/advice-types.ts';
import { assumptionsBlocks } from './assumptions-blocks.ts';
import { escapeMrkdwn, truncate } from './format-slack.ts';
import { codeTable, context, header, section, SECTION_TEXT_MAX, type SlackMessage } from './message.ts';

export function workloadOf(request: AdviceRequest): string {
  return `${request.modelId} · ${request.inputTokens} in / ${request.outputTokens} out · ${request.meanRequestsPerSecond} req/s`;
}

/** A code table that fits one section: rows dropped from the end (with a note) until it does. */
export function fittedTable(rows: readonly (readonly string[])[], alignRight: readonly boolean[], budget = SECTION_TEXT_MAX - 200): string {
  let shown = rows.length;
  let text = codeTable(rows, alignRight);
  while (text.length > budget && shown > 2) {
    shown--;
    text = `${codeTable(rows.slice(0, shown), alignRight)}\n_${rows.length - shown} more rows in the CLI (\`--json\`)_`;
  }
  return text;
}

/** Label of a platform row: "B300*" when the estimate is spec-only. */
export const platformCell = (row: { readonly shortName: string; readonly basis: string }): string => `${row.shortName}${row.basis === 'spec-only' ? '*' : ''}`;

export interface ReportMessageParts {
  readonly title: string;
  readonly request: AdviceRequest;
  readonly verdict: string;
  readonly body: readonly KnownBlock[];
  readonly notes: readonly string[];
  readonly assumptions: readonly Assumption[];
}

export function reportMessage(parts: ReportMessageParts): SlackMessage {
  const blocks: KnownBlock[] = [
    header(`${parts.title} · ${workloadOf(parts.request)}`),
    section(`*${escapeMrkdwn(parts.verdict)}*`, 'tokcost_report_verdict'),
    ...parts.body,
    ...(parts.notes.length ? [context(parts.notes.map((n) => escapeMrkdwn(n)))] : []),
    ...assumptionsBlocks(parts.assumptions),
  ];
  return { text: truncate(`tokcost ${parts.title}: ${parts.verdict}`, 3000), blocks };
}
