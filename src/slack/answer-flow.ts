/**
 * Delivering an advisor answer: post the card (in a thread, or ephemerally when the bot can't post),
 * remember it for follow-ups and buttons, then share the chart into the thread, falling back to a
 * hint when the upload is refused. Used by the command, mention, message, form and button listeners.
 */
import type { AdviceReport } from '../engine/advice-types.ts';
import type { StoredAnswer, UsageKind } from '../store/store.ts';
import type { AdvisorAnswer, StoredQuery } from './advisor.ts';
import { answerMessage } from './blocks/answer-blocks.ts';
import { CHART_HINT } from './blocks/help-blocks.ts';
import { chartFailureText } from './blocks/chart-notice.ts';
import { ChartUploadError } from './chart-upload.ts';
import { context, type SlackMessage } from './blocks/message.ts';
import { newAnswerId } from './context-ids.ts';
import type { ListenerDeps } from './deps.ts';
import type { Posted, SlackOps } from './slack-ops.ts';
import { isTimeout, slackErrorName } from './slack-retry.ts';
import { ERROR_TEXT } from './blocks/help-blocks.ts';
import { unprintableFigure } from '../format.ts';

/** When Slack did not confirm a post in time, the answer may or may not be there: say so, don't repost. */
export const UNCONFIRMED_TEXT =
  'Slack did not confirm my answer in time, so I did not post it again. If you don’t see it in the conversation, please ask again in a minute.';

/** The apology for a failure: plain, or the "not confirmed" note after a Web API timeout. */
export const errorTextFor = (error: unknown): string => (isTimeout(error) ? UNCONFIRMED_TEXT : ERROR_TEXT);

export type Answered = Extract<AdvisorAnswer, { kind: 'answer' }>;
export type RespondFn = (message: Record<string, unknown>) => Promise<unknown>;

/** Errors meaning "the bot may not post here", where an ephemeral answer still works. */
export const CANNOT_POST = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action', 'cannot_dm_bot']);

export interface Destination {
  readonly teamId: string;
  readonly channelId: string;
  readonly userId: string;
  /** Reply inside this thread; absent: a new top-level message whose ts starts the thread. */
  readonly threadTs?: string;
  /** Slash commands and buttons: the response_url, for ephemeral fallbacks. */
  readonly respond?: RespondFn;
}

export interface DeliverOptions {
  readonly usage: UsageKind;
  readonly previous?: StoredAnswer;
  /** Shown above the card for slash commands and forms, which others in the channel can't see. */
  readonly askedBy?: { readonly userId: string; readonly question: string };
  /** The bot is not in the channel: the card says it will not see replies there (and no chart is tried). */
  readonly followUpsUnavailable?: string;
}

const previousCost = (previous?: StoredAnswer) =>
  (previous?.report as AdviceReport | undefined)?.recommendation?.effectiveDollarsPerMillionOutputTokens;

function cardFor(answer: Answered, answerId: string, options: DeliverOptions, ephemeral: boolean): SlackMessage {
  // Judged without the user's own words (the asked line may quote "NaN rps"): only tokcost's figures.
  const bare = answerMessage(answer.report, { answerId });
  const bad = unprintableFigure(`${bare.text}\n${JSON.stringify(bare.blocks)}`);
  if (bad) throw new Error(`a figure came out as "${bad}" in the answer card; it was not posted`);
  const before = previousCost(options.previous);
  const message = answerMessage(answer.report, {
    answerId,
    ephemeral,
    ...(answer.changes ? { changes: answer.changes } : {}),
    ...(before !== undefined ? { previousDollarsPerMillionOutputTokens: before } : {}),
    ...(options.askedBy ? { askedBy: options.askedBy } : {}),
    ...(options.followUpsUnavailable ? { followUpsUnavailable: options.followUpsUnavailable } : {}),
  });
  return message;
}

/**
 * Remembers an answer already posted (for follow-ups and buttons) and counts it. A store that fails
 * now (a full disk) is logged, not thrown: the user has the answer, and an apology after it would
 * say the opposite. Returns the record, saved or not.
 */
