/**
 * Wires the playground: the real tokcost app (createTokcostApp with its listeners, Block Kit and a
 * SQLite store in a temp dir) behind its own HTTPReceiver, and one loopback HTTP server holding the
 * Slack stand-in (Web API, uploads, response_url) and the page. Secrets and tokens are random and
 * never leave the process; nothing listens beyond 127.0.0.1.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { loadConfig } from '../config.ts';
import type { Advisor } from '../slack/advisor.ts';
import { createTokcostApp, type TokcostApp } from '../slack/app.ts';
import { loadRealAdvisor } from '../slack/load-real-advisor.ts';
import { createLogger } from '../slack/logger.ts';
import { openSqliteStore } from '../store/sqlite-store.ts';
import { ConversationStore } from './conversation-store.ts';
import { createEventSender } from './event-sender.ts';
import { FakeSlackServer } from './fake-slack-server.ts';
import { sendJson } from './http-body.ts';
import { BOT_ID, BOT_USER_ID, CHANNEL_SEEDS, USER_ID } from './ids.ts';
import { PageServer } from './page-server.ts';
import { SlackUser } from './slack-user.ts';

export interface PlaygroundOptions {
  /** Page port on 127.0.0.1; 0 (default) picks a free one. */
  readonly port?: number;
  /** Defaults to the real advisor (catalog, engine, charts). */
  readonly advisor?: Advisor;
  readonly logger?: Logger;
  readonly logLevel?: string;
}

export interface Playground {
  /** The page, e.g. http://127.0.0.1:41234/ */
  readonly url: string;
  /** The app's own receiver (signed requests only). */
  readonly eventsUrl: string;
  readonly store: ConversationStore;
  readonly fake: FakeSlackServer;
  readonly user: SlackUser;
  readonly tokcost: TokcostApp;
  stop(): Promise<void>;
}

const listen = (server: Server, port: number) =>
  new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });

export async function startPlayground(options: PlaygroundOptions = {}): Promise<Playground> {
  const logger = options.logger ?? createLogger(options.logLevel ?? 'warn');
  const store = new ConversationStore(CHANNEL_SEEDS);
  const botToken = `xoxb-playground-${randomBytes(12).toString('hex')}`;
  const signingSecret = randomBytes(16).toString('hex');
  const fake = new FakeSlackServer({ store, botToken });

  let page: PageServer | undefined;
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    const handler = FakeSlackServer.handles(pathname) ? fake.handle(req, res) : page ? page.handle(req, res) : Promise.resolve(sendJson(res, 503, { error: 'starting' }));
    handler.catch((error: unknown) => {
      logger.error({ err: error, pathname }, 'playground request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'playground error' });
      else res.end();
    });
  });
  const port = await listen(server, options.port ?? 0);
  fake.baseUrl = `http://127.0.0.1:${port}/`;

  const dir = mkdtempSync(join(tmpdir(), 'tokcost-playground-'));
  const db = openSqliteStore({ path: join(dir, 'tokcost.sqlite') });
  const config = loadConfig({ SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_API_URL: fake.apiUrl, TOKCOST_DB_PATH: join(dir, 'tokcost.sqlite'), PORT: '0' });
  let tokcost: TokcostApp | undefined;
  try {
    const advisor = options.advisor ?? (await loadRealAdvisor());
    tokcost = createTokcostApp({ config, store: db, advisor, logger, botId: BOT_ID, botUserId: BOT_USER_ID, clientOptions: { retryConfig: { retries: 0 } } });
    // The app's own receiver, on loopback only (TokcostApp.start(port) would listen on every interface).
    const appServer = (await tokcost.app.start({ port: 0, host: '127.0.0.1' })) as Server;
    const eventsUrl = `http://127.0.0.1:${(appServer.address() as AddressInfo).port}/slack/events`;
    const sender = createEventSender({ url: eventsUrl, signingSecret });
    const user = new SlackUser({ store, fake, sender, user: USER_ID });
    page = new PageServer({ store, user, viewer: USER_ID });
    const app = tokcost;
    const pageServer = page;
    return {
      url: fake.baseUrl,
      eventsUrl,
      store,
      fake,
      user,
      tokcost: app,
      async stop() {
        pageServer.close();
        await app.stop().catch((error: unknown) => logger.warn({ err: error }, 'stopping the app failed'));
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await tokcost?.stop().catch(() => undefined);
    server.closeAllConnections();
    server.close();
    void db.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
