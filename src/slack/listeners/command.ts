/** `/tokcost`: ack at once, then answer in the channel (or a form, help, settings, problems). */
import type { App } from '@slack/bolt';
import { deliverAnswer, errorTextFor, runAdvisor } from '../answer-flow.ts';
import { deliverReport, reportRefusal } from '../report-flow.ts';
import { deliverGeneral } from '../general-flow.ts';
import { queryFormView } from '../blocks/form-view.ts';
import { ERROR_TEXT, helpMessage, NOT_A_MEMBER_NOTE, noticeMessage, problemsMessage } from '../blocks/help-blocks.ts';
import { parseCommandText } from '../command-text.ts';
import { teamIdOf } from '../context-ids.ts';
import { MAX_QUESTION_CHARS, noteError, tooLongText, type ListenerDeps } from '../deps.ts';
import { rateLimitedText } from '../rate-limit.ts';
import { isSettingsIntent, settingsReply } from '../settings-command.ts';
import { createSlackOps, type SlackOps } from '../slack-ops.ts';

export { resolvePlatform } from '../settings-command.ts';

/** Public channels ("C…") may take a card the bot cannot follow up on; say so there. DMs and groups never. */
export async function followUpsNote(ops: SlackOps, channel: string): Promise<{ followUpsUnavailable?: string }> {
  if (!channel.startsWith('C')) return {};
  return (await ops.isMember(channel)) === false ? { followUpsUnavailable: NOT_A_MEMBER_NOTE } : {};
}

export function registerCommand(app: App, deps: ListenerDeps, command = '/tokcost'): void {
  app.command(command, async ({ command: cmd, ack: rawAck, respond, client, context }) => {
    let acked = false;
    const ack: typeof rawAck = async (response) => {
      acked = true;
      await rawAck(response);
    };
    const teamId = teamIdOf(context, cmd.team_id);
    const rawText = typeof cmd.text === 'string' ? cmd.text : '';
    const intent = rawText.length > MAX_QUESTION_CHARS ? ({ kind: 'too-long' } as const) : parseCommandText(rawText);
    const ephemeral = (m: { text: string; blocks: unknown[] }) => ({ response_type: 'ephemeral' as const, text: m.text, blocks: m.blocks as never });
    const log = deps.logger.child({ teamId, channel: cmd.channel_id, intent: intent.kind });
    /** A refusal when this user has asked too much this minute, or undefined. */
    const rateRefusal = async () => {
      const verdict = await deps.rateLimit.take(teamId, cmd.user_id);
      return verdict.allowed ? undefined : rateLimitedText(deps.rateLimitPerMinute, verdict.retryAfterSeconds);
    };
    const handle = async (): Promise<unknown> => {
      if (isSettingsIntent(intent)) return await ack(ephemeral(await settingsReply(deps, { client, teamId, userId: cmd.user_id }, intent)));
      if (intent.kind === 'question' || intent.kind === 'report') {
        const refused = await rateRefusal();
        if (refused) return await ack(ephemeral(noticeMessage(refused)));
      }
      switch (intent.kind) {
        case 'too-long':
          return await ack(ephemeral(noticeMessage(tooLongText(rawText.length))));
        case 'help':
          return await ack(ephemeral(helpMessage(command)));
        case 'set-usage':
          return await ack(ephemeral(noticeMessage(intent.message)));
        case 'form': {
          await ack();
          const ops = createSlackOps(client, deps.retry);
          return await ops.openView(cmd.trigger_id, queryFormView(deps.advisor.vocabulary(), { channelId: cmd.channel_id }));
        }
        case 'report': {
          if (intent.text === '') {
            return await ack(ephemeral(noticeMessage(`Tell me the workload after \`${intent.report}\`, e.g. \`${command} ${intent.report} gpt-oss-120b, 2k in / 400 out, 30 rps, peaks 4x, 50 tok/s per user\`. In a thread I answered, just say _${intent.report}?_`)));
          }
          await ack();
          const settings = await deps.store.settings(teamId);
          const result = await runAdvisor(deps, () => deps.advisor.report(intent.report, { text: intent.text, settings }), () =>
            respond({ response_type: 'ephemeral', text: `Still working on the ${intent.report} report…` }),
          );
          const asked = { userId: cmd.user_id, question: `${intent.report} ${intent.text}` };
          if (result.kind === 'general') return await deliverGeneral(deps, createSlackOps(client, deps.retry), { teamId, channelId: cmd.channel_id, userId: cmd.user_id, respond }, result, { askedBy: asked });
          if (result.kind !== 'report') {
            if (result.kind === 'problems') await deps.store.recordUsage(teamId, 'problems');
            return await respond(ephemeral(reportRefusal(intent.text, result)));
          }
          const ops = createSlackOps(client, deps.retry);
          await deliverReport(deps, ops, { teamId, channelId: cmd.channel_id, userId: cmd.user_id, respond }, result, {
            usage: 'answer',
            askedBy: { userId: cmd.user_id, question: intent.text },
          });
          return;
        }
        case 'question': {
          await ack();
          const settings = await deps.store.settings(teamId);
          const result = await runAdvisor(deps, () => deps.advisor.answer({ text: intent.text, settings }), () =>
            respond({ response_type: 'ephemeral', text: 'Still working on it: sizing fleets for every platform takes a moment…' }),
          );
          if (result.kind === 'problems') {
            await deps.store.recordUsage(teamId, 'problems');
            return await respond(ephemeral(problemsMessage(intent.text, result.problems)));
          }
          const ops = createSlackOps(client, deps.retry);
          if (result.kind === 'general') return await deliverGeneral(deps, ops, { teamId, channelId: cmd.channel_id, userId: cmd.user_id, respond }, result, { askedBy: { userId: cmd.user_id, question: intent.text } });
          const member = await followUpsNote(ops, cmd.channel_id);
          await deliverAnswer(deps, ops, { teamId, channelId: cmd.channel_id, userId: cmd.user_id, respond }, result, {
            usage: 'answer',
            askedBy: { userId: cmd.user_id, question: intent.text },
            ...member,
          });
          return;
        }
      }
    };
    try {
      await handle();
    } catch (error) {
      log.error({ err: error }, 'slash command failed');
      await noteError(deps, teamId);
      if (!acked) await rawAck({ response_type: 'ephemeral', text: errorTextFor(error) }).catch(() => undefined);
      else await respond({ response_type: 'ephemeral', text: errorTextFor(error) }).catch(() => undefined);
    }
  });
}
