/**
 * Runs the real Bolt app over loopback: HTTPReceiver on port 0, SQLite on a temp file, the Web API
 * pointed at FakeSlack. Helpers send signed slash commands, events and interactions.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../src/config.ts';
import type { Advisor } from '../../../src/slack/advisor.ts';
import { createTokcostApp, type TokcostApp } from '../../../src/slack/app.ts';
import { createLogger } from '../../../src/slack/logger.ts';
import { openSqliteStore } from '../../../src/store/sqlite-store.ts';
import type { TokcostStore } from '../../../src/store/store.ts';
import { FakeSlack } from './fake-slack.ts';
import { formBody, postSigned, type SignedResponse } from './signed-request.ts';

export const SIGNING_SECRET = 'e2e0signing0secret0abcdef';
export const BOT_USER_ID = 'UBOT';

export interface Harness {
  readonly fake: FakeSlack;
  readonly store: TokcostStore;
  readonly eventsUrl: string;
  readonly baseUrl: string;
  command(text: string, options?: { teamId?: string; channelId?: string; userId?: string; responseId?: string }): Promise<SignedResponse>;
  event(event: Record<string, unknown>, options?: { teamId?: string; eventId?: string; retryNum?: number }): Promise<SignedResponse>;
  interaction(payload: Record<string, unknown>): Promise<SignedResponse>;
  /** A new app instance on the same SQLite file (as after a deploy). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

let eventCounter = 0;

export async function startHarness(options: { advisor: Advisor; slowNoticeMs?: number }): Promise<Harness> {
  const fake = new FakeSlack();
  await fake.start();
  const dir = mkdtempSync(join(tmpdir(), 'tokcost-e2e-'));
  const dbPath = join(dir, 'tokcost.sqlite');
  const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, TOKCOST_DB_PATH: dbPath });
  const logger = createLogger(process.env.TOKCOST_TEST_LOG ?? 'silent');

  let store: TokcostStore;
  let app: TokcostApp;
  let baseUrl = '';
  const boot = async () => {
    store = openSqliteStore({ path: dbPath });
    app = createTokcostApp({
      config,
      store,
      advisor: options.advisor,
      logger,
      botId: 'BBOT',
      botUserId: BOT_USER_ID,
      clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
      retry: { attempts: 3, maxRetryAfterSeconds: 2, backoffMs: 10 },
      ...(options.slowNoticeMs !== undefined ? { slowNoticeMs: options.slowNoticeMs } : {}),
    });
    const { port } = await app.start(0);
    baseUrl = `http://127.0.0.1:${port}`;
  };
  await boot();

  const eventsUrl = () => `${baseUrl}/slack/events`;
  return {
    fake,
    get store() {
      return store;
    },
    get eventsUrl() {
      return eventsUrl();
    },
    get baseUrl() {
      return baseUrl;
    },
    command(text, o = {}) {
      const body = formBody({
        token: 'legacy',
        team_id: o.teamId ?? 'T1',
        team_domain: 'acme',
        channel_id: o.channelId ?? 'C1',
        channel_name: 'general',
        user_id: o.userId ?? 'U1',
        user_name: 'ada',
        command: '/tokcost',
        text,
        api_app_id: 'A1',
        response_url: fake.responseUrl(o.responseId ?? 'cmd'),
        trigger_id: 'trigger-1',
      });
      return postSigned(eventsUrl(), body, 'application/x-www-form-urlencoded', { secret: SIGNING_SECRET });
    },
    event(event, o = {}) {
      const body = JSON.stringify({
        token: 'legacy',
        team_id: o.teamId ?? 'T1',
        api_app_id: 'A1',
        type: 'event_callback',
        event_id: o.eventId ?? `Ev${++eventCounter}`,
        event_time: Math.floor(Date.now() / 1000),
        authorizations: [{ team_id: o.teamId ?? 'T1', user_id: BOT_USER_ID, is_bot: true }],
        event,
      });
      const headers: Record<string, string> = o.retryNum !== undefined ? { 'x-slack-retry-num': String(o.retryNum), 'x-slack-retry-reason': 'http_timeout' } : {};
      return postSigned(eventsUrl(), body, 'application/json', { secret: SIGNING_SECRET, headers });
    },
    interaction(payload) {
      return postSigned(eventsUrl(), formBody({ payload: JSON.stringify(payload) }), 'application/x-www-form-urlencoded', { secret: SIGNING_SECRET });
    },
    async restart() {
      await app.stop();
      store.close();
      await boot();
    },
    async stop() {
      await app.stop();
      store.close();
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Parses a chat.postMessage body's blocks to text for assertions. */
export const blocksText = (body: Record<string, unknown>): string => JSON.stringify(body.blocks ?? []);
