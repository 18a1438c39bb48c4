/**
 * Versioned schema for the SQLite store (Postgres: pg-migrations.ts, same versions and tables). Append new migrations; never edit an applied one.
 * The applied version lives in `schema_version` (one row).
 */
import type Database from 'better-sqlite3';

export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'answers, thread pointers, workspace settings, processed events, usage',
    sql: `
      CREATE TABLE answers (
        team_id TEXT NOT NULL, answer_id TEXT NOT NULL, channel_id TEXT NOT NULL, thread_ts TEXT,
        query_json TEXT NOT NULL, report_json TEXT NOT NULL, created_at TEXT NOT NULL,
        PRIMARY KEY (team_id, answer_id));
      CREATE TABLE threads (
        team_id TEXT NOT NULL, channel_id TEXT NOT NULL, thread_ts TEXT NOT NULL,
        answer_id TEXT NOT NULL, updated_at TEXT NOT NULL,
        PRIMARY KEY (team_id, channel_id, thread_ts));
      CREATE TABLE gpu_prices (
        team_id TEXT NOT NULL, platform TEXT NOT NULL, dollars_per_gpu_hour {real} NOT NULL, updated_at TEXT NOT NULL,
        PRIMARY KEY (team_id, platform));
      CREATE TABLE workspace_settings (
        team_id TEXT PRIMARY KEY, dollars_per_kwh {real}, updated_at TEXT NOT NULL);
      CREATE TABLE processed_events (
        team_id TEXT NOT NULL, event_key TEXT NOT NULL, seen_at_ms {bigint} NOT NULL,
        PRIMARY KEY (team_id, event_key));
      CREATE INDEX processed_events_seen ON processed_events (seen_at_ms);
      CREATE TABLE usage_counts (
        team_id TEXT NOT NULL, kind TEXT NOT NULL, count {bigint} NOT NULL,
        PRIMARY KEY (team_id, kind));
    `,
  },
  {
    version: 2,
    description: 'settings audit, shared request guards (signatures, rate limit), claimed work and its steps',
    sql: `
      CREATE TABLE settings_changes (
        id {serial}, team_id TEXT NOT NULL, changed_at TEXT NOT NULL, user_id TEXT NOT NULL,
        setting TEXT NOT NULL, before_value TEXT, after_value TEXT);
      CREATE INDEX settings_changes_team ON settings_changes (team_id, id);
      ALTER TABLE processed_events ADD COLUMN claimant TEXT;
      CREATE TABLE seen_signatures (signature TEXT PRIMARY KEY, expires_at_ms {bigint} NOT NULL);
      CREATE INDEX seen_signatures_expiry ON seen_signatures (expires_at_ms);
      CREATE TABLE rate_events (
        ticket TEXT PRIMARY KEY, team_id TEXT NOT NULL, user_id TEXT NOT NULL, at_ms {bigint} NOT NULL);
      CREATE INDEX rate_events_user ON rate_events (team_id, user_id, at_ms);
      CREATE TABLE work_items (
        work_key TEXT PRIMARY KEY, team_id TEXT NOT NULL, payload_json TEXT NOT NULL, owner TEXT NOT NULL,
        state TEXT NOT NULL, lease_until_ms {bigint} NOT NULL, attempts INTEGER NOT NULL, created_at_ms {bigint} NOT NULL);
      CREATE INDEX work_items_lease ON work_items (state, lease_until_ms);
      CREATE TABLE work_steps (
        work_key TEXT NOT NULL, step_key TEXT NOT NULL, state TEXT NOT NULL, result_json TEXT, started_at_ms {bigint} NOT NULL,
        PRIMARY KEY (work_key, step_key));
    `,
  },
];

const SQLITE_TYPES: Record<string, string> = { real: 'REAL', bigint: 'INTEGER', serial: 'INTEGER PRIMARY KEY AUTOINCREMENT' };

/** A migration's SQL with each `{type}` spelled for a dialect. */
export const spellTypes = (sql: string, types: Readonly<Record<string, string>>): string =>
  sql.replace(/\{(\w+)\}/g, (_, name: string) => {
    const spelled = types[name];
    if (spelled === undefined) throw new Error(`migration uses an unknown type {${name}}`);
    return spelled;
  });

/** Applies every migration newer than the stored version, each in its own transaction. Returns the version. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = db.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined;
  let current = row?.version ?? 0;
  if (row === undefined) db.prepare('INSERT INTO schema_version (version) VALUES (0)').run();
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(spellTypes(migration.sql, SQLITE_TYPES));
      db.prepare('UPDATE schema_version SET version = ?').run(migration.version);
    })();
    current = migration.version;
  }
  return current;
}
