import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';

const dirs: string[] = [];
const tempDb = () => {
  const dir = mkdtempSync(join(tmpdir(), 'tokcost-store-'));
  dirs.push(dir);
  return join(dir, 'nested', 'tokcost.sqlite');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const fixedNow = () => new Date('2025-06-01T12:00:00.000Z');

describe('sqlite store', () => {
  it('keeps the last answer per thread, and it survives a restart', async () => {
    const path = tempDb();
    const store = openSqliteStore({ path, now: fixedNow });
    await store.saveAnswer({ teamId: 'T1', answerId: 'a1', channelId: 'C1', threadTs: '1.1', query: { q: 1 }, report: { r: 1 } });
    await store.saveAnswer({ teamId: 'T1', answerId: 'a2', channelId: 'C1', threadTs: '1.1', query: { q: 2 }, report: { r: 2 } });
    await store.close();

    const reopened = openSqliteStore({ path, now: fixedNow });
    expect((await reopened.lastAnswerInThread({ teamId: 'T1', channelId: 'C1', threadTs: '1.1' }))?.query).toEqual({ q: 2 });
    expect((await reopened.answer('T1', 'a1'))?.report).toEqual({ r: 1 });
    await reopened.close();
  });

  it('uses WAL and records the schema version', async () => {
    const path = tempDb();
    await openSqliteStore({ path }).close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const latest = Math.max(...MIGRATIONS.map((m) => m.version));
    expect(db.prepare('SELECT version FROM schema_version').get()).toEqual({ version: latest });
    db.close();
    // Reopening applies nothing twice.
    await openSqliteStore({ path }).close();
  });

  it('applies a failing migration all or nothing, and later ones in order', async () => {
    const { migrate } = await import('../../src/store/migrations.ts');
    const db = new Database(':memory:');
    expect(migrate(db)).toBe(Math.max(...MIGRATIONS.map((m) => m.version)));
    const next = MIGRATIONS.length + 1;
    const broken = [...MIGRATIONS, { version: next, description: 'half', sql: 'CREATE TABLE half (a); INSERT INTO nowhere VALUES (1);' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    expect(db.prepare('SELECT version FROM schema_version').get()).toEqual({ version: next - 1 });
    const fixed = [...MIGRATIONS, { version: next, description: 'whole', sql: 'CREATE TABLE whole (a);' }];
    expect(migrate(db, fixed)).toBe(next);
    db.close();
  });

  it('a write made by one connection is there for the next after it goes away without closing', async () => {
    const path = tempDb();
    const first = openSqliteStore({ path, now: fixedNow });
    for (let i = 0; i < 50; i++) await first.setGpuPrice('T1', `p${i}`, i + 1, 'U1');
    // No close(): like a killed process, the WAL file is left behind.
    const second = openSqliteStore({ path, now: fixedNow });
    expect(Object.keys((await second.settings('T1')).dollarsPerGpuHour)).toHaveLength(50);
    await second.close();
    await first.close();
  });

  it('a file at schema version 1 (before the shared guards) upgrades in place, keeping its data', async () => {
    const { migrate } = await import('../../src/store/migrations.ts');
    const path = tempDb();
    const { mkdirSync } = await import('node:fs');
    const { dirname } = await import('node:path');
    mkdirSync(dirname(path), { recursive: true });
    const old = new Database(path);
    migrate(old, MIGRATIONS.filter((m) => m.version === 1));
    old.prepare("INSERT INTO gpu_prices VALUES ('T1', 'h200-sxm', 1.9, '2025-01-01T00:00:00.000Z')").run();
    old.close();
    const store = openSqliteStore({ path });
    expect(await store.settings('T1')).toMatchObject({ dollarsPerGpuHour: { 'h200-sxm': 1.9 } });
    expect(await store.beginWork({ workKey: 'k', teamId: 'T1', payload: {}, owner: 'a' }, 0, 1)).toBe(true);
    await store.close();
  });
});
