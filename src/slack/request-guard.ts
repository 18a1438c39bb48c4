/**
 * In front of Bolt's HTTPReceiver: refuses what must never reach a listener. Bodies over the cap get 413
 * (checked on Content-Length and while reading); requests whose Slack signature is missing, wrong or
 * older than 5 minutes get 401; a signature seen before inside that window (a replay) gets 401 too,
 * on any replica: signatures are remembered in the shared store. The body it read is handed on as
 * `rawBody`, which Bolt reuses (and verifies again).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

export interface RequestGuardOptions {
  readonly signingSecret: string;
  readonly logger: Logger;
  /** Largest accepted body, bytes (default 64 KB). */
  readonly maxBodyBytes?: number;
  /** Oldest accepted timestamp, seconds (Slack: 5 minutes). */
  readonly maxAgeSeconds?: number;
  /**
   * Records a signature; false when it was seen before and has not expired (a replay). The store's
   * `claimSignature`, so every replica shares one memory.
   */
  readonly claimSignature: (signature: string, nowMs: number, expiresAtMs: number) => Promise<boolean>;
  readonly nowMs?: () => number;
  /** Paths the guard checks (POST); anything else passes through untouched. */
  readonly paths?: readonly string[];
}

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

type Verdict = { ok: true } | { ok: false; status: 401; reason: string };

/** Checks a Slack signature (v0=HMAC-SHA256 over `v0:{timestamp}:{body}`) and the timestamp's age. */
export function verifySignature(secret: string, headers: IncomingMessage['headers'], body: Buffer, nowSeconds: number, maxAgeSeconds: number): Verdict {
  const signature = headers['x-slack-signature'];
  const timestamp = headers['x-slack-request-timestamp'];
  if (typeof signature !== 'string' || typeof timestamp !== 'string') return { ok: false, status: 401, reason: 'missing signature headers' };
  const seconds = Number(timestamp);
  if (!/^\d{1,12}$/.test(timestamp) || !Number.isSafeInteger(seconds)) return { ok: false, status: 401, reason: 'malformed timestamp' };
  if (Math.abs(nowSeconds - seconds) > maxAgeSeconds) return { ok: false, status: 401, reason: 'stale timestamp' };
  const expected = Buffer.from(`v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body).digest('hex')}`);
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, status: 401, reason: 'bad signature' };
  return { ok: true };
}

const PAYLOAD_TYPES = new Set(['block_actions', 'interactive_message', 'view_submission', 'view_closed', 'shortcut', 'message_action', 'block_suggestion']);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whether a verified body is something Bolt can route (an event, a command, an interaction payload);
 * anything else gets 400 at once instead of waiting out Bolt's 3-second "nobody acked" timer.
 */
export function isRoutableBody(body: string, contentType: string): boolean {
  try {
    if (contentType.startsWith('application/json')) {
      const json: unknown = JSON.parse(body);
      if (!isObject(json) || typeof json.type !== 'string') return false;
      return json.type === 'url_verification' || json.type === 'app_rate_limited' || (json.type === 'event_callback' && isObject(json.event) && typeof json.event.type === 'string');
    }
    if (!contentType.startsWith('application/x-www-form-urlencoded')) return false;
    const form = new URLSearchParams(body);
    if (form.get('ssl_check') === '1') return true;
    const payload = form.get('payload');
    if (payload !== null) {
      const json: unknown = JSON.parse(payload);
      return isObject(json) && typeof json.type === 'string' && PAYLOAD_TYPES.has(json.type);
    }
    return typeof form.get('command') === 'string' && form.get('command') !== '';
  } catch {
    return false;
  }
}

function refuse(res: ServerResponse, status: number): void {
  if (res.headersSent) return;
  res.writeHead(status, { connection: 'close' });
  res.end();
}

/** Wraps Bolt's request listener with the size cap, signature, age and replay checks. */
export function guardRequests(next: RequestListener, options: RequestGuardOptions): RequestListener {
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const maxAge = options.maxAgeSeconds ?? 5 * 60;
  const nowMs = options.nowMs ?? Date.now;
  const paths = new Set(options.paths ?? ['/slack/events']);
  const log = options.logger;
  // A replay must arrive within the age window to pass the timestamp check, so twice the window is enough memory.
  const isNew = (signature: string, now: number) => options.claimSignature(signature, now, now + maxAge * 2 * 1000);

  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'POST' || !paths.has(path ?? '')) return next(req, res);
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBody) {
      log.warn({ declaredBytes: declared, maxBody }, 'request body over the cap');
      req.resume();
      return refuse(res, 413);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > maxBody) {
        done = true;
        log.warn({ maxBody }, 'request body over the cap');
        refuse(res, 413);
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => {
      done = true;
      refuse(res, 400);
    });
    req.on('end', () => {
      if (done) return;
      done = true;
      const body = Buffer.concat(chunks);
      const isSslCheck = String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded') && /(?:^|&)ssl_check=1(?:&|$)/.test(body.toString('latin1'));
      if (!isSslCheck) {
        const now = nowMs();
        const verdict = verifySignature(options.signingSecret, req.headers, body, Math.floor(now / 1000), maxAge);
        if (!verdict.ok) {
          log.warn({ reason: verdict.reason }, 'request refused');
          return refuse(res, verdict.status);
        }
      }
      if (!isRoutableBody(body.toString('utf8'), String(req.headers['content-type'] ?? ''))) {
        log.warn({ reason: 'unroutable body' }, 'request refused');
        return refuse(res, 400);
      }
      const pass = () => {
        (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
        try {
          next(req, res);
        } catch (error) {
          log.error({ err: error }, 'request listener threw');
          refuse(res, 500);
        }
      };
      if (isSslCheck) return pass();
      isNew(String(req.headers['x-slack-signature']), nowMs()).then(
        (fresh) => {
          if (fresh) return pass();
          log.warn({ reason: 'replayed signature' }, 'request refused');
          refuse(res, 401);
        },
        (error: unknown) => {
          // The signature and its age are verified; only the replay memory is down (a full disk).
          // Answering beats refusing everyone while the store is broken.
          log.error({ err: error }, 'store unavailable for the replay check; letting a verified request through');
          pass();
        },
      );
    });
  };
}

/**
 * Replay memory in this process, for a store no other replica shares (SQLite): a write per request
 * there would buy nothing. Oldest first out; at most `maxRemembered` signatures.
 */
export function inMemorySignatures(maxRemembered = 100_000): RequestGuardOptions['claimSignature'] {
  /** signature -> when it stops mattering (ms); insertion order is expiry order (same window for all). */
  const seen = new Map<string, number>();
  return async (signature, nowMs, expiresAtMs) => {
    for (const [key, expires] of seen) {
      if (expires > nowMs && seen.size < maxRemembered) break;
      seen.delete(key);
    }
    if (seen.has(signature)) return false;
    seen.set(signature, expiresAtMs);
    return true;
  };
}
