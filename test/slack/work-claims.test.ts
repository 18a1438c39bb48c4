/**
 * Claimed work (src/slack/work-claims.ts) on a real SQLite store: a duplicate event is dropped, a
 * replay skips the posts already confirmed (returning what Slack answered then), never repeats one
 * that may have landed, and issues the same answer ids; abandoned work is taken over once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/slack/logger.ts';
import { claimWorkMiddleware, nextWorkScopedId, RECOVERED, startWorkSweeper, stepRecordingFetch } from '../../src/slack/work-claims.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import type { TokcostStore } from '../../src/store/store.ts';

const API = 'http://slack.test/api/';
const logger = createLogger('silent');
const stores: TokcostStore[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

function setUp(nowMs: () => number = Date.now) {
  const store = openSqliteStore({ path: ':memory:' });
  stores.push(store);
  const sent: string[] = [];
  let ts = 0;
  const slack: typeof fetch = async (_input, init) => {
    sent.push(String(init?.body));
    return new Response(JSON.stringify({ ok: true, ts: `17.${++ts}` }), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const fetchFn = stepRecordingFetch(store, API, slack, nowMs);
  const post = async (text: string) => (await (await fetchFn(`${API}chat.postMessage`, { method: 'POST', body: `channel=C1&text=${encodeURIComponent(text)}` })).json()) as { ts: string };
  return { store, sent, fetchFn, post };
}

const event = { type: 'event_callback', event_id: 'Ev1', team_id: 'T1', event: { type: 'app_mention' } };

describe('claimed work', () => {
  it('drops a duplicate event, and a replay posts only what was not confirmed, with the same ids', async () => {
    const { store, sent, post } = setUp();
    const claims = claimWorkMiddleware({ store, logger, owner: 'a', leaseMs: 10_000 });
    const seen: { ids: string[]; ts: string[] } = { ids: [], ts: [] };
    const work = async () => {
      seen.ids.push(nextWorkScopedId()!);
      seen.ts.push((await post('the card')).ts);
      seen.ts.push((await post('the chart hint')).ts);
    };
    await claims({ body: event, context: {}, next: work });
    expect(sent).toHaveLength(2);
    // Slack's retry of the same event_id: not run.
    let ranAgain = false;
    await claims({ body: event, context: { retryNum: 1 }, next: async () => void (ranAgain = true) });
    expect(ranAgain).toBe(false);
    // A replay of the same work (as another replica would): nothing is sent again; answers and ids repeat.
    await claims({ body: event, context: { [RECOVERED]: 'event:Ev1' }, next: work });
    expect(sent).toHaveLength(2);
    expect(seen.ts).toEqual(['17.1', '17.2', '17.1', '17.2']);
    expect(seen.ids[0]).toBe(seen.ids[1]);
    expect(nextWorkScopedId()).toBeUndefined(); // outside work: random ids
  });

  it('never repeats a post that started but was not confirmed: the replay sees a timeout instead', async () => {
    const store = openSqliteStore({ path: ':memory:' });
    stores.push(store);
    let calls = 0;
    // The first attempt reaches Slack, then the connection drops before the answer (as when a replica dies).
    const slack: typeof fetch = async () => {
      calls++;
      throw new TypeError('fetch failed: socket hang up');
    };
    const fetchFn = stepRecordingFetch(store, API, slack);
    const post = () => fetchFn(`${API}chat.postMessage`, { method: 'POST', body: 'channel=C1&text=the%20card' });
    const claims = claimWorkMiddleware({ store, logger, owner: 'a', leaseMs: 10_000 });
    const outcomes: unknown[] = [];
    const work = async () => {
      outcomes.push(await post().then(() => 'sent', (e: unknown) => e));
    };
    await claims({ body: { ...event, event_id: 'Ev2' }, context: {}, next: work });
    await claims({ body: {}, context: { [RECOVERED]: 'event:Ev2' }, next: work });
    expect(calls).toBe(1);
    expect(outcomes[0]).toBeInstanceOf(TypeError);
    expect(outcomes[1]).toMatchObject({ name: 'TimeoutError' });
  });

  it('a sweep takes over work whose lease has passed, once, and replays it', async () => {
    let now = 0;
    const { store } = setUp(() => now);
    await store.beginWork({ workKey: 'event:Ev9', teamId: 'T1', payload: { event_id: 'Ev9' }, owner: 'dead' }, 0, 1000);
    const replayed: string[] = [];
    const sweeper = (owner: string) => startWorkSweeper({ store, logger, owner, leaseMs: 1000, nowMs: () => now, everyMs: 60_000, replay: async (key) => void replayed.push(`${owner}:${key}`) });
    const [b, c] = [sweeper('b'), sweeper('c')];
    now = 500;
    expect(await b.sweepOnce()).toBe(0); // lease still held
    now = 1500;
    expect((await b.sweepOnce()) + (await c.sweepOnce())).toBe(1);
    expect(replayed).toEqual(['b:event:Ev9']);
    b.stop();
    c.stop();
  });
});
