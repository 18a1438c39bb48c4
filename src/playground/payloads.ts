/** The request bodies Slack sends an app, shaped like Slack's own (pure builders). */
import type { StoredMessage } from './conversation-store.ts';
import { APP_ID, BOT_NAME, BOT_USER_ID, TEAM_ID, USER_NAME } from './ids.ts';

const team = { id: TEAM_ID, domain: 'tokcost-playground' };
const userOf = (id: string) => ({ id, username: USER_NAME, name: USER_NAME, team_id: TEAM_ID });

export function slashCommandFields(o: { command: string; text: string; channel: string; channelName: string; user: string; responseUrl: string; triggerId: string }): Record<string, string> {
  return {
    token: 'playground-verification-token',
    team_id: TEAM_ID,
    team_domain: team.domain,
    channel_id: o.channel,
    channel_name: o.channelName,
    user_id: o.user,
    user_name: USER_NAME,
    command: o.command,
    text: o.text,
    api_app_id: APP_ID,
    is_enterprise_install: 'false',
    response_url: o.responseUrl,
    trigger_id: o.triggerId,
  };
}

export function eventEnvelope(event: Record<string, unknown>, eventId: string, nowMs: number): Record<string, unknown> {
  return {
    token: 'playground-verification-token',
    team_id: TEAM_ID,
    api_app_id: APP_ID,
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(nowMs / 1000),
    authorizations: [{ enterprise_id: null, team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

export interface UserMessage {
  readonly channel: string;
  readonly channelType: 'channel' | 'im';
  readonly user: string;
  readonly text: string;
  readonly ts: string;
  readonly threadTs?: string;
}

export function messageEvent(m: UserMessage): Record<string, unknown> {
  return {
    type: 'message',
    channel: m.channel,
    user: m.user,
    text: m.text,
    ts: m.ts,
    ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
    event_ts: m.ts,
    channel_type: m.channelType,
    team: TEAM_ID,
  };
}

export function appMentionEvent(m: UserMessage): Record<string, unknown> {
  return { type: 'app_mention', user: m.user, text: m.text, ts: m.ts, ...(m.threadTs ? { thread_ts: m.threadTs } : {}), channel: m.channel, event_ts: m.ts, team: TEAM_ID };
}

export function appHomeOpenedEvent(o: { user: string; channel: string; view?: Record<string, unknown>; nowMs: number }): Record<string, unknown> {
  return { type: 'app_home_opened', user: o.user, channel: o.channel, tab: 'home', event_ts: (o.nowMs / 1000).toFixed(6), ...(o.view ? { view: o.view } : {}) };
}

export interface ClickedAction {
  readonly type: string;
  readonly actionId: string;
  readonly blockId: string;
  readonly value?: string;
  readonly text?: unknown;
}

/** Where the clicked element lives: a message (with its response_url) or a view (App Home, modal). */
export type ActionContainer =
  | { readonly kind: 'message'; readonly channel: string; readonly channelName: string; readonly messageTs: string; readonly threadTs?: string; readonly isEphemeral: boolean; readonly message?: Record<string, unknown>; readonly responseUrl: string }
  | { readonly kind: 'view'; readonly view: Record<string, unknown> };

export function blockActionsPayload(o: { user: string; triggerId: string; container: ActionContainer; action: ClickedAction; nowMs: number }): Record<string, unknown> {
  const c = o.container;
  const action = {
    type: o.action.type,
    action_id: o.action.actionId,
    block_id: o.action.blockId,
    ...(o.action.value !== undefined ? { value: o.action.value } : {}),
    ...(o.action.text !== undefined ? { text: o.action.text } : {}),
    action_ts: (o.nowMs / 1000).toFixed(6),
  };
  const where =
    c.kind === 'message'
      ? {
          container: { type: 'message', message_ts: c.messageTs, channel_id: c.channel, is_ephemeral: c.isEphemeral, ...(c.threadTs ? { thread_ts: c.threadTs } : {}) },
          channel: { id: c.channel, name: c.channelName },
          ...(c.message ? { message: c.message } : {}),
          response_url: c.responseUrl,
          state: { values: {} },
        }
      : { container: { type: 'view', view_id: c.view.id }, view: c.view };
  return { type: 'block_actions', user: userOf(o.user), api_app_id: APP_ID, token: 'playground-verification-token', trigger_id: o.triggerId, team, enterprise: null, is_enterprise_install: false, ...where, actions: [action] };
}

export function viewSubmissionPayload(o: { user: string; triggerId: string; view: Record<string, unknown> }): Record<string, unknown> {
  return { type: 'view_submission', team, user: userOf(o.user), api_app_id: APP_ID, token: 'playground-verification-token', trigger_id: o.triggerId, view: o.view, response_urls: [], is_enterprise_install: false, enterprise: null };
}

export function viewClosedPayload(o: { user: string; view: Record<string, unknown> }): Record<string, unknown> {
  return { type: 'view_closed', team, user: userOf(o.user), api_app_id: APP_ID, token: 'playground-verification-token', view: o.view, is_cleared: false, is_enterprise_install: false };
}

/** A stored message as Slack puts it in a block_actions payload's `message`. */
export const messageJson = (m: StoredMessage): Record<string, unknown> => ({
  type: 'message',
  ts: m.ts,
  user: m.user,
  ...(m.botId ? { bot_id: m.botId, username: BOT_NAME } : {}),
  text: m.text,
  ...(m.blocks ? { blocks: m.blocks } : {}),
  ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
});
