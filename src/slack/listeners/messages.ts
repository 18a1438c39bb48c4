/**
 * Mentions, DMs and thread replies. A mention is answered in its thread (thread_ts ?? ts); a reply in
 * a thread the bot answered is a follow-up to that thread's last query, mention or not, unless it
 * mentions someone else and not the bot (it is for them). A DM is answered at the top level, like a
 * chat; a DM that is not a whole question applies to the last answer in that DM. Replies shared to the
 * channel (thread_broadcast) and with a file (file_share) count like any reply; a CSV among the files is
 * the question's load series (load-csv-attachment.ts). A mention that also
 * arrives as a `message` event is handled once (keyed on channel + ts).
 */
import type { App } from '@slack/bolt';
import { deliverAnswer, errorTextFor, runAdvisor, storedQueryOf } from '../answer-flow.ts';
import { parseReportRequest } from '../command-text.ts';
import { deliverReport, reportRefusal } from '../report-flow.ts';
import { deliverGeneral } from '../general-flow.ts';
import { helpMessage, noticeMessage, problemsMessage } from '../blocks/help-blocks.ts';
import { mentions, newAnswerId, stripMention, teamIdOf } from '../context-ids.ts';
import { MAX_QUESTION_CHARS, noteError, tooLongText, type ListenerDeps } from '../deps.ts';
import { rateLimitedText } from '../rate-limit.ts';
import { createSlackOps, type SlackOps } from '../slack-ops.ts';
import { attachedLoad, loadFileOf } from '../load-csv-attachment.ts';
import type { StoredAnswer } from '../../store/store.ts';

interface Incoming {
  readonly teamId: string;
  readonly channel: string;
  readonly user: string;
  readonly ts: string;
  readonly threadTs?: string;
  readonly text: string;
  readonly mentioned: boolean;
  readonly isDm: boolean;
  /** The event's `files` (a CSV among them is the question's load series). */
  readonly files?: unknown;
}

/**
 * The pseudo-thread under which a DM's latest top-level answer is also saved, so that "what about 4k
 * in?" typed at the top level of the DM applies to it.
 */
export const DM_LATEST = 'dm-latest';

/** `<@U…>` mentions of anyone but the bot. */
const mentionsSomeoneElse = (text: string, botUserId: string | undefined): boolean =>
  [...text.matchAll(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g)].some((m) => m[1] !== botUserId);

async function handleIncoming(deps: ListenerDeps, ops: SlackOps, msg: Incoming, botUserId: string | undefined): Promise<void> {
  const known = msg.threadTs
    ? await deps.store.lastAnswerInThread({ teamId: msg.teamId, channelId: msg.channel, threadTs: msg.threadTs })
    : undefined;
  if (!known && !msg.mentioned && !msg.isDm) return; // chatter that isn't for us
  if (known && !msg.mentioned && !msg.isDm && mentionsSomeoneElse(msg.text, botUserId)) return; // said to someone else in our thread
  if (!(await deps.store.claimEvent(msg.teamId, `msg:${msg.channel}:${msg.ts}`))) return;
  const topLevelDm = msg.isDm && !msg.threadTs;
  const threadTs = msg.threadTs ?? msg.ts;
  // One thread (or one DM's top level) at a time, in arrival order: each follow-up applies to the answer before it.
  const key = topLevelDm ? `${msg.teamId}:${msg.channel}:${DM_LATEST}` : `${msg.teamId}:${msg.channel}:${threadTs}`;
  await deps.serial(key, () => answerIncoming(deps, ops, msg, botUserId, topLevelDm ? undefined : threadTs));
}

