/**
 * TokcostStore on better-sqlite3: WAL journal, one transaction per logical write, versioned
 * migrations (see migrations.ts). Survives restarts: open the same file again and carry on.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations.ts';
import {
  EMPTY_SETTINGS,
  USAGE_KINDS,
  type StoredAnswer,
  type ThreadKey,
  type TokcostStore,
  type UsageKind,
  type WorkspaceSettings,
} from './store.ts';

export interface SqliteStoreOptions {
  /** File path, or ':memory:'. */
  readonly path: string;
  readonly now?: () => Date;
  /** How long processed event keys are remembered (Slack retries within minutes). */
  readonly eventRetentionMs?: number;
}

interface AnswerRow {
  team_id: string;
  answer_id: string;
  channel_id: string;
  thread_ts: string | null;
  query_json: string;
  report_json: string;
  created_at: string;
}

const toAnswer = (row: AnswerRow): StoredAnswer => ({
  teamId: row.team_id,
  answerId: row.answer_id,
  channelId: row.channel_id,
  ...(row.thread_ts === null ? {} : { threadTs: row.thread_ts }),
  query: JSON.parse(row.query_json) as unknown,
  report: JSON.parse(row.report_json) as unknown,
  createdAt: row.created_at,
});

/** Opens (creating if needed) the SQLite store at `path` and applies pending migrations. */
export function openSqliteStore(options: SqliteStoreOptions): TokcostStore {
  const now = options.now ?? (() => new Date());
  const retentionMs = options.eventRetentionMs ?? 24 * 60 * 60 * 1000;
  if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
  const db = new Database(options.path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const q = {
    insertAnswer: db.prepare(
      `INSERT INTO answers (team_id, answer_id, channel_id, thread_ts, query_json, report_json, created_at)
       VALUES (@teamId, @answerId, @channelId, @threadTs, @queryJson, @reportJson, @createdAt)`,
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
    claim: db.prepare('INSERT OR IGNORE INTO processed_events (team_id, event_key, seen_at_ms) VALUES (?, ?, ?)'),
    pruneEvents: db.prepare('DELETE FROM processed_events WHERE seen_at_ms < ?'),
    bumpUsage: db.prepare(
      `INSERT INTO usage_counts (team_id, kind, count) VALUES (?, ?, 1)
       ON CONFLICT (team_id, kind) DO UPDATE SET count = count + 1`,
    ),
    usage: db.prepare('SELECT kind, count FROM usage_counts WHERE team_id = ?'),
  };

  const settings = (teamId: string): WorkspaceSettings => {
    const prices = q.prices.all(teamId) as { platform: string; dollars_per_gpu_hour: number; updated_at: string }[];
    const ws = q.workspace.get(teamId) as { dollars_per_kwh: number | null; updated_at: string } | undefined;
    if (prices.length === 0 && ws === undefined) return EMPTY_SETTINGS;
    const stamps = [...prices.map((p) => p.updated_at), ...(ws ? [ws.updated_at] : [])].sort();
    return {
      dollarsPerGpuHour: Object.fromEntries(prices.map((p) => [p.platform, p.dollars_per_gpu_hour])),
      ...(ws?.dollars_per_kwh == null ? {} : { dollarsPerKwh: ws.dollars_per_kwh }),
      ...(stamps.length > 0 ? { updatedAt: stamps[stamps.length - 1] } : {}),
    };
  };

  let claimsSincePrune = 0;
  const saveAnswer = db.transaction((answer: Omit<StoredAnswer, 'createdAt'>, createdAt: string) => {
    q.insertAnswer.run({
      teamId: answer.teamId,
      answerId: answer.answerId,
      channelId: answer.channelId,
      threadTs: answer.threadTs ?? null,
      queryJson: JSON.stringify(answer.query),
      reportJson: JSON.stringify(answer.report),
      createdAt,
    });
    if (answer.threadTs !== undefined) {
      q.upsertThread.run(answer.teamId, answer.channelId, answer.threadTs, answer.answerId, createdAt);
    }
  });

  return {
    saveAnswer(answer) {
      const createdAt = now().toISOString();
      saveAnswer(answer, createdAt);
      return { ...answer, createdAt };
    },
    answer(teamId, answerId) {
      const row = q.answer.get(teamId, answerId) as AnswerRow | undefined;
      return row ? toAnswer(row) : undefined;
    },
    lastAnswerInThread(key: ThreadKey) {
      const row = q.lastInThread.get(key.teamId, key.channelId, key.threadTs) as AnswerRow | undefined;
      return row ? toAnswer(row) : undefined;
    },
    settings,
    setGpuPrice: (teamId, platform, dollars) => {
      db.transaction(() => q.upsertPrice.run(teamId, platform, dollars, now().toISOString()))();
      return settings(teamId);
    },
    setPowerPrice: (teamId, dollarsPerKwh) => {
      db.transaction(() => q.upsertPower.run(teamId, dollarsPerKwh, now().toISOString()))();
      return settings(teamId);
    },
    resetSettings: (teamId) => {
      db.transaction(() => {
        q.deletePrices.run(teamId);
        q.deleteWorkspace.run(teamId);
      })();
    },
    claimEvent: (teamId, key) => {
      const nowMs = now().getTime();
      return db.transaction(() => {
        if (claimsSincePrune++ % 100 === 0) q.pruneEvents.run(nowMs - retentionMs);
        return q.claim.run(teamId, key, nowMs).changes === 1;
      })();
    },
    recordUsage: (teamId, kind: UsageKind) => {
      q.bumpUsage.run(teamId, kind);
    },
    usage: (teamId) => {
      const rows = q.usage.all(teamId) as { kind: string; count: number }[];
      const counts = Object.fromEntries(USAGE_KINDS.map((k) => [k, 0])) as Record<UsageKind, number>;
      for (const row of rows) if ((USAGE_KINDS as readonly string[]).includes(row.kind)) counts[row.kind as UsageKind] = row.count;
      return counts;
    },
    close: () => {
      if (db.open) db.close();
    },
  };
}
