/**
 * Versioned schema for the Postgres store: the same versions and tables as the SQLite migrations
 * (migrations.ts), in Postgres types. Append new migrations; never edit an applied one. Replicas
 * starting together take an advisory lock, so exactly one applies each migration.
 */
import type { PoolClient } from 'pg';
import type { Migration } from './migrations.ts';

export const PG_MIGRATIONS: readonly Migration[] = [
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
        team_id TEXT NOT NULL, platform TEXT NOT NULL, dollars_per_gpu_hour DOUBLE PRECISION NOT NULL, updated_at TEXT NOT NULL,
        PRIMARY KEY (team_id, platform));
      CREATE TABLE workspace_settings (
        team_id TEXT PRIMARY KEY, dollars_per_kwh DOUBLE PRECISION, updated_at TEXT NOT NULL);
      CREATE TABLE processed_events (
        team_id TEXT NOT NULL, event_key TEXT NOT NULL, seen_at_ms BIGINT NOT NULL,
        PRIMARY KEY (team_id, event_key));
      CREATE INDEX processed_events_seen ON processed_events (seen_at_ms);
      CREATE TABLE usage_counts (
        team_id TEXT NOT NULL, kind TEXT NOT NULL, count BIGINT NOT NULL,
        PRIMARY KEY (team_id, kind));
    `,
  },
  {
    version: 2,
    description: 'settings audit, shared request guards (signatures, rate limit), claimed work and its steps',
    sql: `
      CREATE TABLE settings_changes (
        id BIGSERIAL PRIMARY KEY, team_id TEXT NOT NULL, changed_at TEXT NOT NULL, user_id TEXT NOT NULL,
        setting TEXT NOT NULL, before_value TEXT, after_value TEXT);
      CREATE INDEX settings_changes_team ON settings_changes (team_id, id);
      ALTER TABLE processed_events ADD COLUMN claimant TEXT;
      CREATE TABLE seen_signatures (signature TEXT PRIMARY KEY, expires_at_ms BIGINT NOT NULL);
      CREATE INDEX seen_signatures_expiry ON seen_signatures (expires_at_ms);
      CREATE TABLE rate_events (
        ticket TEXT PRIMARY KEY, team_id TEXT NOT NULL, user_id TEXT NOT NULL, at_ms BIGINT NOT NULL);
      CREATE INDEX rate_events_user ON rate_events (team_id, user_id, at_ms);
      CREATE TABLE work_items (
        work_key TEXT PRIMARY KEY, team_id TEXT NOT NULL, payload_json TEXT NOT NULL, owner TEXT NOT NULL,
        state TEXT NOT NULL, lease_until_ms BIGINT NOT NULL, attempts INTEGER NOT NULL, created_at_ms BIGINT NOT NULL);
      CREATE INDEX work_items_lease ON work_items (state, lease_until_ms);
      CREATE TABLE work_steps (
        work_key TEXT NOT NULL, step_key TEXT NOT NULL, state TEXT NOT NULL, result_json TEXT, started_at_ms BIGINT NOT NULL,
        PRIMARY KEY (work_key, step_key));
    `,
  },
];

/** An arbitrary constant naming tokcost's migration lock among the server's advisory locks. */
const MIGRATION_LOCK = 7_362_019;

/** Applies every migration newer than the stored version, each in its own transaction. Returns the version. */
export async function migratePg(client: PoolClient, migrations: readonly Migration[] = PG_MIGRATIONS): Promise<number> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_version');
    let current = rows[0]?.version ?? 0;
    if (rows.length === 0) await client.query('INSERT INTO schema_version (version) VALUES (0)');
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (migration.version <= current) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('UPDATE schema_version SET version = $1', [migration.version]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      current = migration.version;
    }
    return current;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}
