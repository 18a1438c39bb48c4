/**
 * App factory: a Bolt app with tokcost's listeners, over HTTP (HTTPReceiver at /slack/events) or Socket
 * Mode (when an app token is configured), GET /healthz in both (receivers.ts). Everything it needs is injected.
 */
import type { Server } from 'node:http';
import { hostname } from 'node:os';
import type { AddressInfo } from 'node:net';
import { App } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import pLimit from 'p-limit';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { TokcostStore } from '../store/store.ts';
import type { Advisor } from './advisor.ts';
import { ACTION, VIEW } from './blocks/actions-ids.ts';
import type { ListenerDeps } from './deps.ts';
import { registerCommand } from './listeners/command.ts';
import { registerHome } from './listeners/home.ts';
import { registerForm, registerInteractions } from './listeners/interactions.ts';
import { registerMessages } from './listeners/messages.ts';
import { boltLogger } from './logger.ts';
import { createRateLimiter } from './rate-limit.ts';
import { ackUntypedBodies, httpReceiver, socketReceiver } from './receivers.ts';
import { guardRequests, inMemorySignatures, type RequestListener } from './request-guard.ts';
import { DEFAULT_RETRY, type RetryPolicy } from './slack-retry.ts';
import { createWorkTracker } from './work-tracker.ts';
import { claimWorkMiddleware, RECOVERED, replicaName, startWorkSweeper, stepRecordingFetch, workScopedStore, type WorkSweeper } from './work-claims.ts';

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
  /** Socket Mode: merged over the options of the client that calls apps.connections.open. */
  readonly socketClientOptions?: WebClientOptions;
  readonly retry?: RetryPolicy;
  readonly concurrency?: number;
  readonly slowNoticeMs?: number;
  /** Web API call timeout, ms (default 10 s); a timed-out post is not retried (it may have landed). */
  readonly callTimeoutMs?: number;
  /** Largest request body accepted, bytes (default 64 KB; larger gets 413). */
  readonly maxBodyBytes?: number;
  readonly nowMs?: () => number;
  /** How often this replica looks for requests another replica left unfinished (default: half the lease). */
  readonly sweepEveryMs?: number;
}

export interface TokcostApp {
  readonly app: App;
  /**
   * Starts listening; in HTTP mode returns the bound port (pass 0 for any free port). `host` limits the
   * interface (e.g. '127.0.0.1'); default: config.host, else every interface.
   */
  start(port?: number, host?: string): Promise<{ port?: number }>;
  stop(): Promise<void>;
  /** Requests still being handled (acked or not). */
  readonly inFlight: number;
  /** Stops taking requests, then waits up to `timeoutMs` for in-flight work; true when all finished. */
  drain(timeoutMs: number): Promise<boolean>;
}

/**
 * No retries inside the WebClient: withSlackRetry decides (bounded, and never re-sending a post that
 * may have landed, which the client's own retries would do after a timeout).
 */
const CLIENT_RETRY = { retries: 0 };

/**
 * apps.connections.open at start and on every reconnect: about 2 minutes of backoff, then the error
 * surfaces (socket-mode's default, 100 retries, would hide an unreachable Slack far longer).
 */
const SOCKET_OPEN_RETRY = { retries: 8, factor: 1.8, minTimeout: 500, maxTimeout: 30_000 };

/** Whether one of tokcost's listeners will take (and ack) this request. */
function handledHere(body: Record<string, unknown>, actions: ReadonlySet<string>): boolean {
  if (body.command !== undefined) return body.command === '/tokcost';
  if (body.type === 'block_actions') {
    const first = Array.isArray(body.actions) ? (body.actions[0] as { action_id?: unknown } | undefined) : undefined;
    return typeof first?.action_id === 'string' && actions.has(first.action_id);
  }
  if (body.type === 'view_submission') return (body.view as { callback_id?: unknown } | undefined)?.callback_id === VIEW.form;
  return false;
}

