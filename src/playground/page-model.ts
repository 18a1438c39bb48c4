/**
 * The page's view of the conversation for one viewer: channels, visible messages rendered to HTML,
 * the open modal and App Home. Recomputed on every change; the browser only places the HTML.
 */
import type { ConversationStore, StoredMessage, ViewRecord } from './conversation-store.ts';
import { BOT_USER_ID, DISPLAY_NAMES } from './ids.ts';
import type { MrkdwnContext } from './mrkdwn.ts';
import { renderBlocks, renderText } from './render-blocks.ts';
import { rawJson, textObject, type RenderContext } from './render-elements.ts';

export interface PageFile {
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly isImage: boolean;
}

export interface PageMessage {
  readonly ts: string;
  readonly threadTs?: string;
  readonly user: string;
  readonly name: string;
  readonly isBot: boolean;
  readonly ephemeral: boolean;
  readonly system: boolean;
  readonly edited: boolean;
  readonly html: string;
  readonly files: readonly PageFile[];
  readonly unrendered: readonly string[];
}

export interface PageView {
  readonly id: string;
  readonly hash: string;
  readonly title: string;
  readonly submit?: string;
  readonly close: string;
  readonly html: string;
  readonly errors: Readonly<Record<string, string>>;
  readonly unrendered: readonly string[];
}

export const NAMES: MrkdwnContext = { userName: (id) => DISPLAY_NAMES[id] ?? (id === 'USLACKBOT' ? 'Slackbot' : undefined) };

function pageMessage(store: ConversationStore, m: StoredMessage): PageMessage {
  const rendered = m.blocks && m.blocks.length > 0 ? renderBlocks(m.blocks, NAMES) : { html: m.text ? renderText(m.text, NAMES) : '', unrendered: [] };
  const ctx: RenderContext = { ...NAMES, unrendered: [...rendered.unrendered] };
  const extra = m.extra && Object.keys(m.extra).length > 0 ? rawJson(m.extra, ctx, Object.keys(m.extra).join(', ')) : '';
  const files = (m.fileIds ?? []).flatMap((id) => {
    const file = store.file(id);
    return file ? [{ id, url: `/files/${id}`, title: file.title, isImage: file.mimetype.startsWith('image/') }] : [];
  });
  return {
    ts: m.ts,
    ...(m.threadTs ? { threadTs: m.threadTs } : {}),
    user: m.user,
    name: m.system ? 'Slackbot' : (NAMES.userName(m.user) ?? m.user),
    isBot: m.user === BOT_USER_ID,
    ephemeral: m.ephemeralTo !== undefined,
    system: m.system === true,
    edited: m.edited === true,
    html: rendered.html + extra,
    files,
    unrendered: ctx.unrendered,
  };
}

function pageView(record: ViewRecord): PageView {
  const blocks = Array.isArray(record.view.blocks) ? record.view.blocks : [];
  const rendered = renderBlocks(blocks, NAMES);
  const ctx: RenderContext = { ...NAMES, unrendered: [] };
  const text = (value: unknown, fallback: string) => (value ? textObject(value, ctx) : fallback);
  return {
    id: record.id,
    hash: record.hash,
    title: text(record.view.title, 'App'),
    ...(record.view.submit ? { submit: text(record.view.submit, 'Submit') } : {}),
    close: text(record.view.close, 'Cancel'),
    html: rendered.html,
    errors: record.errors,
    unrendered: [...rendered.unrendered, ...ctx.unrendered],
  };
}

export function pageState(store: ConversationStore, viewer: string) {
  const channels = store.channels();
  const messages = Object.fromEntries(channels.map((c) => [c.id, store.visibleMessages(c.id, viewer).map((m) => pageMessage(store, m))]));
  const modal = store.modal(viewer);
  const home = store.home(viewer);
  return {
    version: store.version,
    me: { id: viewer, name: NAMES.userName(viewer) ?? viewer },
    channels: channels.map((c) => ({ id: c.id, name: c.name, kind: c.kind, topic: c.topic, botIsMember: c.botIsMember, isPrivate: c.isPrivate === true })),
    messages,
    ...(modal ? { modal: pageView(modal) } : {}),
    ...(home ? { home: pageView(home) } : {}),
    log: store.logs().slice(-60),
  };
}

export type PageState = ReturnType<typeof pageState>;
