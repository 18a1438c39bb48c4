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
  it('keeps the last answer per thread, and it survives a restart', () => {
    const path = tempDb();
    const store = openSqliteStore({ path, now: fixedNow });
    store.saveAnswer({ teamId: 'T1', answerId: 'a1', channelId: 'C1', threadTs: '1.1', query: { q: 1 }, report: { r: 1 } });
    store.saveAnswer({ teamId: 'T1', answerId: 'a2', channelId: 'C1', threadTs: '1.1', query: { q: 2 }, report: { r: 2 } });
    store.saveAnswer({ teamId: 'T1', answerId: 'e1', channelId: 'C1', query: { q: 3 }, report: {} });
    store.close();

    const reopened = openSqliteStore({ path, now: fixedNow });
    expect(reopened.lastAnswerInThread({ teamId: 'T1', channelId: 'C1', threadTs: '1.1' })?.query).toEqual({ q: 2 });
    expect(reopened.answer('T1', 'a1')?.report).toEqual({ r: 1 });
    expect(reopened.answer('T1', 'e1')?.threadTs).toBeUndefined();
    expect(reopened.lastAnswerInThread({ teamId: 'T1', channelId: 'C1', threadTs: '9.9' })).toBeUndefined();
    reopened.close();
  });

  it('never shows one workspace another workspace’s threads, answers, settings or usage', () => {
    const store = openSqliteStore({ path: ':memory:', now: fixedNow });
    store.saveAnswer({ teamId: 'T1', answerId: 'a1', channelId: 'C1', threadTs: '1.1', query: {}, report: {} });
    store.setGpuPrice('T1', 'h100-sxm', 2.1);
    store.setPowerPrice('T1', 0.12);
    store.recordUsage('T1', 'answer');
    expect(store.lastAnswerInThread({ teamId: 'T2', channelId: 'C1', threadTs: '1.1' })).toBeUndefined();
    expect(store.answer('T2', 'a1')).toBeUndefined();
    expect(store.settings('T2')).toEqual({ dollarsPerGpuHour: {} });
    expect(store.usage('T2').answer).toBe(0);
    expect(store.settings('T1')).toEqual({
      dollarsPerGpuHour: { 'h100-sxm': 2.1 },
      dollarsPerKwh: 0.12,
      updatedAt: '2025-06-01T12:00:00.000Z',
    });
    store.close();
  });

  it('sets, overwrites and resets workspace settings', () => {
    const store = openSqliteStore({ path: ':memory:', now: fixedNow });
    store.setGpuPrice('T1', 'b200', 5);
    expect(store.setGpuPrice('T1', 'b200', 4.5).dollarsPerGpuHour).toEqual({ b200: 4.5 });
    store.resetSettings('T1');
    expect(store.settings('T1')).toEqual({ dollarsPerGpuHour: {} });
    store.close();
  });

  it('claims an event key once per team', () => {
    const store = openSqliteStore({ path: ':memory:' });
    expect(store.claimEvent('T1', 'Ev1')).toBe(true);
    expect(store.claimEvent('T1', 'Ev1')).toBe(false);
    expect(store.claimEvent('T2', 'Ev1')).toBe(true);
    store.close();
  });

  it('counts usage by kind', () => {
    const store = openSqliteStore({ path: ':memory:' });
    store.recordUsage('T1', 'answer');
    store.recordUsage('T1', 'answer');
    store.recordUsage('T1', 'follow-up');
    expect(store.usage('T1')).toMatchObject({ answer: 2, 'follow-up': 1, problems: 0 });
    store.close();
  });

  it('uses WAL and records the schema version', () => {
    const path = tempDb();
    openSqliteStore({ path }).close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const latest = Math.max(...MIGRATIONS.map((m) => m.version));
    expect(db.prepare('SELECT version FROM schema_version').get()).toEqual({ version: latest });
    db.close();
    // Reopening applies nothing twice.
    openSqliteStore({ path }).close();
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

  it('a write made by one connection is there for the next after it goes away without closing', () => {
    const path = tempDb();
    const first = openSqliteStore({ path, now: fixedNow });
    for (let i = 0; i < 50; i++) first.setGpuPrice('T1', `p${i}`, i + 1);
    // No close(): like a killed process, the WAL file is left behind.
    const second = openSqliteStore({ path, now: fixedNow });
    expect(Object.keys(second.settings('T1').dollarsPerGpuHour)).toHaveLength(50);
    second.close();
    first.close();
  });
});
