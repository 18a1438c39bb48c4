/**
 * App factory: a Bolt app with tokcost's listeners, over HTTP (HTTPReceiver at /slack/events, plus
 * GET /healthz) or Socket Mode (when an app token is configured). Everything it needs is injected.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import pLimit from 'p-limit';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { TokcostStore } from '../store/store.ts';
import type { Advisor } from './advisor.ts';
import { teamIdOf } from './context-ids.ts';
import type { ListenerDeps } from './deps.ts';
import { registerCommand } from './listeners/command.ts';
import { registerHome } from './listeners/home.ts';
import { registerForm, registerInteractions } from './listeners/interactions.ts';
import { registerMessages } from './listeners/messages.ts';
import { boltLogger } from './logger.ts';
import { DEFAULT_RETRY, type RetryPolicy } from './slack-retry.ts';

export interface TokcostAppOptions {
  readonly config: Config;
  readonly store: TokcostStore;
  readonly advisor: Advisor;
  readonly logger: Logger;
  /** Known bot ids skip the constructor's auth.test call (tests, or after one auth.test at startup). */
  readonly botId?: string;
  readonly botUserId?: string;
  /** Merged over the defaults; tests pass { retryConfig: { retries: 0 } }. */
  readonly clientOptions?: WebClientOptions;
  readonly retry?: RetryPolicy;
  readonly concurrency?: number;
  readonly slowNoticeMs?: number;
}

export interface TokcostApp {
  readonly app: App;
  /** Starts listening; in HTTP mode returns the bound port (pass 0 for any free port). */
  start(port?: number): Promise<{ port?: number }>;
  stop(): Promise<void>;
}

/** Network hiccups: two quick retries; rate limits are handled by withSlackRetry (bounded). */
const CLIENT_RETRY = { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 2000, randomize: true };

export function createTokcostApp(options: TokcostAppOptions): TokcostApp {
  const { config, store, logger } = options;
  const slackLogger = boltLogger(logger);
  const clientOptions: WebClientOptions = {
    retryConfig: CLIENT_RETRY,
    rejectRateLimitedCalls: true,
    ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
    ...options.clientOptions,
  };
  const ids = { ...(options.botId ? { botId: options.botId } : {}), ...(options.botUserId ? { botUserId: options.botUserId } : {}) };
  const socketMode = config.slack.appToken !== undefined;
  const app = socketMode
    ? new App({ token: config.slack.botToken, appToken: config.slack.appToken, socketMode: true, logger: slackLogger, clientOptions, ...ids })
    : new App({
        token: config.slack.botToken,
        logger: slackLogger,
        clientOptions,
        ...ids,
        receiver: new HTTPReceiver({
          signingSecret: config.slack.signingSecret,
          endpoints: '/slack/events',
          logger: slackLogger,
          customRoutes: [
            {
              path: '/healthz',
              method: ['GET'],
              handler: (_req, res) => {
                res.writeHead(200, { 'content-type': 'application/json' });
                res.end('{"ok":true}');
              },
            },
          ],
        }),
      });

  const limit = pLimit(options.concurrency ?? 4);
  const deps: ListenerDeps = {
    store,
    advisor: options.advisor,
    logger,
    retry: options.retry ?? DEFAULT_RETRY,
    limit: (work) => limit(work),
    slowNoticeMs: options.slowNoticeMs ?? 2500,
  };

  // Slack retries events it thinks we missed (x-slack-retry-num): answer each event_id once.
  app.use(async ({ body, context, next }) => {
    const event = body as { type?: string; event_id?: string; team_id?: string };
    if (event.type === 'event_callback' && event.event_id) {
      const teamId = teamIdOf(context, event.team_id);
      if (!store.claimEvent(teamId, `event:${event.event_id}`)) {
        logger.info({ teamId, eventId: event.event_id, retryNum: context.retryNum }, 'duplicate event ignored');
        return;
      }
    }
    await next();
  });

  registerCommand(app, deps);
  registerMessages(app, deps);
  registerInteractions(app, deps);
  registerForm(app, deps);
  registerHome(app, deps);

  app.error(async (error) => {
    logger.error({ err: error }, 'unhandled error in a listener');
  });

  return {
    app,
    async start(port = config.port) {
      if (socketMode) {
        await app.start();
        return {};
      }
      const server = (await app.start(port)) as Server;
      return { port: (server.address() as AddressInfo).port };
    },
    stop: () => app.stop() as Promise<void>,
  };
}
