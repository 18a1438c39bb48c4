/**
 * Delivering a planning report (TCO, crossover, batch, curve, API comparison): post its message in the
 * thread (or ephemerally when the bot can't post), remember its query for follow-ups, share its chart into
 * the thread like the main answer. Problems and 'unavailable' become short replies.
 */
import type { ReportAnswer } from './advisor.ts';
import { CANNOT_POST, rememberPosted, shareChart, type Destination } from './answer-flow.ts';
import { CHART_HINT, noticeMessage, problemsMessage } from './blocks/help-blocks.ts';
import { context, type SlackMessage } from './blocks/message.ts';
import { escapeMrkdwn } from './blocks/format-slack.ts';
import { askedLine } from './blocks/asked-line.ts';
import { newAnswerId } from './context-ids.ts';
import type { ListenerDeps } from './deps.ts';
import type { Posted, SlackOps } from './slack-ops.ts';
import { slackErrorName } from './slack-retry.ts';
import type { StoredAnswer, UsageKind } from '../store/store.ts';

type Reported = Extract<ReportAnswer, { kind: 'report' }>;

function withHeaderNotes(message: SlackMessage, answer: Reported, askedBy?: { userId: string; question: string }): SlackMessage {
  const extra = [];
  if (askedBy) extra.push(context([askedLine(askedBy, `asked for the ${answer.reportKind} report`)]));
  if (answer.changes?.length) extra.push(context([`*What changed:* ${answer.changes.map((c) => `${escapeMrkdwn(c.field)} ${escapeMrkdwn(c.from)} → ${escapeMrkdwn(c.to)}`).join(' · ')}`]));
  if (extra.length === 0) return message;
  return { text: message.text, blocks: [message.blocks[0]!, ...extra, ...message.blocks.slice(1)] };
}

/** Posts a report where it belongs and shares its chart; returns the stored answer (null when only a notice was posted). */
export async function deliverReport(
  deps: ListenerDeps,
  ops: SlackOps,
  where: Destination,
  answer: Reported,
  options: { readonly usage: UsageKind; readonly askedBy?: { readonly userId: string; readonly question: string } },
): Promise<StoredAnswer> {
  const message = withHeaderNotes(answer.message, answer, options.askedBy);
  const answerId = newAnswerId();
  const save = (threadTs?: string, channelId = where.channelId) =>
    rememberPosted(deps, { teamId: where.teamId, answerId, channelId, ...(threadTs ? { threadTs } : {}), query: answer.query, report: { reportKind: answer.reportKind, report: answer.report } }, options.usage);
  const posted = await postOrRespond(deps, ops, where, message, 'the report');
  if (!posted) return save();
  const threadTs = where.threadTs ?? posted.ts;
  const stored = await save(threadTs, posted.channel);
  if (answer.chartPng) await shareChart(deps, ops, posted.channel, threadTs, answer.chartPng, answer.chartTitle);
  return stored;
}

/**
 * Posts a message where it belongs; when the bot may not post there (and a response_url exists), answers
 * ephemerally with the chart hint instead and returns null.
 */
export async function postOrRespond(deps: ListenerDeps, ops: SlackOps, where: Destination, message: SlackMessage, what: string): Promise<Posted | null> {
  try {
    return await ops.postMessage({ channel: where.channelId, text: message.text, blocks: message.blocks, ...(where.threadTs ? { threadTs: where.threadTs } : {}) });
  } catch (error) {
    const name = slackErrorName(error);
    if (!CANNOT_POST.has(name) || !where.respond) throw error;
    deps.logger.info({ channel: where.channelId, error: name }, `cannot post in channel; answering ${what} ephemerally`);
    await where.respond({ response_type: 'ephemeral', text: message.text, blocks: [...message.blocks, context([CHART_HINT])] });
    return null;
  }
}

/** The reply for a report that could not be produced: the question's problems, or why the report is unavailable. */
export function reportRefusal(question: string, answer: Exclude<ReportAnswer, Reported | { kind: 'general' }>): SlackMessage {
  return answer.kind === 'problems' ? problemsMessage(question, answer.problems) : noticeMessage(answer.message);
}
