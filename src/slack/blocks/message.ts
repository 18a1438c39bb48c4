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

/** Lays rows out as a fixed-width table inside a code block (renders the same on every client). */
export function codeTable(rows: readonly (readonly string[])[], alignRight: readonly boolean[] = []): string {
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length))) ?? [];
  const line = (row: readonly string[]) =>
    row.map((cell, col) => (alignRight[col] ? cell.padStart(widths[col] ?? 0) : cell.padEnd(widths[col] ?? 0))).join('  ').trimEnd();
  return `\`\`\`\n${rows.map(line).join('\n')}\n\`\`\``;
}
