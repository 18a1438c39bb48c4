/**
 * What the person at the page does, turned into what Slack would send the app: a typed message
 * (a `message` event, plus `app_mention` when it mentions @tokcost), a slash command, a button click
 * (block_actions), a modal submission (view_submission) and opening App Home (app_home_opened).
 * Ack bodies are applied as Slack applies them (ephemeral reply, modal errors, close).
 */
import { applyCommandAck, parseAckBody } from './acks.ts';
import type { ConversationStore } from './conversation-store.ts';
import type { AppResponse, EventSender } from './event-sender.ts';
import type { FakeSlackServer } from './fake-slack-server.ts';
import { BOT_DM, BOT_USER_ID, COMMAND } from './ids.ts';
import {
  appHomeOpenedEvent,
  appMentionEvent,
  blockActionsPayload,
  eventEnvelope,
  messageEvent,
  messageJson,
  slashCommandFields,
  viewClosedPayload,
  viewSubmissionPayload,
  type ClickedAction,
} from './payloads.ts';
import { viewStateValues, type FormInputValue } from './view-state.ts';

export interface SlackUserDeps {
  readonly store: ConversationStore;
  readonly fake: FakeSlackServer;
  readonly sender: EventSender;
  readonly user: string;
  readonly now?: () => number;
}

export interface Outcome {
  readonly ok: boolean;
  /** Shown under the composer: what was sent and how the app answered. */
  readonly note: string;
}

