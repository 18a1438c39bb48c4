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

export interface CommandOptions {
  teamId?: string;
  channelId?: string;
  userId?: string;
  responseId?: string;
}
export interface EventOptions {
  teamId?: string;
  eventId?: string;
  retryNum?: number;
}

export interface Harness {
  readonly fake: FakeSlack;
  readonly store: TokcostStore;
  readonly app: TokcostApp;
  readonly eventsUrl: string;
  readonly baseUrl: string;
  command(text: string, options?: CommandOptions): Promise<SignedResponse>;
  /** The form body of a slash command (for tests that sign it themselves). */
  commandBody(text: string, options?: CommandOptions): string;
  event(event: Record<string, unknown>, options?: EventOptions): Promise<SignedResponse>;
  eventBody(event: Record<string, unknown>, options?: EventOptions): string;
  interaction(payload: Record<string, unknown>): Promise<SignedResponse>;
  /** A new app instance on the same SQLite file (as after a deploy). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

let eventCounter = 0;

export interface HarnessOptions {
  readonly advisor: Advisor;
  readonly slowNoticeMs?: number;
  /** Extra environment for loadConfig (e.g. TOKCOST_RATE_LIMIT_PER_MINUTE, TOKCOST_ADMINS). */
  readonly env?: Readonly<Record<string, string>>;
  /** Where logs go (default: silent unless TOKCOST_TEST_LOG names a level). */
  readonly logStream?: { write(line: string): void };
  readonly logLevel?: string;
  readonly callTimeoutMs?: number;
  /** Wraps the store the app gets (fault injection: a disk that fills up). */
  readonly wrapStore?: (store: TokcostStore) => TokcostStore;
}

export const BOT_TOKEN = 'xoxb-test-token-1234567890-abcdefSECRET';

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const fake = new FakeSlack();
  await fake.start();
  const dir = mkdtempSync(join(tmpdir(), 'tokcost-e2e-'));
  const dbPath = join(dir, 'tokcost.sqlite');
  // Tests ask many questions as one user: the rate limit is tested on its own, with its own setting.
  const config = loadConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, TOKCOST_DB_PATH: dbPath, TOKCOST_RATE_LIMIT_PER_MINUTE: '0', ...options.env });
  const logger = createLogger(options.logLevel ?? process.env.TOKCOST_TEST_LOG ?? 'silent', options.logStream, [BOT_TOKEN, SIGNING_SECRET]);

  let store: TokcostStore;
  let app: TokcostApp;
  let baseUrl = '';
  const boot = async () => {
    store = openSqliteStore({ path: dbPath });
    app = createTokcostApp({
      config,
      store: options.wrapStore ? options.wrapStore(store) : store,
      advisor: options.advisor,
      logger,
      botId: 'BBOT',
      botUserId: BOT_USER_ID,
      clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
      retry: { attempts: 3, maxRetryAfterSeconds: 2, backoffMs: 10 },
      ...(options.slowNoticeMs !== undefined ? { slowNoticeMs: options.slowNoticeMs } : {}),
      ...(options.callTimeoutMs !== undefined ? { callTimeoutMs: options.callTimeoutMs } : {}),
    });
    const { port } = await app.start(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${port}`;
  };
  await boot();

  const eventsUrl = () => `${baseUrl}/slack/events`;
  return {
    fake,
    get store() {
      return store;
    },
    get app() {
      return app;
    },
    get eventsUrl() {
      return eventsUrl();
    },
    get baseUrl() {
      return baseUrl;
    },
    command(text, o = {}) {
      const body = commandBody(text, o);
      return postSigned(eventsUrl(), body, 'application/x-www-form-urlencoded', { secret: SIGNING_SECRET });
    },
    commandBody(text, o = {}) {
      return commandBody(text, o);
    },
    event(event, o = {}) {
      const body = eventBody(event, o);
      const headers: Record<string, string> = o.retryNum !== undefined ? { 'x-slack-retry-num': String(o.retryNum), 'x-slack-retry-reason': 'http_timeout' } : {};
      return postSigned(eventsUrl(), body, 'application/json', { secret: SIGNING_SECRET, headers });
    },
    eventBody(event, o = {}) {
      return eventBody(event, o);
    },
    interaction(payload) {
      return postSigned(eventsUrl(), formBody({ payload: JSON.stringify(payload) }), 'application/x-www-form-urlencoded', { secret: SIGNING_SECRET });
    },
    async restart() {
      await app.stop();
      await store.close();
      await boot();
    },
    async stop() {
      await app.stop();
      await store.close();
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };

  function commandBody(text: string, o: CommandOptions): string {
    return formBody({
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
  }

  function eventBody(event: Record<string, unknown>, o: EventOptions): string {
    return JSON.stringify({
        token: 'legacy',
        team_id: o.teamId ?? 'T1',
        api_app_id: 'A1',
        type: 'event_callback',
        event_id: o.eventId ?? `Ev${++eventCounter}`,
        event_time: Math.floor(Date.now() / 1000),
        authorizations: [{ team_id: o.teamId ?? 'T1', user_id: BOT_USER_ID, is_bot: true }],
        event,
      });
  }
}

/** Parses a chat.postMessage body's blocks to text for assertions. */
export const blocksText = (body: Record<string, unknown>): string => JSON.stringify(body.blocks ?? []);

/** The question every end-to-end test asks (the brief's example, without the per-user speed). */
export const QUESTION = 'gpt-oss-120b, 2k in / 400 out, 30 rps average, peaks 4x at noon, p95 TTFT under 1 s';

/** Distinct Slack message timestamps for one test file (`prefix` keeps files apart). */
export function tsSequence(prefix: string): () => string {
  let counter = 0;
  return () => `${prefix}${String(++counter).padStart(3, '0')}.000100`;
}

/** A recorded call's blocks as text, for matching. */
export const blocksOf = (call: { body: Record<string, unknown> } | undefined): string => JSON.stringify(call?.body.blocks ?? []);