export async function rememberPosted(deps: ListenerDeps, record: Omit<StoredAnswer, 'createdAt'>, usage: UsageKind): Promise<StoredAnswer> {
  let stored: StoredAnswer = { ...record, createdAt: new Date().toISOString() };
  try {
    stored = await deps.store.saveAnswer(record);
    await deps.store.recordUsage(record.teamId, usage);
  } catch (error) {
    deps.logger.error({ err: error, teamId: record.teamId, channel: record.channelId }, 'answer posted but not saved: follow-ups in its thread will not see it');
  }
  return stored;
}

/** Posts the answer where it belongs; returns the stored answer. */
export async function deliverAnswer(deps: ListenerDeps, ops: SlackOps, where: Destination, answer: Answered, options: DeliverOptions): Promise<StoredAnswer> {
  const answerId = newAnswerId();
  // Saved under the channel Slack posted in: a card sent to a user id lands in their DM (D…), and
  // replies in its thread arrive with that DM's id.
  const save = (threadTs?: string, channelId = where.channelId) =>
    rememberPosted(deps, { teamId: where.teamId, answerId, channelId, ...(threadTs ? { threadTs } : {}), query: answer.query, report: answer.report }, options.usage);
  let posted: Posted;
  try {
    posted = await ops.postMessage({ channel: where.channelId, ...cardFor(answer, answerId, options, false), ...(where.threadTs ? { threadTs: where.threadTs } : {}) });
  } catch (error) {
    const name = slackErrorName(error);
    if (!CANNOT_POST.has(name) || !where.respond) throw error;
    deps.logger.info({ channel: where.channelId, error: name }, 'cannot post in channel; answering ephemerally');
    const card = cardFor(answer, answerId, options, true);
    await where.respond({ response_type: 'ephemeral', text: card.text, blocks: [...card.blocks, context([CHART_HINT])] });
    return save();
  }
  const threadTs = where.threadTs ?? posted.ts;
  const stored = await save(threadTs, posted.channel);
  if (answer.chartPng && !options.followUpsUnavailable) await shareChart(deps, ops, posted.channel, threadTs, answer.chartPng);
  return stored;
}

/** Uploads a chart into the thread; a failed upload becomes a note saying why (never an error). */
export async function shareChart(deps: ListenerDeps, ops: SlackOps, channel: string, threadTs: string, png: Buffer, title = 'tokcost: cost vs load'): Promise<void> {
  try {
    await ops.uploadChart({ channel, threadTs, png, title });
  } catch (error) {
    const failure = error instanceof ChartUploadError ? error : { reason: slackErrorName(error), unconfirmed: false, step: 'upload' };
    deps.logger.warn({ channel, error: failure.reason, step: failure.step, unconfirmed: failure.unconfirmed }, 'chart upload failed; saying why');
    await ops.postMessage({ channel, threadTs, text: chartFailureText(failure) }).catch((hintError: unknown) => {
      deps.logger.warn({ channel, error: slackErrorName(hintError) }, 'chart hint failed too');
    });
  }
}

/** Runs advisor work under the concurrency limit; after `slowNoticeMs` calls `onSlow` once. */
export async function runAdvisor<T>(deps: ListenerDeps, work: () => Promise<T>, onSlow?: () => Promise<unknown>): Promise<T> {
  const timer = onSlow
    ? setTimeout(() => {
        onSlow().catch((error: unknown) => deps.logger.warn({ error: slackErrorName(error) }, 'slow notice failed'));
      }, deps.slowNoticeMs)
    : undefined;
  try {
    // Let the ack's HTTP response leave before CPU-bound parsing, sizing and chart rendering start.
    await new Promise<void>((resolve) => setImmediate(resolve));
    return await deps.limit(work);
  } finally {
    if (timer) clearTimeout(timer);
  }
}

export const storedQueryOf = (answer: StoredAnswer): StoredQuery => answer.query as StoredQuery;
