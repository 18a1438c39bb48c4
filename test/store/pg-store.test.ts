/** Postgres-only behaviour: replicas starting together migrate once (advisory lock); version 1 databases upgrade in place. */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.ts';
import { PG_MIGRATIONS, migratePg } from '../../src/store/pg-migrations.ts';
import { openPgStore } from '../../src/store/pg-store.ts';
import { freshDatabase, hasPostgres } from './postgres-for-tests.ts';

const test = hasPostgres ? it : it.skip;
const latest = Math.max(...MIGRATIONS.map((m) => m.version));

describe('postgres store', () => {
  test('two replicas starting at once both open the store; the schema is migrated once', async () => {
    const db = await freshDatabase();
    try {
      const stores = await Promise.all([openPgStore({ url: db.url }), openPgStore({ url: db.url }), openPgStore({ url: db.url })]);
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      expect((await client.query('SELECT version FROM schema_version')).rows).toEqual([{ version: latest }]);
      await client.end();
      await stores[0]!.setGpuPrice('T1', 'b200', 4, 'U1');
      expect((await stores[1]!.settings('T1')).dollarsPerGpuHour).toEqual({ b200: 4 });
      for (const s of stores) await s.close();
    } finally {
      await db.drop();
    }
  });

  test('a database at version 1 upgrades in place, keeping its data', async () => {
    const db = await freshDatabase();
    try {
      const pool = new pg.Pool({ connectionString: db.url });
      const client = await pool.connect();
      await migratePg(client, PG_MIGRATIONS.filter((m) => m.version === 1));
      await client.query(`INSERT INTO gpu_prices VALUES ('T1', 'h200-sxm', 1.9, '2025-01-01T00:00:00.000Z')`);
      client.release();
      await pool.end();
      const store = await openPgStore({ url: db.url });
      expect(await store.settings('T1')).toMatchObject({ dollarsPerGpuHour: { 'h200-sxm': 1.9 } });
      expect(await store.claimEvent('T1', 'k', 'event:E')).toBe(true);
      await store.close();
    } finally {
      await db.drop();
    }
  });
});
