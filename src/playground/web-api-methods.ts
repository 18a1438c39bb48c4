/**
 * The Slack Web API methods tokcost calls, answered from the conversation store the way Slack
 * answers them (ok/error JSON). Unknown methods answer `unknown_method` and are logged, so the page
 * shows what the stand-in could not do.
 */
import type { ConversationStore, Channel, StoredFile } from './conversation-store.ts';
import { BOT_DM, BOT_ID, BOT_USER_ID, TEAM_ID, USER_ID } from './ids.ts';

export type ApiResult = { ok: boolean; error?: string } & Record<string, unknown>;
type Args = Record<string, unknown>;

export interface ApiContext {
  readonly store: ConversationStore;
  /** Where upload URLs point (the stand-in's own base URL, ending in '/'). */
  readonly baseUrl: string;
  /** The user a trigger_id belongs to, or why it can't be used. */
  readonly useTrigger: (triggerId: string) => { user: string } | { error: 'invalid_trigger_id' | 'expired_trigger_id' };
}

const fail = (error: string): ApiResult => ({ ok: false, error });
const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** A channel id, or a user id meaning "the DM with that user" (as chat.postMessage allows). */
export function resolveChannel(store: ConversationStore, idOrUser: unknown): Channel | undefined {
  const id = str(idOrUser);
  if (id === undefined) return undefined;
  if (id === USER_ID) return store.channel(BOT_DM.id);
  return store.channel(id);
}

/** A reply to a reply belongs to the root's thread, as in Slack. */
function rootTs(store: ConversationStore, channel: string, threadTs: string | undefined): string | undefined {
  if (threadTs === undefined) return undefined;
  return store.message(channel, threadTs)?.threadTs ?? threadTs;
}

function messageContent(args: Args): { text: string; blocks?: unknown[]; extra?: Record<string, unknown> } | ApiResult {
  const text = typeof args.text === 'string' ? args.text : '';
  const blocks = args.blocks;
  if (blocks !== undefined && !Array.isArray(blocks)) return fail('invalid_blocks');
  if (Array.isArray(blocks) && blocks.length > 50) return fail('invalid_blocks');
  if (text === '' && (!Array.isArray(blocks) || blocks.length === 0) && args.attachments === undefined) return fail('no_text');
  const extra = args.attachments !== undefined ? { attachments: args.attachments } : undefined;
  return { text, ...(Array.isArray(blocks) ? { blocks } : {}), ...(extra ? { extra } : {}) };
}

const isFailure = (value: object): value is ApiResult => 'ok' in value && (value as ApiResult).ok === false;

function postMessage(ctx: ApiContext, args: Args): ApiResult {
  const channel = resolveChannel(ctx.store, args.channel);
  if (!channel) return fail('channel_not_found');
  if (channel.isPrivate && !channel.botIsMember) return fail('not_in_channel');
  const content = messageContent(args);
  if (isFailure(content)) return content;
  const threadTs = rootTs(ctx.store, channel.id, str(args.thread_ts));
  const message = ctx.store.addMessage({ channel: channel.id, user: BOT_USER_ID, botId: BOT_ID, ...content, ...(threadTs ? { threadTs } : {}) });
  return { ok: true, channel: channel.id, ts: message.ts, message: { type: 'message', user: BOT_USER_ID, bot_id: BOT_ID, text: message.text, ts: message.ts, ...(threadTs ? { thread_ts: threadTs } : {}) } };
}

function postEphemeral(ctx: ApiContext, args: Args): ApiResult {
  const channel = resolveChannel(ctx.store, args.channel);
  if (!channel) return fail('channel_not_found');
  const user = str(args.user);
  if (user !== USER_ID) return fail('user_not_in_channel');
  const content = messageContent(args);
  if (isFailure(content)) return content;
  const threadTs = rootTs(ctx.store, channel.id, str(args.thread_ts));
  const message = ctx.store.addMessage({ channel: channel.id, user: BOT_USER_ID, botId: BOT_ID, ephemeralTo: user, ...content, ...(threadTs ? { threadTs } : {}) });
  return { ok: true, message_ts: message.ts };
}

function updateMessage(ctx: ApiContext, args: Args): ApiResult {
  const channel = resolveChannel(ctx.store, args.channel);
  const ts = str(args.ts);
  if (!channel) return fail('channel_not_found');
  const existing = ts ? ctx.store.message(channel.id, ts) : undefined;
  if (!existing || existing.ephemeralTo) return fail('message_not_found');
  if (existing.user !== BOT_USER_ID) return fail('cant_update_message');
  const updated = ctx.store.updateMessage(channel.id, existing.ts, {
    ...(typeof args.text === 'string' ? { text: args.text } : {}),
    ...(Array.isArray(args.blocks) ? { blocks: args.blocks } : {}),
  });
  return { ok: true, channel: channel.id, ts: existing.ts, text: updated?.text ?? '' };
}

function deleteMessage(ctx: ApiContext, args: Args): ApiResult {
  const channel = resolveChannel(ctx.store, args.channel);
  const ts = str(args.ts);
  if (!channel) return fail('channel_not_found');
  const existing = ts ? ctx.store.message(channel.id, ts) : undefined;
  if (!existing || existing.ephemeralTo) return fail('message_not_found');
  if (existing.user !== BOT_USER_ID) return fail('cant_delete_message');
  ctx.store.deleteMessage(channel.id, existing.ts);
  return { ok: true, channel: channel.id, ts: existing.ts };
}

