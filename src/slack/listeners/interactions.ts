/** Buttons on the answer card and App Home, and the question form's submission. */
import type { AdviceReport } from '../../engine/advice-types.ts';
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { deliverAnswer, errorTextFor, runAdvisor, storedQueryOf, type RespondFn } from '../answer-flow.ts';
import { ACTION, VIEW } from '../blocks/actions-ids.ts';
import { answerMessage } from '../blocks/answer-blocks.ts';
import { assumptionsMessage } from '../blocks/assumptions-blocks.ts';
import { breakdownMessage } from '../blocks/breakdown-blocks.ts';
import { compareModesMessage } from '../blocks/compare-modes-blocks.ts';
import { queryFormView, type FormMetadata } from '../blocks/form-view.ts';
import { ERROR_TEXT, noticeMessage, problemsMessage } from '../blocks/help-blocks.ts';
import type { SlackMessage } from '../blocks/message.ts';
import { teamIdOf } from '../context-ids.ts';
import { noteError, type ListenerDeps } from '../deps.ts';
import { diffFields, draftFromForm, formSummary, readFormFields, type ViewStateValues } from '../form-fields.ts';
import { readStoredDraft } from '../../advice/workload-draft.ts';
import { createSlackOps, type SlackOps } from '../slack-ops.ts';
import type { StoredAnswer } from '../../store/store.ts';
import { isTimeout, slackErrorName } from '../slack-retry.ts';
import { rateLimitedText } from '../rate-limit.ts';
import { followUpsNote } from './command.ts';

const GONE = noticeMessage('I no longer have that answer. Ask again: `/tokcost` followed by your question.');

function parseMetadata(raw: string | undefined, userId: string): FormMetadata {
  try {
    const parsed = JSON.parse(raw ?? '') as Partial<FormMetadata>;
    if (typeof parsed.channelId === 'string') return { channelId: parsed.channelId, ...(typeof parsed.threadTs === 'string' ? { threadTs: parsed.threadTs } : {}) };
  } catch {
    // fall through: answer in a DM
  }
  return { channelId: userId };
}

export function registerInteractions(app: App, deps: ListenerDeps): void {
  /** Answer-card buttons share this shape: find the stored answer, then act. */
  type ButtonArgs = { report: AdviceReport; answer: StoredAnswer; body: BlockAction; ops: SlackOps; respond: RespondFn; post: (m: SlackMessage) => Promise<unknown> };
  const onAnswerButton = (actionId: string, act: (args: ButtonArgs) => Promise<unknown>) => {
    app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, client, context, respond }) => {
      await ack();
      const teamId = teamIdOf(context, body.team?.id);
      const ops = createSlackOps(client, deps.retry);
      try {
        const answer = await deps.store.answer(teamId, typeof action?.value === 'string' ? action.value : '');
        if (!answer) return void (await respond({ response_type: 'ephemeral', replace_original: false, ...GONE }));
        const post = (m: SlackMessage) =>
          answer.threadTs
            ? ops.postMessage({ channel: answer.channelId, threadTs: answer.threadTs, ...m })
            : respond({ response_type: 'ephemeral', replace_original: false, text: m.text, blocks: m.blocks });
        await act({ report: answer.report as AdviceReport, answer, body, ops, respond: respond as RespondFn, post });
      } catch (error) {
        deps.logger.error({ err: error, teamId, actionId, slackError: slackErrorName(error) }, 'button failed');
        await respond({ response_type: 'ephemeral', replace_original: false, text: errorTextFor(error) }).catch(() => undefined);
      }
    });
  };

  onAnswerButton(ACTION.assumptions, ({ report, post }) => post(assumptionsMessage(report)));
  onAnswerButton(ACTION.breakdown, ({ report, post }) => post(breakdownMessage(report)));
  onAnswerButton(ACTION.compareModes, ({ report, post }) => post(compareModesMessage(report)));
  onAnswerButton(ACTION.adjust, ({ answer, body, ops }) => {
    const metadata: FormMetadata = { channelId: answer.channelId, ...(answer.threadTs ? { threadTs: answer.threadTs } : {}) };
    return ops.openView(body.trigger_id, queryFormView(deps.advisor.vocabulary(), metadata, storedQueryOf(answer).fields));
  });
  onAnswerButton(ACTION.share, async ({ report, answer, respond }) => {
    const card = answerMessage(report, { answerId: answer.answerId });
    await respond({ response_type: 'in_channel', replace_original: false, text: card.text, blocks: card.blocks });
    await respond({ delete_original: true });
  });
}

