/**
 * Delivering a general answer (no workload: a planning question or a claim check): post its card in the
 * thread (ephemerally when the bot can't post there), count it, share its chart. Nothing is stored for
 * follow-ups: it has no workload to change; a reply naming one is a new question.
 */
import type { GeneralAdvisorAnswer } from './advisor.ts';
import { shareChart, type Destination } from './answer-flow.ts';
import { askedLine } from './blocks/asked-line.ts';
import { context, type SlackMessage } from './blocks/message.ts';
import type { ListenerDeps } from './deps.ts';
import { postOrRespond } from './report-flow.ts';
import type { SlackOps } from './slack-ops.ts';
import { unprintableFigure } from '../format.ts';

function withAsked(message: SlackMessage, askedBy?: { userId: string; question: string }): SlackMessage {
  if (!askedBy) return message;
  return { text: message.text, blocks: [context([askedLine(askedBy)]), ...message.blocks] };
}

export async function deliverGeneral(
  deps: ListenerDeps,
  ops: SlackOps,
  where: Destination,
  answer: GeneralAdvisorAnswer,
  options: { readonly askedBy?: { readonly userId: string; readonly question: string } } = {},
): Promise<void> {
  // Judged before the user's words are added: only tokcost's figures.
  const bad = unprintableFigure(`${answer.message.text}\n${JSON.stringify(answer.message.blocks)}`);
  if (bad) throw new Error(`a figure came out as "${bad}" in the general answer card; it was not posted`);
  const message = withAsked(answer.message, options.askedBy);
  const posted = await postOrRespond(deps, ops, where, message, 'the general question');
  if (!posted) return countAnswer(deps, where.teamId);
  await countAnswer(deps, where.teamId);
  if (answer.chartPng) await shareChart(deps, ops, posted.channel, where.threadTs ?? posted.ts, answer.chartPng, answer.chartTitle);
}

async function countAnswer(deps: ListenerDeps, teamId: string): Promise<void> {
  await deps.store.recordUsage(teamId, 'answer').catch((error: unknown) => deps.logger.warn({ err: error, teamId }, 'general answer posted but not counted'));
}
