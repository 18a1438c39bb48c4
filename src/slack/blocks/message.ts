/** Shared shapes and tiny constructors for Block Kit payloads (pure). */
import type { ActionsBlock, Button, ContextBlock, KnownBlock, MrkdwnElement, SectionBlock } from '@slack/types';
import { truncate } from './format-slack.ts';

/** A message: blocks plus the plain-text fallback Slack shows in notifications and screen readers. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: KnownBlock[];
}

export const SECTION_TEXT_MAX = 3000;
export const HEADER_TEXT_MAX = 150;
export const FIELD_TEXT_MAX = 2000;
export const BUTTON_TEXT_MAX = 75;
export const CONTEXT_ELEMENTS_MAX = 10;

export const mrkdwn = (text: string): MrkdwnElement => ({ type: 'mrkdwn', text: truncate(text, SECTION_TEXT_MAX) });

export const header = (text: string): KnownBlock => ({
  type: 'header',
  text: { type: 'plain_text', text: truncate(text, HEADER_TEXT_MAX), emoji: true },
});

export const section = (text: string, blockId?: string): SectionBlock => ({
  type: 'section',
  ...(blockId ? { block_id: blockId } : {}),
  text: mrkdwn(text),
});

export const fieldsSection = (fields: readonly string[]): SectionBlock => ({
  type: 'section',
  fields: fields.slice(0, 10).map((f) => ({ type: 'mrkdwn', text: truncate(f, FIELD_TEXT_MAX) })),
});

export const context = (texts: readonly string[]): ContextBlock => ({
  type: 'context',
  elements: texts.slice(0, CONTEXT_ELEMENTS_MAX).map((t) => mrkdwn(t)),
});

export const divider = (): KnownBlock => ({ type: 'divider' });

export const button = (text: string, actionId: string, value: string, style?: 'primary' | 'danger'): Button => ({
  type: 'button',
  text: { type: 'plain_text', text: truncate(text, BUTTON_TEXT_MAX), emoji: true },
  action_id: actionId,
  value,
  ...(style ? { style } : {}),
});

export const actions = (blockId: string, elements: Button[]): ActionsBlock => ({ type: 'actions', block_id: blockId, elements });

/**
 * Widest preformatted line we send: a phone shows about 48 monospace columns in a message before it
 * wraps, and a wrapped table row no longer lines up with its header.
 */
export const CODE_LINE_MAX = 48;

const COLUMN_GAP = 2;

/** Column groups that fit `maxWidth`, each repeating the first (label) column. */
function columnGroups(widths: readonly number[], maxWidth: number): number[][] {
  const groups: number[][] = [];
  let current = [0];
  let used = widths[0] ?? 0;
  for (let col = 1; col < widths.length; col++) {
    const extra = COLUMN_GAP + (widths[col] ?? 0);
    if (current.length > 1 && used + extra > maxWidth) {
      groups.push(current);
      current = [0];
      used = widths[0] ?? 0;
    }
    current.push(col);
    used += COLUMN_GAP + (widths[col] ?? 0);
  }
  groups.push(current);
  return groups;
}

/**
 * Lays rows out as fixed-width tables inside code blocks (they render the same on every client). A
 * table wider than `maxWidth` is split into stacked tables that each repeat the first column, and a
 * cell that still cannot fit is cut with an ellipsis, so no line is wider than `maxWidth`.
 */
export function codeTable(rows: readonly (readonly string[])[], alignRight: readonly boolean[] = [], maxWidth = CODE_LINE_MAX): string {
  const columns = rows[0]?.length ?? 0;
  const labelMax = Math.floor(maxWidth / 2) - COLUMN_GAP;
  const cells = rows.map((row) =>
    Array.from({ length: columns }, (_, col) => truncate(row[col] ?? '', col === 0 ? labelMax : maxWidth - labelMax - COLUMN_GAP)),
  );
  const widths = Array.from({ length: columns }, (_, col) => Math.max(...cells.map((row) => row[col]!.length)));
  const line = (row: readonly string[], group: readonly number[]) =>
    group
      .map((col) => (alignRight[col] ? row[col]!.padStart(widths[col]!) : row[col]!.padEnd(widths[col]!)))
      .join(' '.repeat(COLUMN_GAP))
      .trimEnd();
  return columnGroups(widths, maxWidth)
    .map((group) => `\`\`\`\n${cells.map((row) => line(row, group)).join('\n')}\n\`\`\``)
    .join('\n');
}

/** Every line inside ``` fences of a text: what a phone has to fit. */
export function preformattedLines(text: string): string[] {
  return [...text.matchAll(/```([\s\S]*?)```/g)].flatMap((m) => m[1]!.split('\n'));
}
