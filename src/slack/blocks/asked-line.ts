/**
 * The "asked:" echo on cards answering a slash command or a form, which others in the channel can't
 * see. The user's words are shown literally: &, < and > escaped (else Slack reads `<...>` as a link or
 * mention), and inside inline code, so their own `*` and `_` cannot turn the rest of the line bold.
 */
import { escapeMrkdwn, truncate } from './format-slack.ts';

export interface AskedBy {
  readonly userId: string;
  readonly question: string;
}

const QUESTION_CHARS = 300;

/** The question as literal inline code: one line, no backticks (they would end the code span). */
export function literalInline(text: string): string {
  const flat = truncate(text.replace(/\s+/g, ' ').trim(), QUESTION_CHARS).replaceAll('`', 'ʹ');
  return flat === '' ? '' : `\`${escapeMrkdwn(flat)}\``;
}

/** "<@U1> asked: `…`"; `what` names what was asked for ("asked for the tco report"). */
export function askedLine(asked: AskedBy, what = 'asked', empty = 'this thread’s workload'): string {
  const question = literalInline(asked.question);
  return `<@${asked.userId}> ${what}: ${question === '' ? `_${empty}_` : question}`;
}
