/**
 * The one persistence interface tokcost needs: thread context, workspace settings (with who changed
 * what), usage counts, and everything replicas must share to answer each request once: processed
 * event keys, seen request signatures, the per-user rate limit, and claimed work with a lease.
 * Every read and write about a workspace is scoped to its Slack team id. Two implementations keep
 * the same contract: SQLite (the zero-setup default, one process) and Postgres (several replicas).
 * Every method is async because Postgres is; SQLite answers at once.
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

/** One change to a workspace's settings, for the audit trail shown by `settings`. */
export interface SettingsChange {
  readonly changedAt: string;
  /** Slack user id of who made the change. */
  readonly userId: string;
  /** `price <platform>`, `power` or `reset`. */
  readonly setting: string;
  /** Previous and new value as shown to people ("$2.10 / GPU-hour"); absent when there was none. */
  readonly before?: string;
  readonly after?: string;
}

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

export interface RateVerdict {
  readonly allowed: boolean;
  /** When refused: seconds until the oldest question in the window leaves it. */
  readonly retryAfterSeconds: number;
}

/** A request claimed by one replica; another may take it over once `leaseUntilMs` passes. */
export interface WorkItem {
  readonly workKey: string;
  readonly teamId: string;
  /** The Slack request body (JSON), replayed by whoever finishes it. */
  readonly payload: unknown;
  readonly owner: string;
  readonly attempts: number;
}

/** What a replica may do about one outward step (a post) of a piece of work. */
export type StepState =
  | { readonly state: 'new' }
  | { readonly state: 'done'; readonly result: unknown }
  /** Started but never confirmed (the replica died mid-call): it may have landed, so never repeat it. */
  | { readonly state: 'uncertain' };

export interface StoreHealth {
  readonly ok: boolean;
  readonly kind: 'sqlite' | 'postgres';
  readonly latencyMs: number;
  /** Why it is not ok (no secrets). */
  readonly problem?: string;
}

export interface TokcostStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Saves an answer; with a threadTs it becomes that thread's last answer (one transaction). */
  saveAnswer(answer: Omit<StoredAnswer, 'createdAt'>): Promise<StoredAnswer>;
  answer(teamId: string, answerId: string): Promise<StoredAnswer | undefined>;
  lastAnswerInThread(key: ThreadKey): Promise<StoredAnswer | undefined>;

  settings(teamId: string): Promise<WorkspaceSettings>;
  /** Each change is recorded with `userId` in the audit trail, in the same transaction. */
  setGpuPrice(teamId: string, platform: string, dollarsPerGpuHour: number, userId: string): Promise<WorkspaceSettings>;
  setPowerPrice(teamId: string, dollarsPerKwh: number, userId: string): Promise<WorkspaceSettings>;
  resetSettings(teamId: string, userId: string): Promise<void>;
  /** The most recent changes first. */
  settingsHistory(teamId: string, limit: number): Promise<readonly SettingsChange[]>;

  /**
   * True the first time a key is seen for the team (event_id, message ts); false for repeats. A
   * `claimant` (the work key) that claimed it before may claim it again: a replica finishing another's
   * work replays the same request.
   */
  claimEvent(teamId: string, key: string, claimant?: string): Promise<boolean>;
  /** True the first time a request signature is seen; remembered until `expiresAtMs`. */
  claimSignature(signature: string, nowMs: number, expiresAtMs: number): Promise<boolean>;
  /**
   * Counts a question in a 60-second window shared by every replica; refusals don't count. A ticket
   * (the work key) already counted is allowed again without counting twice.
   */
  takeRateLimit(teamId: string, userId: string, perMinute: number, nowMs: number, ticket?: string): Promise<RateVerdict>;

  /** Claims new work for `owner` until `leaseUntilMs`; false when the key exists (a retry or a duplicate). */
  beginWork(item: { readonly workKey: string; readonly teamId: string; readonly payload: unknown; readonly owner: string }, nowMs: number, leaseUntilMs: number): Promise<boolean>;
  /** Extends the lease; false when the work is no longer this owner's (taken over, or finished). */
  renewWork(workKey: string, owner: string, leaseUntilMs: number): Promise<boolean>;
  finishWork(workKey: string, owner: string, nowMs: number): Promise<void>;
  /**
   * Takes over running work whose lease has passed (at most `limit`, each at most `maxAttempts` times;
   * beyond that it is marked failed). Replicas never take the same item (row locks, SKIP LOCKED).
   */
  claimAbandonedWork(owner: string, nowMs: number, leaseUntilMs: number, limit: number, maxAttempts: number): Promise<readonly WorkItem[]>;
  /** Marks an outward step as started, or says it was done (with its result) or may have been. */
  beginStep(workKey: string, stepKey: string, nowMs: number): Promise<StepState>;
  finishStep(workKey: string, stepKey: string, result: unknown): Promise<void>;

  recordUsage(teamId: string, kind: UsageKind): Promise<void>;
  usage(teamId: string): Promise<Readonly<Record<UsageKind, number>>>;

  /** A cheap round trip, for /healthz. Never throws. */
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}

export const zeroUsage = (): Record<UsageKind, number> => Object.fromEntries(USAGE_KINDS.map((k) => [k, 0])) as Record<UsageKind, number>;

/** Rows of (kind, count) -> counts for every known kind. */
export function usageFromRows(rows: readonly { kind: string; count: number | string }[]): Record<UsageKind, number> {
  const counts = zeroUsage();
  for (const row of rows) if ((USAGE_KINDS as readonly string[]).includes(row.kind)) counts[row.kind as UsageKind] = Number(row.count);
  return counts;
}

/** How long event keys and work records are kept (Slack retries within minutes; a day is ample). */
export const RETENTION_MS = 24 * 60 * 60 * 1000;
export const RATE_WINDOW_MS = 60_000;
