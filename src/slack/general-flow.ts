/**
 * Delivering a general answer (no workload: a planning question or a claim check): post its card in the
 * thread (ephemerally when the bot can't post there), count it, share its chart. Nothing is stored for
 * follow-ups: it has no workload to change; a reply naming one is a new question.
 */
import type { GeneralAdvisorAnswer } from './advisor.ts';
import { CANNOT_POST, shareChart, type Destination } from './answer-flow.ts';
import { askedLine } from './blocks/asked-line.ts';
import { CHART_HINT } from './blocks/help-blocks.ts';
import { context, type SlackMessage } from './blocks/message.ts';
import type { ListenerDeps } from './deps.ts';
import type { Posted, SlackOps } from './slack-ops.ts';
import { slackErrorName } from './slack-retry.ts';
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
  let posted: Posted;
  try {
    posted = await ops.postMessage({ channel: where.channelId, text: message.text, blocks: message.blocks, ...(where.threadTs ? { threadTs: where.threadTs } : {}) });
  } catch (error) {
    const name = slackErrorName(error);
    if (!CANNOT_POST.has(name) || !where.respond) throw error;
    deps.logger.info({ channel: where.channelId, error: name }, 'cannot post in channel; answering the general question ephemerally');
    await where.respond({ response_type: 'ephemeral', text: message.text, blocks: [...message.blocks, context([CHART_HINT])] });
    await countAnswer(deps, where.teamId);
    return;
  }
  await countAnswer(deps, where.teamId);
  if (answer.chartPng) await shareChart(deps, ops, posted.channel, where.threadTs ?? posted.ts, answer.chartPng, answer.chartTitle);
}

async function countAnswer(deps: ListenerDeps, teamId: string): Promise<void> {
  await deps.store.recordUsage(teamId, 'answer').catch((error: unknown) => deps.logger.warn({ err: error, teamId }, 'general answer posted but not counted'));
}
