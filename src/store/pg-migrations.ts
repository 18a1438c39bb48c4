/**
 * Applies the shared migrations (migrations.ts) to Postgres, in Postgres types. Replicas starting
 * together take an advisory lock, so exactly one applies each migration.
 */
import type { PoolClient } from 'pg';
import { MIGRATIONS, spellTypes, type Migration } from './migrations.ts';

const POSTGRES_TYPES: Record<string, string> = { real: 'DOUBLE PRECISION', bigint: 'BIGINT', serial: 'BIGSERIAL PRIMARY KEY' };

/** The shared migrations, spelled for Postgres. */
export const PG_MIGRATIONS: readonly Migration[] = MIGRATIONS.map((m) => ({ ...m, sql: spellTypes(m.sql, POSTGRES_TYPES) }));

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