/** "@tokcost" typed in the page -> Slack's mention markup. */
export const toSlackMentions = (text: string): string => text.replace(/(^|[\s(])@tokcost\b/gi, `$1<@${BOT_USER_ID}>`);

export class SlackUser {
  private eventCounter = 0;
  private readonly now: () => number;

  constructor(private readonly deps: SlackUserDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** The composer: a slash command, or a message (with thread_ts inside a thread). */
  async say(channelId: string, rawText: string, threadTs?: string): Promise<Outcome> {
    const channel = this.deps.store.channel(channelId);
    const text = rawText.trim();
    if (!channel) return { ok: false, note: `no channel ${channelId}` };
    if (text === '') return { ok: false, note: 'nothing to send' };
    const command = /^(\/\S+)\s*([\s\S]*)$/.exec(text);
    if (command) return this.slashCommand(channelId, channel.name, command[1]!, command[2]!.trim(), threadTs);
    return this.message(channelId, channel.kind, toSlackMentions(text), threadTs);
  }

  private async slashCommand(channel: string, channelName: string, command: string, text: string, threadTs?: string): Promise<Outcome> {
    if (command !== COMMAND) {
      this.notice(channel, `\`${command}\` is not a valid command here. The playground knows \`${COMMAND}\`.`, threadTs);
      return { ok: false, note: `${command} is not a command of this app` };
    }
    const user = this.deps.user;
    const responseUrl = this.deps.fake.newResponseUrl({ channel, user, ...(threadTs ? { threadTs } : {}) });
    const fields = slashCommandFields({ command, text, channel, channelName, user, responseUrl, triggerId: this.deps.fake.newTrigger(user) });
    const response = await this.send(`${command} ${text}`.trim(), () => this.deps.sender.command(fields));
    if (response.status !== 200) {
      this.notice(channel, `${command} failed with the error "http_status_${response.status}".`, threadTs);
      return { ok: false, note: `the app answered HTTP ${response.status}` };
    }
    applyCommandAck(this.deps.store, parseAckBody(response.body), { channel, user, ...(threadTs ? { threadTs } : {}) });
    return { ok: true, note: `${command} acknowledged in ${Math.round(response.elapsedMs)} ms` };
  }

  private async message(channel: string, kind: 'channel' | 'im', text: string, threadTs?: string): Promise<Outcome> {
    const posted = this.deps.store.addMessage({ channel, user: this.deps.user, text, ...(threadTs ? { threadTs } : {}) });
    const m = { channel, channelType: kind, user: this.deps.user, text, ts: posted.ts, ...(threadTs ? { threadTs } : {}) };
    const mentioned = text.includes(`<@${BOT_USER_ID}>`);
    if (!this.deps.store.channel(channel)?.botIsMember) {
      // Slack delivers no events from channels the bot isn't in; a mention only gets an invitation prompt.
      if (mentioned) this.notice(channel, `You mentioned <@${BOT_USER_ID}>, but they’re not in this channel, so Slack tells the app nothing. (The playground has no invitations: use #general.)`, threadTs);
      return { ok: true, note: 'posted; tokcost is not in this channel, so no event was sent' };
    }
    if (mentioned && kind === 'channel') await this.send('app_mention', () => this.deps.sender.event(this.envelope(appMentionEvent(m))));
    const response = await this.send(`message${threadTs ? ' in thread' : ''}`, () => this.deps.sender.event(this.envelope(messageEvent(m))));
    return { ok: response.status === 200, note: `message event acknowledged with HTTP ${response.status}` };
  }

  /** A button in a message (channel + ts) or in a view (App Home, modal). */
  async click(target: { channel?: string; messageTs?: string; viewId?: string }, action: ClickedAction): Promise<Outcome> {
    const user = this.deps.user;
    const payload = this.actionPayload(target, action, user);
    if (!payload) return { ok: false, note: 'that message or view is gone' };
    const response = await this.send(`block_actions ${action.actionId}`, () => this.deps.sender.interaction(payload));
    return { ok: response.status === 200, note: `button acknowledged with HTTP ${response.status}` };
  }

  private actionPayload(target: { channel?: string; messageTs?: string; viewId?: string }, action: ClickedAction, user: string): Record<string, unknown> | undefined {
    const nowMs = this.now();
    const triggerId = this.deps.fake.newTrigger(user);
    if (target.viewId) {
      const record = this.deps.store.viewById(target.viewId);
      if (!record) return undefined;
      return blockActionsPayload({ user, triggerId, nowMs, action, container: { kind: 'view', view: { ...record.view, id: record.id, hash: record.hash } } });
    }
    const message = target.channel && target.messageTs ? this.deps.store.message(target.channel, target.messageTs) : undefined;
    const channel = message ? this.deps.store.channel(message.channel) : undefined;
    if (!message || !channel) return undefined;
    const responseUrl = this.deps.fake.newResponseUrl({ channel: channel.id, user, sourceTs: message.ts, ...(message.threadTs ? { threadTs: message.threadTs } : {}) });
    const container = {
      kind: 'message' as const,
      channel: channel.id,
      channelName: channel.name,
      messageTs: message.ts,
      isEphemeral: message.ephemeralTo !== undefined,
      responseUrl,
      ...(message.threadTs ? { threadTs: message.threadTs } : {}),
      ...(message.ephemeralTo ? {} : { message: messageJson(message) }),
    };
    return blockActionsPayload({ user, triggerId, nowMs, action, container });
  }

  /** The modal's submit button: view_submission, then close it or show the app's field errors. */
  async submitView(viewId: string, inputs: readonly FormInputValue[]): Promise<Outcome> {
    const record = this.deps.store.modalById(viewId);
    if (!record || record.user !== this.deps.user) return { ok: false, note: 'that form is no longer open' };
    const blocks = Array.isArray(record.view.blocks) ? record.view.blocks : [];
    const view = { ...record.view, id: record.id, hash: record.hash, state: { values: viewStateValues(blocks, inputs) } };
    const payload = viewSubmissionPayload({ user: this.deps.user, triggerId: this.deps.fake.newTrigger(this.deps.user), view });
    const response = await this.send(`view_submission ${String(record.view.callback_id ?? '')}`, () => this.deps.sender.interaction(payload));
    if (response.status !== 200) return { ok: false, note: `the app answered HTTP ${response.status}; the form stays open` };
    const ack = parseAckBody(response.body);
    if (ack?.response_action === 'errors' && ack.errors && typeof ack.errors === 'object') {
      this.deps.store.setModalErrors(viewId, ack.errors as Record<string, string>);
      return { ok: false, note: 'the app pointed at fields to fix' };
    }
    if ((ack?.response_action === 'update' || ack?.response_action === 'push') && ack.view && typeof ack.view === 'object') {
      this.deps.store.updateModal(viewId, ack.view as Record<string, unknown>);
      return { ok: true, note: `the app asked to ${String(ack.response_action)} the form` };
    }
    this.deps.store.closeModal(this.deps.user);
    return { ok: true, note: `form submitted in ${Math.round(response.elapsedMs)} ms` };
  }

  async closeView(viewId: string): Promise<Outcome> {
    const record = this.deps.store.modalById(viewId);
    if (!record) return { ok: true, note: 'already closed' };
    this.deps.store.closeModal(this.deps.user);
    if (record.view.notify_on_close === true) {
      await this.send('view_closed', () => this.deps.sender.interaction(viewClosedPayload({ user: this.deps.user, view: { ...record.view, id: record.id } })));
    }
    return { ok: true, note: 'form closed' };
  }

  async openHome(): Promise<Outcome> {
    const existing = this.deps.store.home(this.deps.user);
    const event = appHomeOpenedEvent({ user: this.deps.user, channel: BOT_DM.id, nowMs: this.now(), ...(existing ? { view: { ...existing.view, id: existing.id } } : {}) });
    const response = await this.send('app_home_opened', () => this.deps.sender.event(this.envelope(event)));
    return { ok: response.status === 200, note: `app_home_opened acknowledged with HTTP ${response.status}` };
  }

  private envelope(event: Record<string, unknown>): Record<string, unknown> {
    this.eventCounter += 1;
    return eventEnvelope(event, `Ev0PG${String(this.eventCounter).padStart(6, '0')}`, this.now());
  }

  /** Sends, logs, and turns a refused connection into an HTTP-like failure instead of a throw. */
  private async send(what: string, request: () => Promise<AppResponse>): Promise<AppResponse> {
    try {
      const response = await request();
      this.deps.store.log({ direction: 'to-app', what, ok: response.status === 200, detail: `HTTP ${response.status} in ${Math.round(response.elapsedMs)} ms` });
      return response;
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.deps.store.log({ direction: 'to-app', what, ok: false, detail });
      return { status: 599, body: '', elapsedMs: 0 };
    }
  }

  /** A Slackbot-style line from the stand-in itself, only to this user. */
  private notice(channel: string, text: string, threadTs?: string): void {
    this.deps.store.addMessage({ channel, user: 'USLACKBOT', text, ephemeralTo: this.deps.user, system: true, ...(threadTs ? { threadTs } : {}) });
  }
}