export function registerForm(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTION.homeAsk, async ({ ack, body, client }) => {
    await ack();
    await createSlackOps(client, deps.retry)
      .openView(body.trigger_id, queryFormView(deps.advisor.vocabulary(), { channelId: body.user?.id ?? '' }))
      .catch((error: unknown) => deps.logger.warn({ slackError: slackErrorName(error) }, 'could not open the form from App Home'));
  });

  app.view(VIEW.form, async ({ ack, view, body, client, context }) => {
    let read: ReturnType<typeof readFormFields>;
    try {
      read = readFormFields((view?.state?.values ?? {}) as ViewStateValues);
    } catch (error) {
      // A payload no real modal sends: close it quietly rather than leave Slack waiting.
      deps.logger.warn({ err: error }, 'unreadable form submission');
      return void (await ack());
    }
    if (!read.ok) return void (await ack({ response_action: 'errors', errors: read.errors }));
    await ack();
    const teamId = teamIdOf(context, body.team?.id);
    const userId = body.user?.id;
    if (typeof userId !== 'string' || userId === '') return;
    const meta = parseMetadata(view.private_metadata, userId);
    const ops = createSlackOps(client, deps.retry);
    const tell = (m: SlackMessage) =>
      meta.channelId === userId
        ? ops.postMessage({ channel: userId, ...m })
        : ops.postEphemeral({ channel: meta.channelId, user: userId, ...(meta.threadTs ? { threadTs: meta.threadTs } : {}), ...m });
    try {
      const verdict = await deps.rateLimit.take(teamId, userId);
      if (!verdict.allowed) return void (await tell(noticeMessage(rateLimitedText(deps.rateLimitPerMinute, verdict.retryAfterSeconds))));
      const previous = meta.threadTs ? await deps.store.lastAnswerInThread({ teamId, channelId: meta.channelId, threadTs: meta.threadTs }) : undefined;
      // The form maps straight onto the thread's workload draft: never through English.
      const stored = previous ? readStoredDraft(storedQueryOf(previous).draft) : undefined;
      const draft = draftFromForm(read.fields, stored?.ok ? stored.draft : undefined);
      const text = formSummary(draft);
      const settings = await deps.store.settings(teamId);
      const result = await runAdvisor(deps, () => deps.advisor.answerDraft({ draft, settings }));
      if (result.kind === 'problems') {
        await deps.store.recordUsage(teamId, 'problems');
        return void (await tell(problemsMessage(text, result.problems)));
      }
      if (result.kind === 'general') throw new Error('a form draft got a general answer; a draft always names a workload');
      const changes = previous ? diffFields(storedQueryOf(previous).fields, read.fields) : undefined;
      const answer = { ...result, ...(changes ? { changes } : {}) };
      const member = meta.channelId === userId || meta.threadTs ? {} : await followUpsNote(ops, meta.channelId);
      const options = { usage: 'form' as const, ...(previous ? { previous } : {}), askedBy: { userId, question: text }, ...member };
      try {
        await deliverAnswer(deps, ops, { teamId, channelId: meta.channelId, userId, ...(meta.threadTs ? { threadTs: meta.threadTs } : {}) }, answer, options);
      } catch (error) {
        if (meta.channelId === userId || isTimeout(error)) throw error;
        // The bot can't post in that channel: send the answer to the user's DM instead.
        deps.logger.info({ channel: meta.channelId, slackError: slackErrorName(error) }, 'form answer goes to DM');
        const { followUpsUnavailable: _inChannelOnly, ...dmOptions } = options as typeof options & { followUpsUnavailable?: string };
        await deliverAnswer(deps, ops, { teamId, channelId: userId, userId }, answer, dmOptions);
      }
    } catch (error) {
      deps.logger.error({ err: error, teamId, slackError: slackErrorName(error) }, 'form submission failed');
      await noteError(deps, teamId);
      await tell(noticeMessage(errorTextFor(error))).catch(() => undefined);
    }
  });
}