const viewOut = (id: string, hash: string, view: Args) => ({ ...view, id, team_id: TEAM_ID, state: { values: {} }, hash, app_id: 'A0TOKCOST', bot_id: BOT_ID });

function openView(ctx: ApiContext, args: Args): ApiResult {
  const trigger = ctx.useTrigger(str(args.trigger_id) ?? '');
  if ('error' in trigger) return fail(trigger.error);
  const view = args.view as Args | undefined;
  if (!view || view.type !== 'modal' || !Array.isArray(view.blocks)) return fail('invalid_arguments');
  const record = ctx.store.openModal(trigger.user, view);
  return { ok: true, view: viewOut(record.id, record.hash, view) };
}

function updateView(ctx: ApiContext, args: Args): ApiResult {
  const view = args.view as Args | undefined;
  if (!view || !Array.isArray(view.blocks)) return fail('invalid_arguments');
  const record = ctx.store.updateModal(str(args.view_id) ?? '', view);
  if (!record) return fail('not_found');
  return { ok: true, view: viewOut(record.id, record.hash, view) };
}

function publishView(ctx: ApiContext, args: Args): ApiResult {
  const user = str(args.user_id);
  const view = args.view as Args | undefined;
  if (user !== USER_ID) return fail('user_not_found');
  if (!view || view.type !== 'home' || !Array.isArray(view.blocks)) return fail('invalid_arguments');
  const record = ctx.store.publishHome(user, view);
  return { ok: true, view: viewOut(record.id, record.hash, view) };
}

function getUploadUrl(ctx: ApiContext, args: Args): ApiResult {
  const filename = str(args.filename);
  const length = Number(args.length);
  if (!filename || !Number.isInteger(length) || length <= 0) return fail('invalid_arguments');
  const id = ctx.store.nextId('F');
  ctx.store.addFile({ id, filename, length, title: filename, mimetype: /\.png$/i.test(filename) ? 'image/png' : 'application/octet-stream', completed: false, ...(str(args.alt_text) ? { altText: str(args.alt_text)! } : {}) });
  return { ok: true, upload_url: `${ctx.baseUrl}upload/${id}`, file_id: id };
}

function completeUpload(ctx: ApiContext, args: Args): ApiResult {
  const list = Array.isArray(args.files) ? (args.files as { id?: string; title?: string }[]) : [];
  const files = list.map((f) => ctx.store.file(f.id ?? ''));
  if (list.length === 0 || files.some((f) => f === undefined || f.bytes === undefined)) return fail('file_not_found');
  const channelId = str(args.channel_id) ?? str(args.channels);
  const channel = channelId === undefined ? undefined : resolveChannel(ctx.store, channelId);
  if (channelId !== undefined && !channel) return fail('channel_not_found');
  if (channel && !channel.botIsMember) return fail('not_in_channel');
  list.forEach((f, i) => {
    const file = files[i] as StoredFile;
    if (f.title) file.title = f.title;
    file.completed = true;
  });
  if (channel) {
    const threadTs = rootTs(ctx.store, channel.id, str(args.thread_ts));
    const text = typeof args.initial_comment === 'string' ? args.initial_comment : '';
    ctx.store.addMessage({ channel: channel.id, user: BOT_USER_ID, botId: BOT_ID, text, fileIds: files.map((f) => f!.id), ...(threadTs ? { threadTs } : {}) });
  }
  return { ok: true, files: files.map((f) => ({ id: f!.id, name: f!.filename, title: f!.title, mimetype: f!.mimetype, size: f!.bytes!.length })) };
}

/** conversations.info: what the app reads of it is whether the bot is a member. */
function conversationInfo(ctx: ApiContext, args: Args): ApiResult {
  const channel = ctx.store.channel(str(args.channel) ?? '');
  if (!channel) return fail('channel_not_found');
  return { ok: true, channel: { id: channel.id, is_channel: !channel.isPrivate, is_private: channel.isPrivate, is_member: channel.botIsMember } };
}

const METHODS: Readonly<Record<string, (ctx: ApiContext, args: Args) => ApiResult>> = {
  'conversations.info': conversationInfo,
  'auth.test': () => ({ ok: true, url: 'http://127.0.0.1/', team: 'tokcost playground', user: 'tokcost', team_id: TEAM_ID, user_id: BOT_USER_ID, bot_id: BOT_ID, is_enterprise_install: false }),
  'chat.postMessage': postMessage,
  'chat.postEphemeral': postEphemeral,
  'chat.update': updateMessage,
  'chat.delete': deleteMessage,
  'views.open': openView,
  'views.update': updateView,
  'views.publish': publishView,
  'files.getUploadURLExternal': getUploadUrl,
  'files.completeUploadExternal': completeUpload,
};

export const SUPPORTED_METHODS: readonly string[] = Object.keys(METHODS);

/** Runs one Web API method; logs it in the store's activity log. */
export function callWebApi(ctx: ApiContext, method: string, args: Args): ApiResult {
  const handler = METHODS[method];
  const result = handler ? handler(ctx, args) : fail('unknown_method');
  const where = str(args.channel) ?? str(args.channel_id) ?? str(args.user_id) ?? '';
  ctx.store.log({
    direction: 'from-app',
    what: `${method}${where ? ` ${where}` : ''}`,
    ok: result.ok,
    ...(result.ok ? {} : { detail: handler ? String(result.error) : `${String(result.error)}: the playground does not implement ${method}` }),
  });
  return result;
}