export function createTokcostApp(options: TokcostAppOptions): TokcostApp {
  const { config, store, logger } = options;
  const slackLogger = boltLogger(logger);
  const apiUrl = config.slack.apiUrl ?? 'https://slack.com/api/';
  // Takeover needs a store other replicas share; on SQLite (one process) requests are only de-duplicated.
  const takeover = store.kind === 'postgres';
  const clientOptions: WebClientOptions = {
    // Every post inside a request is a recorded step, so a replica replaying it never posts twice.
    ...(takeover ? { fetch: stepRecordingFetch(store, apiUrl, (options.clientOptions?.fetch as typeof fetch | undefined) ?? globalThis.fetch, options.nowMs) as WebClientOptions['fetch'] } : {}),
    retryConfig: CLIENT_RETRY,
    rejectRateLimitedCalls: true,
    timeout: options.callTimeoutMs ?? 10_000,
    ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
    ...options.clientOptions,
  };
  if (takeover && options.clientOptions?.fetch) clientOptions.fetch = stepRecordingFetch(store, apiUrl, options.clientOptions.fetch as typeof fetch, options.nowMs) as WebClientOptions['fetch'];
  const ids = { ...(options.botId ? { botId: options.botId } : {}), ...(options.botUserId ? { botUserId: options.botUserId } : {}) };
  const appToken = config.slack.appToken;
  const socketMode = appToken !== undefined;
  if (!socketMode && !config.slack.signingSecret) throw new Error('HTTP mode needs a signing secret (loadConfig checks this)');
  const socket = socketMode
    ? socketReceiver(appToken, config.port, slackLogger, {
        ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
        retryConfig: SOCKET_OPEN_RETRY,
        ...options.socketClientOptions,
      }, logger, () => store.health())
    : undefined;
  const app = new App({
    token: config.slack.botToken,
    logger: slackLogger,
    clientOptions,
    ...ids,
    receiver: socket ? socket.receiver : httpReceiver(config.slack.signingSecret!, logger, slackLogger, () => store.health()),
  });
  ackUntypedBodies(app, logger);

  const limit = pLimit(options.concurrency ?? 4);
  const work = createWorkTracker();
  const owner = replicaName(hostname(), process.pid);
  const claims = { store, logger, owner, leaseMs: config.workLeaseMs, takeover, ...(options.nowMs ? { nowMs: options.nowMs } : {}) };
  const deps: ListenerDeps = {
    store: workScopedStore(store),
    advisor: options.advisor,
    logger,
    retry: options.retry ?? DEFAULT_RETRY,
    limit: (job) => limit(job),
    slowNoticeMs: options.slowNoticeMs ?? 2500,
    rateLimit: createRateLimiter(store, config.rateLimitPerMinute, options.nowMs),
    rateLimitPerMinute: config.rateLimitPerMinute,
    admins: config.admins,
    serial: (key, job) => work.serial(key, job),
  };

  if (!socketMode) {
    // Size cap, signature, age and replay checks before Bolt sees a request.
    const receiver = (app as unknown as { receiver: { requestListener: RequestListener } }).receiver;
    receiver.requestListener = guardRequests(receiver.requestListener, {
      signingSecret: config.slack.signingSecret!,
      logger,
      // Shared by replicas in Postgres; in this process alone with SQLite (one process, and a write per request measured 25 % slower).
      claimSignature: takeover ? (signature, nowMs, expiresAtMs) => store.claimSignature(signature, nowMs, expiresAtMs) : inMemorySignatures(),
      ...(options.maxBodyBytes !== undefined ? { maxBodyBytes: options.maxBodyBytes } : {}),
      ...(options.nowMs ? { nowMs: options.nowMs } : {}),
    });
  }

  // Counts every request until its listener (ack and the work after it) settles: SIGTERM drains these.
  app.use(({ next }) => work.track(next));

  // Each request is claimed in the store: Slack's retry of an event (to any replica) is dropped, and a
  // request whose replica dies is replayed by another (work-claims.ts).
  app.use(claimWorkMiddleware(claims) as never);

  // Anything that needs an ack but that no listener of ours handles (another command, an unknown
  // button, a shortcut) is acked here, so Slack isn't left waiting and the user sees no error.
  const ourActions = new Set<string>(Object.values(ACTION));
  app.use(async (args) => {
    const ack = (args as { ack?: (response?: unknown) => Promise<void> }).ack;
    if (typeof ack === 'function' && !handledHere(args.body as Record<string, unknown>, ourActions)) {
      await ack();
      return;
    }
    await args.next();
  });

  registerCommand(app, deps);
  registerMessages(app, deps);
  registerInteractions(app, deps);
  registerForm(app, deps);
  registerHome(app, deps);

  app.error(async (error) => {
    logger.error({ err: error }, 'unhandled error in a listener');
  });

  let running = false;
  let sweeper: WorkSweeper | undefined;
  const stop = async () => {
    if (!running) return;
    running = false;
    sweeper?.stop();
    await (app.stop() as Promise<void>);
  };
  const startSweeping = () => {
    if (!takeover) return;
    sweeper = startWorkSweeper({
      ...claims,
      ...(options.sweepEveryMs !== undefined ? { everyMs: options.sweepEveryMs } : {}),
      replay: (workKey, body) => app.processEvent({ body: body as Record<string, unknown>, ack: async () => undefined, customProperties: { [RECOVERED]: workKey } }),
    });
  };
  return {
    app,
    async start(port = config.port, host = config.host) {
      running = true;
      if (socket) {
        await app.start();
        startSweeping();
        const healthPort = await socket.healthPort();
        return healthPort === undefined ? {} : { port: healthPort };
      }
      const server = (await app.start(host === undefined ? port : { port, host })) as Server;
      startSweeping();
      return { port: (server.address() as AddressInfo).port };
    },
    stop,
    get inFlight() {
      return work.inFlight;
    },
    async drain(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      await Promise.race([stop(), new Promise((resolve) => setTimeout(resolve, timeoutMs))]);
      return work.drain(Math.max(0, deadline - Date.now()));
    },
  };
}
