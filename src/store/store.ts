/**
 * The one persistence interface tokcost needs: thread context, workspace settings, processed
 * event ids and usage counts. Every read and write is scoped to a Slack team id, so one
 * workspace never sees another's data. Queries and reports are stored as opaque JSON.
 */

/** Per-workspace overrides, passed into every answer and named in its assumptions. */
export interface WorkspaceSettings {
  /** Platform id -> $ per GPU-hour, set with `/tokcost set price <platform> <dollars>`. */
  readonly dollarsPerGpuHour: Readonly<Record<string, number>>;
  /** Electricity price, set with `/tokcost set power <dollars per kWh>`. */
  readonly dollarsPerKwh?: number;
  /** ISO timestamp of the last change; absent when nothing was ever set. */
  readonly updatedAt?: string;
}

export const EMPTY_SETTINGS: WorkspaceSettings = { dollarsPerGpuHour: {} };

export interface StoredAnswer {
  readonly teamId: string;
  /** Short random id carried by the answer's buttons. */
  readonly answerId: string;
  readonly channelId: string;
  /** Thread the answer lives in; absent for ephemeral answers. */
  readonly threadTs?: string;
  /** JSON-serialisable query (the advisor's StoredQuery). */
  readonly query: unknown;
  /** JSON-serialisable report the answer rendered. */
  readonly report: unknown;
  readonly createdAt: string;
}

export interface ThreadKey {
  readonly teamId: string;
  readonly channelId: string;
  readonly threadTs: string;
}

export const USAGE_KINDS = ['answer', 'follow-up', 'form', 'problems', 'error'] as const;
export type UsageKind = (typeof USAGE_KINDS)[number];

export interface TokcostStore {
  /** Saves an answer; with a threadTs it becomes that thread's last answer (one transaction). */
  saveAnswer(answer: Omit<StoredAnswer, 'createdAt'>): StoredAnswer;
  answer(teamId: string, answerId: string): StoredAnswer | undefined;
  lastAnswerInThread(key: ThreadKey): StoredAnswer | undefined;

  settings(teamId: string): WorkspaceSettings;
  setGpuPrice(teamId: string, platform: string, dollarsPerGpuHour: number): WorkspaceSettings;
  setPowerPrice(teamId: string, dollarsPerKwh: number): WorkspaceSettings;
  resetSettings(teamId: string): void;

  /** True the first time a key is seen for the team (event_id, message ts); false for repeats. */
  claimEvent(teamId: string, key: string): boolean;

  recordUsage(teamId: string, kind: UsageKind): void;
  usage(teamId: string): Readonly<Record<UsageKind, number>>;

  close(): void;
}
