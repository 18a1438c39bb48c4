/**
 * Socket Mode end to end, without network: the real Bolt app with an app token and NO signing secret,
 * apps.connections.open answered by FakeSlack with the URL of a local WebSocket stand-in, envelopes
 * (slash command, event, interaction, an event type no listener handles) sent over it and acked, the
 * answer posted through the Web API, and GET /healthz on the configured port.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { createTokcostApp, type TokcostApp } from '../../../src/slack/app.ts';
import { createLogger } from '../../../src/slack/logger.ts';
import { openSqliteStore } from '../../../src/store/sqlite-store.ts';
import type { TokcostStore } from '../../../src/store/store.ts';
import { FakeAdvisor } from '../../slack/fixtures/fake-advisor.ts';
import { FakeSlack, ANSWER_WAIT_MS } from './fake-slack.ts';
import { FakeSocketSlack } from './fake-socket-slack.ts';
import { BOT_TOKEN, BOT_USER_ID, blocksOf, QUESTION } from './harness.ts';
import { blockAction } from './payloads.ts';

const APP_TOKEN = 'xapp-1-A1-test-socket-token';

describe('Socket Mode over a local WebSocket stand-in', () => {
  const fake = new FakeSlack();
  const socket = new FakeSocketSlack();
  const dir = mkdtempSync(join(tmpdir(), 'tokcost-socket-'));
  let store: TokcostStore;
  let app: TokcostApp;
  let healthPort: number | undefined;

  beforeAll(async () => {
    await Promise.all([fake.start(), socket.start()]);
    fake.socketUrl = socket.url;
    // No SLACK_SIGNING_SECRET: Socket Mode does not need one.
    const config = loadConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: fake.apiUrl, PORT: '0', TOKCOST_DB_PATH: join(dir, 'db.sqlite'), TOKCOST_RATE_LIMIT_PER_MINUTE: '0' });
    store = openSqliteStore({ path: config.dbPath });
    app = createTokcostApp({
      config,
      store,
      advisor: new FakeAdvisor(),
      logger: createLogger(process.env.TOKCOST_TEST_LOG ?? 'silent', undefined, [BOT_TOKEN, APP_TOKEN]),
      botId: 'BBOT',
      botUserId: BOT_USER_ID,
      clientOptions: { retryConfig: { retries: 0 } },
      socketClientOptions: { retryConfig: { retries: 0 } },
      retry: { attempts: 2, maxRetryAfterSeconds: 1, backoffMs: 10 },
    });
    ({ port: healthPort } = await app.start());
    await socket.waitForConnection();
  });

  afterAll(async () => {
    await app?.stop();
    store?.close();
    await Promise.all([socket.close(), fake.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens the connection with the app token, and /healthz says it is connected', async () => {
    const open = fake.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]!.authorization).toBe(`Bearer ${APP_TOKEN}`);
    expect(socket.connections).toBe(1);
    expect(healthPort).toBeGreaterThan(0);
    const res = await fetch(`http://127.0.0.1:${healthPort}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, mode: 'socket', connected: true, store: { ok: true, kind: 'sqlite' } });
  });

  it('acks a slash command envelope at once, then posts the answer card with the bot token', async () => {
    fake.reset();
    const ack = await socket.send('slash_commands', {
      token: 'legacy', team_id: 'T1', channel_id: 'C1', user_id: 'U1', command: '/tokcost', text: QUESTION,
      api_app_id: 'A1', response_url: fake.responseUrl('socket'), trigger_id: 'trigger-s',
    });
    expect(ack.ms).toBeLessThan(3000);
    await fake.waitFor(() => fake.callsTo('files.completeUploadExternal').length >= 1, ANSWER_WAIT_MS, 'card and chart');
    const card = fake.callsTo('chat.postMessage')[0]!;
    expect(card.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(card.body.channel).toBe('C1');
    expect(blocksOf(card)).toContain('NVIDIA H200 SXM');
  });

  it('acks an app_mention event and answers in its thread', async () => {
    fake.reset();
    const ts = '1760000001.000100';
    const ack = await socket.send('events_api', {
      token: 'legacy', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: 'EvSocket1', event_time: 1,
      authorizations: [{ team_id: 'T1', user_id: BOT_USER_ID, is_bot: true }],
      event: { type: 'app_mention', user: 'U1', text: `<@${BOT_USER_ID}> ${QUESTION}`, ts, channel: 'C2', event_ts: ts },
    });
    expect(ack.ms).toBeLessThan(3000);
    await fake.waitFor(() => fake.callsTo('chat.postMessage').length >= 1, ANSWER_WAIT_MS, 'thread answer');
    expect(fake.callsTo('chat.postMessage')[0]!.body.thread_ts).toBe(ts);
  });

  it('acks an interaction and an event type no listener handles', async () => {
    const button = await socket.send('interactive', blockAction({ actionId: 'someone_elses_button', value: 'x', responseUrl: fake.responseUrl('b') }));
    const unknown = await socket.send('events_api', {
      token: 'legacy', team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: 'EvSocket2', event_time: 1,
      authorizations: [{ team_id: 'T1', user_id: BOT_USER_ID, is_bot: true }], event: { type: 'team_join', user: { id: 'U9' } },
    });
    for (const ack of [button, unknown]) expect(ack.ms).toBeLessThan(3000);
  });

  it('acks an app_rate_limited envelope (no event inside) and keeps answering', async () => {
    const limited = await socket.send('events_api', { token: 'legacy', type: 'app_rate_limited', team_id: 'T1', minute_rate_limited: 1_518_467_820, api_app_id: 'A1' });
    expect(limited.ms).toBeLessThan(3000);
    fake.reset();
    await socket.send('slash_commands', {
      token: 'legacy', team_id: 'T1', channel_id: 'C4', user_id: 'U1', command: '/tokcost', text: QUESTION,
      api_app_id: 'A1', response_url: fake.responseUrl('socket2'), trigger_id: 'trigger-s2',
    });
    await fake.waitFor(() => fake.callsTo('chat.postMessage').length >= 1, ANSWER_WAIT_MS, 'answer after the rate-limit envelope');
    expect(socket.connections).toBe(1);
  });
});