/** `threadTs` undefined: answer at the top level (a DM), where the answer's own ts starts its thread. */
async function answerIncoming(deps: ListenerDeps, ops: SlackOps, msg: Incoming, botUserId: string | undefined, threadTs: string | undefined): Promise<void> {
  const topLevelDm = threadTs === undefined;
  const previousIn = (ts: string) => deps.store.lastAnswerInThread({ teamId: msg.teamId, channelId: msg.channel, threadTs: ts });
  const previous = msg.threadTs ? await previousIn(msg.threadTs) : topLevelDm ? await previousIn(DM_LATEST) : undefined;
  const inThread = msg.threadTs ? previous : undefined;
  const log = deps.logger.child({ teamId: msg.teamId, channel: msg.channel, threadTs });
  const reply = (m: { text: string; blocks?: unknown[] }) =>
    ops.postMessage({ channel: msg.channel, ...(threadTs ? { threadTs } : {}), text: m.text, ...(m.blocks ? { blocks: m.blocks as never } : {}) });
  const where = { teamId: msg.teamId, channelId: msg.channel, userId: msg.user, ...(threadTs ? { threadTs } : {}) };
  /** A top-level DM answer is also the DM's latest, for top-level follow-ups. */
  const rememberInDm = async (stored: StoredAnswer) => {
    if (!topLevelDm) return;
    await deps.store.saveAnswer({ teamId: stored.teamId, answerId: newAnswerId(), channelId: stored.channelId, threadTs: DM_LATEST, query: stored.query, report: stored.report });
  };
  const addressed = msg.mentioned || msg.isDm;
  try {
    if (msg.text.length > MAX_QUESTION_CHARS) {
      if (addressed) await reply(noticeMessage(tooLongText(msg.text.length)));
      return;
    }
    const text = stripMention(msg.text, botUserId);
    if ((text === '' && !loadFileOf(msg.files)) || /^help\??$/i.test(text)) {
      await reply(helpMessage());
      return;
    }
    const verdict = await deps.rateLimit.take(msg.teamId, msg.user);
    if (!verdict.allowed) {
      await reply(noticeMessage(rateLimitedText(deps.rateLimitPerMinute, verdict.retryAfterSeconds)));
      return;
    }
    const attached = await attachedLoad(msg.files, ops);
    if (attached.kind === 'problems') {
      await reply(problemsMessage(text || 'the attached file', attached.problems));
      return;
    }
    const series = attached.kind === 'series' ? { series: attached.series } : {};
    const settings = await deps.store.settings(msg.teamId);
    const asked = parseReportRequest(text);
    if (asked) {
      if (!previous && asked.rest === '') {
        await reply(noticeMessage(`Which workload? e.g. _${asked.report} for gpt-oss-120b, 2k in / 400 out, 30 rps, peaks 4x_ — or ask a question first and say _${asked.report}?_ in its thread.`));
        return;
      }
      const report = await runAdvisor(deps, () =>
        deps.advisor.report(asked.report, { text: asked.rest, settings, ...series, ...(previous ? { previous: storedQueryOf(previous) } : {}) }),
      );
      if (report.kind === 'general') return void (await deliverGeneral(deps, ops, where, report));
      if (report.kind !== 'report') {
        if (report.kind === 'problems') await deps.store.recordUsage(msg.teamId, 'problems');
        await reply(reportRefusal(text, report));
        return;
      }
      await rememberInDm(await deliverReport(deps, ops, where, report, { usage: previous ? 'follow-up' : 'answer' }));
      return;
    }
    const result = await runAdvisor(deps, async () => {
      if (inThread) return deps.advisor.followUp({ previous: storedQueryOf(inThread), text, settings, ...series });
      const fresh = await deps.advisor.answer({ text, settings, ...series });
      // A top-level DM that is not a whole question ("on mi355x") applies to the DM's last answer.
      // So does one only weakly general ("is AMD cheaper?"); followUp answers it as general if it changes nothing.
      const maybeFollowUp = fresh.kind === 'problems' || (fresh.kind === 'general' && fresh.weak === true);
      return maybeFollowUp && previous ? deps.advisor.followUp({ previous: storedQueryOf(previous), text, settings, ...series }) : fresh;
    });
    if (result.kind === 'problems') {
      await deps.store.recordUsage(msg.teamId, 'problems');
      // An unaddressed reply in a busy thread ("thanks!") gets no lecture; a mention or DM always gets an answer.
      if (addressed) await reply(problemsMessage(text, result.problems));
      else log.info({ problems: result.problems.length }, 'thread reply was not a follow-up');
      return;
    }
    if (result.kind === 'general') return void (await deliverGeneral(deps, ops, where, result));
    const followedUp = inThread ?? (result.changes ? previous : undefined);
    await rememberInDm(
      await deliverAnswer(deps, ops, where, result, {
        usage: followedUp ? 'follow-up' : 'answer',
        ...(followedUp ? { previous: followedUp } : {}),
      }),
    );
  } catch (error) {
    log.error({ err: error }, 'answering a message failed');
    await noteError(deps, msg.teamId);
    await reply({ text: errorTextFor(error) }).catch(() => undefined);
  }
}

/** Ids and timestamps from a payload: non-empty strings, anything else is ignored. */
const isId = (value: unknown): value is string => typeof value === 'string' && value !== '' && value.length <= 64;

/** Message subtypes a person sends as an ordinary reply: also sent to the channel, or with a file. */
const REPLY_SUBTYPES = new Set(['thread_broadcast', 'file_share']);

type MessageLike = { channel?: string; user?: string; ts?: string; thread_ts?: string; text?: string; subtype?: string; bot_id?: string; channel_type?: string; files?: unknown };

export function registerMessages(app: App, deps: ListenerDeps): void {
  app.event('app_mention', async ({ event, context, client, body }) => {
    const e = event as MessageLike;
    if (e.bot_id || !isId(e.channel) || !isId(e.ts)) return;
    await handleIncoming(deps, createSlackOps(client, deps.retry), {
      teamId: teamIdOf(context, (body as { team_id?: string }).team_id),
      channel: e.channel,
      user: isId(e.user) ? e.user : '',
      ts: e.ts,
      ...(isId(e.thread_ts) ? { threadTs: e.thread_ts } : {}),
      text: typeof e.text === 'string' ? e.text : '',
      mentioned: true,
      isDm: false,
      files: e.files,
    }, context.botUserId);
  });

  app.event('message', async ({ event, context, client, body }) => {
    const e = event as MessageLike;
    if ((e.subtype !== undefined && !REPLY_SUBTYPES.has(e.subtype)) || e.bot_id || !isId(e.channel) || !isId(e.ts) || !isId(e.user)) return;
    if (context.botUserId && e.user === context.botUserId) return;
    const isDm = e.channel_type === 'im';
    const mentioned = mentions(typeof e.text === 'string' ? e.text : '', context.botUserId);
    if (mentioned && !isDm) return; // app_mention answers it
    await handleIncoming(deps, createSlackOps(client, deps.retry), {
      teamId: teamIdOf(context, (body as { team_id?: string }).team_id),
      channel: e.channel,
      user: e.user,
      ts: e.ts,
      ...(isId(e.thread_ts) ? { threadTs: e.thread_ts } : {}),
      text: typeof e.text === 'string' ? e.text : '',
      mentioned,
      isDm,
      files: e.files,
    }, context.botUserId);
  });
}
