/**
 * What the stand-in Slack remembers, in memory: channels, messages and threads (ephemeral ones per
 * user), uploaded files, the open modal and App Home view per user, and a short activity log.
 * Every change bumps `version` and notifies subscribers (the page's Server-Sent Events).
 */
import type { ChannelSeed } from './ids.ts';

export interface Channel extends ChannelSeed {}

export interface StoredMessage {
  readonly channel: string;
  readonly ts: string;
  /** Author: a user id; bot messages also carry botId. */
  readonly user: string;
  readonly botId?: string;
  text: string;
  blocks?: unknown[];
  /** Anything else the app sent that the page may not know (attachments, metadata...). */
  extra?: Record<string, unknown>;
  /** Thread parent ts; absent for top-level messages (a parent's own thread_ts is not stored). */
  readonly threadTs?: string;
  readonly fileIds?: readonly string[];
  /** Only this user sees it. */
  readonly ephemeralTo?: string;
  /** Slackbot-style notices from the stand-in itself (not from the app). */
  readonly system?: boolean;
  edited?: boolean;
}

export interface StoredFile {
  readonly id: string;
  readonly filename: string;
  readonly length: number;
  title: string;
  altText?: string;
  bytes?: Buffer;
  mimetype: string;
  completed: boolean;
}

export interface ViewRecord {
  readonly id: string;
  readonly user: string;
  view: Record<string, unknown>;
  hash: string;
  /** Per block_id messages from a `response_action: errors` ack. */
  errors: Record<string, string>;
}

export interface LogEntry {
  readonly at: number;
  readonly direction: 'to-app' | 'from-app' | 'note';
  readonly what: string;
  readonly ok: boolean;
  readonly detail?: string;
}

const LOG_MAX = 200;

export class ConversationStore {
  private readonly channelsById = new Map<string, Channel>();
  private readonly messageList: StoredMessage[] = [];
  private readonly files = new Map<string, StoredFile>();
  private readonly modals = new Map<string, ViewRecord>();
  private readonly homes = new Map<string, ViewRecord>();
  private readonly logEntries: LogEntry[] = [];
  private readonly listeners = new Set<(version: number) => void>();
  private lastTsMicros = 0;
  private counter = 0;
  version = 0;

  constructor(channels: readonly ChannelSeed[]) {
    for (const c of channels) this.channelsById.set(c.id, { ...c });
  }

  /** Called after every change with the new version; returns an unsubscribe function. */
  subscribe(listener: (version: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener(this.version);
  }

  /** Unique, increasing Slack-style ts ("1700000000.000123"). */
  nextTs(now = Date.now()): string {
    this.lastTsMicros = Math.max(this.lastTsMicros + 1, now * 1000);
    const seconds = Math.floor(this.lastTsMicros / 1e6);
    return `${seconds}.${String(this.lastTsMicros % 1e6).padStart(6, '0')}`;
  }

  /** A short unique id with a Slack-like prefix ('F', 'V', ...). */
  nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}0PG${String(this.counter).padStart(5, '0')}`;
  }

  channels(): readonly Channel[] {
    return [...this.channelsById.values()];
  }

  channel(id: string): Channel | undefined {
    return this.channelsById.get(id);
  }

  addMessage(message: Omit<StoredMessage, 'ts'> & { ts?: string }): StoredMessage {
    const stored: StoredMessage = { ...message, ts: message.ts ?? this.nextTs() };
    this.messageList.push(stored);
    this.changed();
    return stored;
  }

  message(channel: string, ts: string): StoredMessage | undefined {
    return this.messageList.find((m) => m.channel === channel && m.ts === ts);
  }

  updateMessage(channel: string, ts: string, patch: { text?: string; blocks?: unknown[] }): StoredMessage | undefined {
    const found = this.message(channel, ts);
    if (!found) return undefined;
    if (patch.text !== undefined) found.text = patch.text;
    if (patch.blocks !== undefined) found.blocks = patch.blocks;
    found.edited = true;
    this.changed();
    return found;
  }

  deleteMessage(channel: string, ts: string): boolean {
    const index = this.messageList.findIndex((m) => m.channel === channel && m.ts === ts);
    if (index < 0) return false;
    this.messageList.splice(index, 1);
    this.changed();
    return true;
  }

  /** Messages `viewer` can see in a channel (ephemeral ones only for their user), oldest first. */
  visibleMessages(channel: string, viewer: string): StoredMessage[] {
    return this.messageList
      .filter((m) => m.channel === channel && (m.ephemeralTo === undefined || m.ephemeralTo === viewer))
      .sort((a, b) => Number(a.ts) - Number(b.ts));
  }

  addFile(file: StoredFile): void {
    this.files.set(file.id, file);
  }

  file(id: string): StoredFile | undefined {
    return this.files.get(id);
  }

  openModal(user: string, view: Record<string, unknown>): ViewRecord {
    const record: ViewRecord = { id: this.nextId('V'), user, view, hash: this.nextTs(), errors: {} };
    this.modals.set(user, record);
    this.changed();
    return record;
  }

  modal(user: string): ViewRecord | undefined {
    return this.modals.get(user);
  }

  modalById(viewId: string): ViewRecord | undefined {
    return [...this.modals.values()].find((v) => v.id === viewId);
  }

  /** Replaces the open modal's view (views.update, response_action: update); clears errors. */
  updateModal(viewId: string, view: Record<string, unknown>): ViewRecord | undefined {
    const record = this.modalById(viewId);
    if (!record) return undefined;
    record.view = view;
    record.hash = this.nextTs();
    record.errors = {};
    this.changed();
    return record;
  }

  setModalErrors(viewId: string, errors: Record<string, string>): void {
    const record = this.modalById(viewId);
    if (!record) return;
    record.errors = errors;
    this.changed();
  }

  closeModal(user: string): void {
    if (this.modals.delete(user)) this.changed();
  }

  publishHome(user: string, view: Record<string, unknown>): ViewRecord {
    const existing = this.homes.get(user);
    const record: ViewRecord = { id: existing?.id ?? this.nextId('V'), user, view, hash: this.nextTs(), errors: {} };
    this.homes.set(user, record);
    this.changed();
    return record;
  }

  home(user: string): ViewRecord | undefined {
    return this.homes.get(user);
  }

  viewById(viewId: string): ViewRecord | undefined {
    return this.modalById(viewId) ?? [...this.homes.values()].find((v) => v.id === viewId);
  }

  log(entry: Omit<LogEntry, 'at'>): void {
    this.logEntries.push({ ...entry, at: Date.now() });
    if (this.logEntries.length > LOG_MAX) this.logEntries.splice(0, this.logEntries.length - LOG_MAX);
    this.changed();
  }

  logs(): readonly LogEntry[] {
    return this.logEntries;
  }
}
