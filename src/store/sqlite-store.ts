/**
 * TokcostStore on better-sqlite3: WAL journal, one transaction per logical write, versioned
 * migrations (see migrations.ts). Survives restarts: open the same file again and carry on. The
 * zero-setup default for one process; several replicas share a Postgres store instead.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations.ts';
import { ensureFolderFor } from './ensure-folder.ts';
import { retryAfterSeconds, settingValue, toAnswer, toChange, toSettings, toWork, type AnswerRow, type ChangeRow, type PowerRow, type PriceRow, type WorkRow } from './rows.ts';
import { StoreError, faultOf, storeOpenFailure } from './store-errors.ts';
import { RATE_WINDOW_MS, RETENTION_MS, usageFromRows, type StepState, type ThreadKey, type TokcostStore, type UsageKind, type WorkspaceSettings } from './store.ts';

export interface SqliteStoreOptions {
  /** File path, or ':memory:'. */
  readonly path: string;
  readonly now?: () => Date;
  /** How long processed event keys and finished work are remembered (Slack retries within minutes). */
  readonly eventRetentionMs?: number;
}

/** SQLite says only "unable to open database file": find out whether the file or its folder is read-only. */
function readOnlyReason(path: string): string | undefined {
  const writable = (target: string) => {
    try {
      accessSync(target, constants.W_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (existsSync(path) && !writable(path)) return 'the file is read-only for this user';
  // WAL mode creates -wal and -shm files beside the database.
  if (existsSync(dirname(path)) && !writable(dirname(path))) return `its folder ${dirname(path)} is read-only for this user (SQLite needs to create its -wal and -shm files there)`;
  return undefined;
}

function openDatabase(path: string): Database.Database {
  try {
    if (path !== ':memory:') ensureFolderFor(path);
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return db;
  } catch (error) {
    const readOnly = path === ':memory:' ? undefined : readOnlyReason(path);
    throw storeOpenFailure(path, readOnly ? Object.assign(new Error(readOnly), { code: 'EROFS', cause: error }) : error);
  }
}

/** Driver errors become StoreErrors (a full disk, a file made read-only) so listeners can say what happened. */
const guarded = <A extends unknown[], R>(fn: (...args: A) => R) => async (...args: A): Promise<Awaited<R>> => {
  try {
    return (await fn(...args)) as Awaited<R>;
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw new StoreError(faultOf(error), `SQLite store: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
};

/** Opens (creating if needed) the SQLite store at `path` and applies pending migrations. */
export function openSqliteStore(options: SqliteStoreOptions): TokcostStore {
  const now = options.now ?? (() => new Date());
  const retentionMs = options.eventRetentionMs ?? RETENTION_MS;
  const db = openDatabase(options.path);
  const q = prepare(db);

  const settings = (teamId: string): WorkspaceSettings => toSettings(q.prices.all(teamId) as PriceRow[], q.workspace.get(teamId) as PowerRow | undefined);
  const audit = (teamId: string, userId: string, setting: string, before: number | undefined, after: number | undefined) =>
    q.insertChange.run(teamId, now().toISOString(), userId, setting, settingValue(before), settingValue(after));

  let writesSincePrune = 0;
  const pruneNow = (nowMs: number) => {
    if (writesSincePrune++ % 200 !== 0) return;
    q.pruneEvents.run(nowMs - retentionMs);
    q.pruneSignatures.run(nowMs);
    q.pruneRates.run(nowMs - RATE_WINDOW_MS);
    q.pruneSteps.run(nowMs - retentionMs);
    q.pruneWork.run(nowMs - retentionMs);
  };

  const saveAnswer = db.transaction((answer: Parameters<TokcostStore['saveAnswer']>[0], createdAt: string) => {
    q.insertAnswer.run({
      teamId: answer.teamId,
      answerId: answer.answerId,
      channelId: answer.channelId,
      threadTs: answer.threadTs ?? null,
      queryJson: JSON.stringify(answer.query),
      reportJson: JSON.stringify(answer.report),
      createdAt,
    });
    if (answer.threadTs !== undefined) q.upsertThread.run(answer.teamId, answer.channelId, answer.threadTs, answer.answerId, createdAt);
  });

  const takeRate = db.transaction((teamId: string, userId: string, perMinute: number, nowMs: number, ticket: string) => {
    if (q.rateTicket.get(ticket) !== undefined) return { allowed: true, retryAfterSeconds: 0 };
    const inWindow = q.rateWindow.all(teamId, userId, nowMs - RATE_WINDOW_MS) as { at_ms: number }[];
    if (inWindow.length >= perMinute) return { allowed: false, retryAfterSeconds: retryAfterSeconds(inWindow[0]!.at_ms, nowMs, RATE_WINDOW_MS) };
    q.insertRate.run(ticket, teamId, userId, nowMs);
    return { allowed: true, retryAfterSeconds: 0 };
  });

  const claimAbandoned = db.transaction((owner: string, nowMs: number, leaseUntilMs: number, limit: number, maxAttempts: number) => {
    q.failExhausted.run(nowMs, maxAttempts);
    const rows = q.abandoned.all(nowMs, maxAttempts, limit) as WorkRow[];
    for (const row of rows) q.takeOver.run(owner, leaseUntilMs, row.work_key);
    return rows.map((row) => toWork({ ...row, owner, attempts: row.attempts + 1 }));
  });

  const beginStep = db.transaction((workKey: string, stepKey: string, nowMs: number): StepState => {
    const row = q.step.get(workKey, stepKey) as { state: string; result_json: string | null } | undefined;
    if (row === undefined) {
      q.insertStep.run(workKey, stepKey, nowMs);
      return { state: 'new' };
    }
    return row.state === 'done' ? { state: 'done', result: row.result_json === null ? null : (JSON.parse(row.result_json) as unknown) } : { state: 'uncertain' };
  });

  return {
    kind: 'sqlite',
    saveAnswer: guarded((answer) => {
      const createdAt = now().toISOString();
      saveAnswer(answer, createdAt);
      return { ...answer, createdAt };
    }),
    answer: guarded((teamId: string, answerId: string) => {
      const row = q.answer.get(teamId, answerId) as AnswerRow | undefined;
      return row ? toAnswer(row) : undefined;
    }),
    lastAnswerInThread: guarded((key: ThreadKey) => {
      const row = q.lastInThread.get(key.teamId, key.channelId, key.threadTs) as AnswerRow | undefined;
      return row ? toAnswer(row) : undefined;
    }),
    settings: guarded(settings),
    setGpuPrice: guarded((teamId: string, platform: string, dollars: number, userId: string) => {
      db.transaction(() => {
        audit(teamId, userId, `price ${platform}`, settings(teamId).dollarsPerGpuHour[platform], dollars);
        q.upsertPrice.run(teamId, platform, dollars, now().toISOString());
      })();
      return settings(teamId);
    }),
    setPowerPrice: guarded((teamId: string, dollarsPerKwh: number, userId: string) => {
      db.transaction(() => {
        audit(teamId, userId, 'power', settings(teamId).dollarsPerKwh, dollarsPerKwh);
        q.upsertPower.run(teamId, dollarsPerKwh, now().toISOString());
      })();
      return settings(teamId);
    }),
    resetSettings: guarded((teamId: string, userId: string) => {
      db.transaction(() => {
        audit(teamId, userId, 'reset', undefined, undefined);
        q.deletePrices.run(teamId);
        q.deleteWorkspace.run(teamId);
      })();
    }),
    settingsHistory: guarded((teamId: string, limit: number) => (q.changes.all(teamId, limit) as ChangeRow[]).map(toChange)),
    claimEvent: guarded((teamId: string, key: string, claimant?: string) => {
      const nowMs = now().getTime();
      return db.transaction(() => {
        pruneNow(nowMs);
        if (q.claim.run(teamId, key, nowMs, claimant ?? null).changes === 1) return true;
        const row = q.claimantOf.get(teamId, key) as { claimant: string | null } | undefined;
        return claimant !== undefined && row?.claimant === claimant;
      })();
    }),
    claimSignature: guarded((signature: string, nowMs: number, expiresAtMs: number) => {
      pruneNow(nowMs);
      return q.claimSignature.run(signature, expiresAtMs, nowMs).changes === 1;
    }),
    takeRateLimit: guarded((teamId: string, userId: string, perMinute: number, nowMs: number, ticket?: string) => {
      if (perMinute <= 0) return { allowed: true, retryAfterSeconds: 0 };
      return takeRate.immediate(teamId, userId, perMinute, nowMs, ticket ?? `anon:${nowMs}:${Math.random()}`);
    }),
    beginWork: guarded((item: { workKey: string; teamId: string; payload: unknown; owner: string }, nowMs: number, leaseUntilMs: number) => {
      pruneNow(nowMs);
      return q.insertWork.run(item.workKey, item.teamId, JSON.stringify(item.payload), item.owner, leaseUntilMs, nowMs).changes === 1;
    }),
    renewWork: guarded((workKey: string, owner: string, leaseUntilMs: number) => q.renew.run(leaseUntilMs, workKey, owner).changes === 1),
    finishWork: guarded((workKey: string, owner: string, nowMs: number) => {
      q.finish.run(nowMs, workKey, owner);
    }),
    claimAbandonedWork: guarded((owner: string, nowMs: number, leaseUntilMs: number, limit: number, maxAttempts: number) =>
      claimAbandoned.immediate(owner, nowMs, leaseUntilMs, limit, maxAttempts),
    ),
    beginStep: guarded((workKey: string, stepKey: string, nowMs: number) => beginStep.immediate(workKey, stepKey, nowMs)),
    finishStep: guarded((workKey: string, stepKey: string, result: unknown) => {
      q.finishStep.run(JSON.stringify(result ?? null), workKey, stepKey);
    }),
    recordUsage: guarded((teamId: string, kind: UsageKind) => {
      q.bumpUsage.run(teamId, kind);
    }),
    usage: guarded((teamId: string) => usageFromRows(q.usage.all(teamId) as { kind: string; count: number }[])),
    health: async () => {
      const started = performance.now();
      try {
        db.prepare('SELECT version FROM schema_version').get();
        return { ok: true, kind: 'sqlite', latencyMs: performance.now() - started };
      } catch (error) {
        return { ok: false, kind: 'sqlite', latencyMs: performance.now() - started, problem: error instanceof Error ? error.message : String(error) };
      }
    },
    close: async () => {
      if (db.open) db.close();
    },
  };
}

function prepare(db: Database.Database) {
  return {
    insertAnswer: db.prepare(
      `INSERT INTO answers (team_id, answer_id, channel_id, thread_ts, query_json, report_json, created_at)
       VALUES (@teamId, @answerId, @channelId, @threadTs, @queryJson, @reportJson, @createdAt)
       ON CONFLICT (team_id, answer_id) DO UPDATE SET channel_id = excluded.channel_id, thread_ts = excluded.thread_ts,
         query_json = excluded.query_json, report_json = excluded.report_json`,
    ),
    upsertThread: db.prepare(
      `INSERT INTO threads (team_id, channel_id, thread_ts, answer_id, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (team_id, channel_id, thread_ts) DO UPDATE SET answer_id = excluded.answer_id, updated_at = excluded.updated_at`,
    ),
    answer: db.prepare('SELECT * FROM answers WHERE team_id = ? AND answer_id = ?'),
    lastInThread: db.prepare(
      `SELECT a.* FROM threads t JOIN answers a ON a.team_id = t.team_id AND a.answer_id = t.answer_id
       WHERE t.team_id = ? AND t.channel_id = ? AND t.thread_ts = ?`,
    ),
    prices: db.prepare('SELECT platform, dollars_per_gpu_hour, updated_at FROM gpu_prices WHERE team_id = ? ORDER BY platform'),
    workspace: db.prepare('SELECT dollars_per_kwh, updated_at FROM workspace_settings WHERE team_id = ?'),
    upsertPrice: db.prepare(
      `INSERT INTO gpu_prices (team_id, platform, dollars_per_gpu_hour, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (team_id, platform) DO UPDATE SET dollars_per_gpu_hour = excluded.dollars_per_gpu_hour, updated_at = excluded.updated_at`,
    ),
    upsertPower: db.prepare(
      `INSERT INTO workspace_settings (team_id, dollars_per_kwh, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (team_id) DO UPDATE SET dollars_per_kwh = excluded.dollars_per_kwh, updated_at = excluded.updated_at`,
    ),
    deletePrices: db.prepare('DELETE FROM gpu_prices WHERE team_id = ?'),
    deleteWorkspace: db.prepare('DELETE FROM workspace_settings WHERE team_id = ?'),
    insertChange: db.prepare('INSERT INTO settings_changes (team_id, changed_at, user_id, setting, before_value, after_value) VALUES (?, ?, ?, ?, ?, ?)'),
    changes: db.prepare('SELECT changed_at, user_id, setting, before_value, after_value FROM settings_changes WHERE team_id = ? ORDER BY id DESC LIMIT ?'),
    claim: db.prepare('INSERT OR IGNORE INTO processed_events (team_id, event_key, seen_at_ms, claimant) VALUES (?, ?, ?, ?)'),
    claimantOf: db.prepare('SELECT claimant FROM processed_events WHERE team_id = ? AND event_key = ?'),
    pruneEvents: db.prepare('DELETE FROM processed_events WHERE seen_at_ms < ?'),
    claimSignature: db.prepare(
      `INSERT INTO seen_signatures (signature, expires_at_ms) VALUES (?, ?)
       ON CONFLICT (signature) DO UPDATE SET expires_at_ms = excluded.expires_at_ms WHERE seen_signatures.expires_at_ms <= ?`,
    ),
    pruneSignatures: db.prepare('DELETE FROM seen_signatures WHERE expires_at_ms <= ?'),
    rateTicket: db.prepare('SELECT 1 FROM rate_events WHERE ticket = ?'),
    rateWindow: db.prepare('SELECT at_ms FROM rate_events WHERE team_id = ? AND user_id = ? AND at_ms > ? ORDER BY at_ms'),
    insertRate: db.prepare('INSERT INTO rate_events (ticket, team_id, user_id, at_ms) VALUES (?, ?, ?, ?)'),
    pruneRates: db.prepare('DELETE FROM rate_events WHERE at_ms <= ?'),
    insertWork: db.prepare(
      `INSERT OR IGNORE INTO work_items (work_key, team_id, payload_json, owner, state, lease_until_ms, attempts, created_at_ms)
       VALUES (?, ?, ?, ?, 'running', ?, 1, ?)`,
    ),
    renew: db.prepare(`UPDATE work_items SET lease_until_ms = ? WHERE work_key = ? AND owner = ? AND state = 'running'`),
    finish: db.prepare(`UPDATE work_items SET state = 'done', lease_until_ms = ? WHERE work_key = ? AND owner = ?`),
    failExhausted: db.prepare(`UPDATE work_items SET state = 'failed' WHERE state = 'running' AND lease_until_ms < ? AND attempts >= ?`),
    abandoned: db.prepare(
      `SELECT work_key, team_id, payload_json, owner, attempts FROM work_items
       WHERE state = 'running' AND lease_until_ms < ? AND attempts < ? ORDER BY created_at_ms LIMIT ?`,
    ),
    takeOver: db.prepare('UPDATE work_items SET owner = ?, lease_until_ms = ?, attempts = attempts + 1 WHERE work_key = ?'),
    pruneWork: db.prepare(`DELETE FROM work_items WHERE state <> 'running' AND created_at_ms < ?`),
    step: db.prepare('SELECT state, result_json FROM work_steps WHERE work_key = ? AND step_key = ?'),
    insertStep: db.prepare(`INSERT INTO work_steps (work_key, step_key, state, started_at_ms) VALUES (?, ?, 'started', ?)`),
    finishStep: db.prepare(`UPDATE work_steps SET state = 'done', result_json = ? WHERE work_key = ? AND step_key = ?`),
    pruneSteps: db.prepare('DELETE FROM work_steps WHERE started_at_ms < ?'),
    bumpUsage: db.prepare(
      `INSERT INTO usage_counts (team_id, kind, count) VALUES (?, ?, 1)
       ON CONFLICT (team_id, kind) DO UPDATE SET count = count + 1`,
    ),
    usage: db.prepare('SELECT kind, count FROM usage_counts WHERE team_id = ?'),
  };
}
