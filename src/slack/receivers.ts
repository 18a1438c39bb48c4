/**
 * The two ways Slack reaches the app, each with GET /healthz: an HTTPReceiver at /slack/events (signed
 * requests), or a SocketModeReceiver (the app token opens a WebSocket via apps.connections.open; no
 * public URL and no signing secret; the health endpoint listens on `port`). And one rule for both:
 * a body Bolt cannot type (`app_rate_limited`, anything Slack adds later) is acknowledged at once,
 * never left to time out into a 404 that makes Slack retry and count failures.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type App, HTTPReceiver, type Logger as BoltLogger, SocketModeReceiver } from '@slack/bolt';
import { getTypeAndConversation } from '@slack/bolt/dist/helpers.js';
import type { ReceiverEvent } from '@slack/bolt/dist/types/receiver.js';
import type { WebClientOptions } from '@slack/web-api';
import type { Logger } from 'pino';

type HealthState = () => Record<string, unknown>;
/** The store's own health (a cheap round trip that never throws), reported beside the receiver's. */
export type StoreHealthCheck = () => Promise<{ readonly ok: boolean }>;

function healthRoute(state: HealthState, storeHealth?: StoreHealthCheck) {
  return {
    path: '/healthz',
    method: ['GET'],
    handler: (_req: IncomingMessage, res: ServerResponse) => {
      void (async () => {
        const body = state();
        const store = storeHealth ? await storeHealth() : undefined;
        const ok = body.ok !== false && (store?.ok ?? true);
        res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ...body, ok, ...(store ? { store } : {}) }));
      })();
    },
  };
}

export function httpReceiver(signingSecret: string, logger: Logger, slackLogger: BoltLogger, storeHealth?: StoreHealthCheck): HTTPReceiver {
  return new HTTPReceiver({
    signingSecret,
    endpoints: '/slack/events',
    logger: slackLogger,
    // Bolt itself can throw on a signed but malformed body (e.g. `"user": null`) before any
    // listener runs: answer 400 (not 500), and log it.
    processEventErrorHandler: async ({ error, response }) => {
      logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'request Bolt could not process');
      if (response.headersSent) return false;
      response.writeHead(400);
      response.end();
      return true;
    },
    customRoutes: [healthRoute(() => ({ ok: true, mode: 'http' }), storeHealth)],
  });
}

export interface SocketReceiver {
  readonly receiver: SocketModeReceiver;
  /** The health endpoint's port once started (0 asks for any free port). */
  healthPort(): Promise<number | undefined>;
}

/**
 * `clientOptions` reach the client that calls apps.connections.open (Slack's API URL, its retries: the
 * socket-mode default of 100 retries would hide an unreachable Slack for many minutes).
 */
export function socketReceiver(appToken: string, port: number, slackLogger: BoltLogger, clientOptions: WebClientOptions, logger: Logger, storeHealth?: StoreHealthCheck): SocketReceiver {
  let connected = false;
  const receiver = new SocketModeReceiver({
    appToken,
    logger: slackLogger,
    installerOptions: { port, clientOptions },
    customRoutes: [healthRoute(() => ({ ok: connected, mode: 'socket', connected }), storeHealth)],
  });
  const client = (receiver as unknown as { client: SocketClient }).client;
  ackEventlessEnvelopes(client, logger);
  client.on('connected', () => (connected = true));
  client.on('disconnected', () => (connected = false));
  client.on('reconnecting', () => (connected = false));
  return {
    receiver,
    async healthPort() {
      const server = (receiver as unknown as { httpServer?: Server }).httpServer;
      if (!server) return undefined;
      if (!server.listening) await new Promise((resolve) => server.once('listening', resolve));
      return (server.address() as AddressInfo).port;
    },
  };
}

type SocketClient = NodeJS.EventEmitter & { send(envelopeId: string, body?: Record<string, unknown>): Promise<void> };

/**
 * An events_api envelope without an `event` (app_rate_limited is one) makes the socket-mode client
 * throw in its message handler: no ack, and an unhandled rejection. Ack and log those before it sees them.
 */
function ackEventlessEnvelopes(client: SocketClient, logger: Logger): void {
  const handlers = client.listeners('ws_message') as ((data: unknown, isBinary: boolean) => unknown)[];
  client.removeAllListeners('ws_message');
  client.on('ws_message', (data: unknown, isBinary: boolean) => {
    const envelope = isBinary ? undefined : parseEnvelope(data);
    const payload = envelope?.payload;
    if (envelope?.type === 'events_api' && typeof envelope.envelope_id === 'string' && typeof (payload?.event as { type?: unknown } | undefined)?.type !== 'string') {
      client.send(envelope.envelope_id).catch((error: unknown) => logger.warn({ err: error }, 'could not ack an envelope'));
      logger.warn({ type: typeof payload?.type === 'string' ? payload.type.slice(0, 64) : undefined, teamId: payload?.team_id, minuteRateLimited: payload?.minute_rate_limited }, 'acknowledged an events_api envelope without an event');
      return;
    }
    for (const handler of handlers) void handler(data, isBinary);
  });
}

function parseEnvelope(data: unknown): { type?: unknown; envelope_id?: unknown; payload?: Record<string, unknown> } | undefined {
  try {
    const text = typeof data === 'string' ? data : new TextDecoder().decode(data as ArrayBuffer);
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? (parsed as { payload?: Record<string, unknown> }) : undefined;
  } catch {
    return undefined; // the client's own handler logs and ignores it
  }
}

/** Acks, at once, every body Bolt would drop unanswered (it only warns "Could not determine the type"). */
export function ackUntypedBodies(app: App, logger: Logger): void {
  const processEvent = app.processEvent.bind(app);
  app.processEvent = async (event: ReceiverEvent) => {
    const body = event.body as Record<string, unknown>;
    if (getTypeAndConversation(body).type !== undefined) return processEvent(event);
    await event.ack();
    if (body.type === 'app_rate_limited') {
      // Slack stops sending events for the rest of this minute (over 30,000 an hour for one workspace).
      logger.warn({ teamId: body.team_id, minuteRateLimited: body.minute_rate_limited }, 'Slack rate-limited event delivery to this app for a minute');
    } else {
      logger.info({ type: typeof body.type === 'string' ? body.type.slice(0, 64) : typeof body.type }, 'acknowledged a Slack request no listener handles');
    }
  };
}
