/**
 * The store contract, run on both implementations: SQLite (in memory) and Postgres (a fresh database
 * per run; skipped with a message when no server is configured outside CI).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgStore } from '../../src/store/pg-store.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import type { TokcostStore } from '../../src/store/store.ts';
import { freshDatabase, hasPostgres } from './postgres-for-tests.ts';

const fixedNow = () => new Date('2025-06-01T12:00:00.000Z');

interface Backend {
  readonly name: string;
  readonly enabled: boolean;
  open(): Promise<TokcostStore>;
  cleanUp(): Promise<void>;
}

const drops: (() => Promise<void>)[] = [];
const BACKENDS: Backend[] = [
  { name: 'sqlite', enabled: true, open: async () => openSqliteStore({ path: ':memory:', now: fixedNow }), cleanUp: async () => undefined },
  {
    name: 'postgres',
    enabled: hasPostgres,
    open: async () => {
      const db = await freshDatabase();
      drops.push(db.drop);
      return openPgStore({ url: db.url, now: fixedNow });
    },
    cleanUp: async () => {
      for (const drop of drops.splice(0)) await drop();
    },
  },
];

describe.each(BACKENDS)('store contract: $name', (backend) => {
  let store: TokcostStore;
  beforeAll(async () => {
    if (backend.enabled) store = await backend.open();
  });
  afterAll(async () => {
    if (!backend.enabled) return;
    await store.close();
    await backend.cleanUp();
  });
  const test = backend.enabled ? it : it.skip;

  test('keeps the last answer per thread; saving the same answer again replaces it', async () => {
    await store.saveAnswer({ teamId: 'T1', answerId: 'a1', channelId: 'C1', threadTs: '1.1', query: { q: 1 }, report: { r: 1 } });
    await store.saveAnswer({ teamId: 'T1', answerId: 'a2', channelId: 'C1', threadTs: '1.1', query: { q: 2 }, report: { r: 2 } });
    await store.saveAnswer({ teamId: 'T1', answerId: 'e1', channelId: 'C1', query: { q: 3 }, report: {} });
    expect((await store.lastAnswerInThread({ teamId: 'T1', channelId: 'C1', threadTs: '1.1' }))?.query).toEqual({ q: 2 });
    expect((await store.answer('T1', 'a1'))?.report).toEqual({ r: 1 });
    expect((await store.answer('T1', 'e1'))?.threadTs).toBeUndefined();
    expect(await store.lastAnswerInThread({ teamId: 'T1', channelId: 'C1', threadTs: '9.9' })).toBeUndefined();
    // A replica replaying a request saves the same answer id again.
    await store.saveAnswer({ teamId: 'T1', answerId: 'a2', channelId: 'C1', threadTs: '1.1', query: { q: 2 }, report: { r: 'again' } });
    expect((await store.answer('T1', 'a2'))?.report).toEqual({ r: 'again' });
  });

  test('never shows one workspace another workspace’s threads, answers, settings or usage', async () => {
    await store.saveAnswer({ teamId: 'TW1', answerId: 'a1', channelId: 'C1', threadTs: '1.1', query: {}, report: {} });
    await store.setGpuPrice('TW1', 'h100-sxm', 2.1, 'UADMIN');
    await store.setPowerPrice('TW1', 0.12, 'UADMIN');
    await store.recordUsage('TW1', 'answer');
    expect(await store.lastAnswerInThread({ teamId: 'TW2', channelId: 'C1', threadTs: '1.1' })).toBeUndefined();
    expect(await store.answer('TW2', 'a1')).toBeUndefined();
    expect(await store.settings('TW2')).toEqual({ dollarsPerGpuHour: {} });
    expect((await store.usage('TW2')).answer).toBe(0);
    expect(await store.settingsHistory('TW2', 5)).toEqual([]);
    expect(await store.settings('TW1')).toEqual({ dollarsPerGpuHour: { 'h100-sxm': 2.1 }, dollarsPerKwh: 0.12, updatedAt: '2025-06-01T12:00:00.000Z' });
  });

  test('sets, overwrites and resets settings, recording who changed what, newest first', async () => {
    await store.setGpuPrice('TS', 'b200', 5, 'U1');
    expect((await store.setGpuPrice('TS', 'b200', 4.5, 'U2')).dollarsPerGpuHour).toEqual({ b200: 4.5 });
    await store.setPowerPrice('TS', 0.1, 'U1');
    await store.resetSettings('TS', 'U3');
    expect(await store.settings('TS')).toEqual({ dollarsPerGpuHour: {} });
    expect(await store.settingsHistory('TS', 3)).toEqual([
      { changedAt: '2025-06-01T12:00:00.000Z', userId: 'U3', setting: 'reset' },
      { changedAt: '2025-06-01T12:00:00.000Z', userId: 'U1', setting: 'power', after: '0.1' },
      { changedAt: '2025-06-01T12:00:00.000Z', userId: 'U2', setting: 'price b200', before: '5', after: '4.5' },
    ]);
  });

  test('claims an event key once per team; the work that claimed it may claim it again', async () => {
    expect(await store.claimEvent('T1', 'Ev1')).toBe(true);
    expect(await store.claimEvent('T1', 'Ev1')).toBe(false);
    expect(await store.claimEvent('T2', 'Ev1')).toBe(true);
    expect(await store.claimEvent('T1', 'msg:C:1', 'event:E1')).toBe(true);
    expect(await store.claimEvent('T1', 'msg:C:1', 'event:E1')).toBe(true);
    expect(await store.claimEvent('T1', 'msg:C:1', 'event:E2')).toBe(false);
    expect(await store.claimEvent('T1', 'msg:C:1')).toBe(false);
  });

  test('remembers a signature until it expires', async () => {
    expect(await store.claimSignature('v0=abc', 1000, 5000)).toBe(true);
    expect(await store.claimSignature('v0=abc', 2000, 6000)).toBe(false);
    expect(await store.claimSignature('v0=abc', 5000, 9000)).toBe(true);
  });

  test('rate-limits per user per workspace in a shared 60-second window, counting a ticket once', async () => {
    const take = (user: string, nowMs: number, ticket?: string) => store.takeRateLimit('TR', user, 2, nowMs, ticket);
    expect((await take('U', 0, 'w1')).allowed).toBe(true);
    expect((await take('U', 1000, 'w1')).allowed).toBe(true); // the same request replayed
    expect((await take('U', 2000, 'w2')).allowed).toBe(true);
    expect(await take('U', 15_000, 'w3')).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect((await take('V', 15_000, 'w4')).allowed).toBe(true);
    expect((await take('U', 60_001, 'w5')).allowed).toBe(true);
    expect((await store.takeRateLimit('TR', 'U', 0, 60_002)).allowed).toBe(true);
  });

  test('claims work once; an expired lease is taken over by one replica, a finished one by none', async () => {
    const payload = { type: 'event_callback', event_id: 'EvW' };
    expect(await store.beginWork({ workKey: 'event:EvW', teamId: 'T1', payload, owner: 'a' }, 1000, 2000)).toBe(true);
    expect(await store.beginWork({ workKey: 'event:EvW', teamId: 'T1', payload, owner: 'b' }, 1100, 2100)).toBe(false);
    expect(await store.renewWork('event:EvW', 'a', 3000)).toBe(true);
    expect(await store.claimAbandonedWork('b', 2500, 12_500, 10, 3)).toEqual([]);
    const [taken, again] = await Promise.all([store.claimAbandonedWork('b', 3500, 13_500, 10, 3), store.claimAbandonedWork('c', 3500, 13_500, 10, 3)]);
    const all = [...taken!, ...again!];
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ workKey: 'event:EvW', teamId: 'T1', payload, attempts: 2 });
    expect(await store.renewWork('event:EvW', 'a', 20_000)).toBe(false); // a lost it
    await store.finishWork('event:EvW', all[0]!.owner, 4000);
    expect(await store.claimAbandonedWork('d', 99_000, 109_000, 10, 3)).toEqual([]);
  });

  test('gives up on work after the most attempts', async () => {
    await store.beginWork({ workKey: 'req:poison', teamId: 'T1', payload: {}, owner: 'a' }, 0, 10);
    expect(await store.claimAbandonedWork('b', 20, 30, 10, 2)).toHaveLength(1);
    expect(await store.claimAbandonedWork('c', 40, 50, 10, 2)).toEqual([]);
  });

  test('records steps: new, then done with its result, or uncertain when never confirmed', async () => {
    expect(await store.beginStep('event:S', 'post#0', 1)).toEqual({ state: 'new' });
    await store.finishStep('event:S', 'post#0', { status: 200, body: '{"ok":true,"ts":"1.2"}' });
    expect(await store.beginStep('event:S', 'post#0', 2)).toEqual({ state: 'done', result: { status: 200, body: '{"ok":true,"ts":"1.2"}' } });
    expect(await store.beginStep('event:S', 'post#1', 3)).toEqual({ state: 'new' });
    expect(await store.beginStep('event:S', 'post#1', 4)).toEqual({ state: 'uncertain' });
  });

  test('counts usage by kind', async () => {
    await store.recordUsage('TU', 'answer');
    await store.recordUsage('TU', 'answer');
    await store.recordUsage('TU', 'follow-up');
    expect(await store.usage('TU')).toMatchObject({ answer: 2, 'follow-up': 1, problems: 0 });
  });

  test('reports its health', async () => {
    expect(await store.health()).toMatchObject({ ok: true, kind: backend.name });
  });
});
