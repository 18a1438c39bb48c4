/**
 * A local stand-in for Slack's Web API, file upload host and response_url endpoint (node:http on
 * port 0). Records every call; individual methods can be told to fail or to answer 429 first.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  readonly method: string;
  readonly body: Record<string, unknown>;
  readonly at: number;
  /** The Authorization header ("Bearer xoxb-…" or, for apps.connections.open, "Bearer xapp-…"). */
  readonly authorization?: string;
  /** What the fake answered (set once answered). */
  response?: Record<string, unknown>;
}

export interface RecordedUpload {
  readonly fileId: string;
  readonly bytes: number;
  readonly at: number;
}

export interface RecordedResponse {
  readonly id: string;
  readonly body: Record<string, unknown>;
  readonly at: number;
}

/** The DM channel id Slack uses for a user id (fake, stable): U123 -> D123. */
export const dmChannel = (channel: string): string => (/^[UW][A-Z0-9]+$/.test(channel) ? `D${channel.slice(1)}` : channel);

const JSON_FIELDS = new Set(['blocks', 'view', 'files', 'attachments']);

function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = JSON_FIELDS.has(key) ? (JSON.parse(value) as unknown) : value;
  }
  return out;
}

export const readRaw = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/**
 * How long a test waits for the app to post something: a hang guard, not a speed limit. A real answer
 * takes well under a second on a quiet machine and several on a busy 2-core one; how fast it is is
 * `npm run bench`'s job.
 */
export const ANSWER_WAIT_MS = 60_000;

export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  readonly uploads: RecordedUpload[] = [];
  readonly responses: RecordedResponse[] = [];
  /** Files served at `${baseUrl}files/<name>` (url_private_download), and each GET with its Authorization header. */
  readonly files = new Map<string, { body: Buffer | string; contentType?: string }>();
  readonly downloads: { name: string; authorization: string }[] = [];
  private readonly failures = new Map<string, { error: string; times: number }>();
  private readonly rateLimits = new Map<string, { retryAfterSeconds: number; times: number }>();
  private readonly httpErrors = new Map<string, { status: number; times: number }>();
  private readonly stalls = new Map<string, { ms: number; times: number }>();
  /** Random faults for fuzzing: each API call fails (ok: false, 429 or 500) with this probability. */
  chaos = 0;
  /** Upload POSTs answered with an HTTP error before one succeeds (see failUpload), and all POSTs seen. */
  private uploadFailures = { status: 500, times: 0 };
  uploadAttempts = 0;
  /** Channels conversations.info reports the bot is not a member of. */
  readonly notMemberOf = new Set<string>();
  /** Socket Mode: the WebSocket URL apps.connections.open hands out (FakeSocketSlack.url). */
  socketUrl = '';
  /**
   * users.info answers: the fake's users are workspace admins unless a test gives them another role
   * (e.g. `fake.roles.set('UMEMBER', {})` for a plain member).
   */
  readonly roles = new Map<string, { is_admin?: boolean; is_owner?: boolean; is_primary_owner?: boolean }>();
  private server?: Server;
  private counter = 0;
  private waiters: (() => void)[] = [];
  baseUrl = '';

  get apiUrl(): string {
    return `${this.baseUrl}api/`;
  }

  fileUrl(name: string): string {
    return `${this.baseUrl}files/${encodeURIComponent(name)}`;
  }

  responseUrl(id: string): string {
    return `${this.baseUrl}response/${id}`;
  }

  /** Make `method` answer `{ ok: false, error }` for the next `times` calls. */
  fail(method: string, error: string, times = Number.POSITIVE_INFINITY): void {
    this.failures.set(method, { error, times });
  }

  /** Make `method` answer HTTP 429 with Retry-After for the next `times` calls. */
  rateLimit(method: string, retryAfterSeconds: number, times = 1): void {
    this.rateLimits.set(method, { retryAfterSeconds, times });
  }

  /** Make `method` answer with HTTP `status` (e.g. 500) for the next `times` calls. */
  httpError(method: string, status: number, times = 1): void {
    this.httpErrors.set(method, { status, times });
  }

  /**
   * Make `method` act (record the call and its answer) but hold the HTTP response for `ms` before
   * sending it, for the next `times` calls: a client timeout then can't know the post landed.
   */
  stall(method: string, ms: number, times = 1): void {
    this.stalls.set(method, { ms, times });
  }

  /** Make the next `times` upload POSTs (to the upload URL) answer HTTP `status`. */
  failUpload(status: number, times = 1): void {
    this.uploadFailures = { status, times };
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  reset(): void {
    this.calls.length = 0;
    this.uploads.length = 0;
    this.responses.length = 0;
    this.downloads.length = 0;
    this.failures.clear();
    this.rateLimits.clear();
    this.httpErrors.clear();
    this.stalls.clear();
    this.chaos = 0;
    this.uploadFailures = { status: 500, times: 0 };
    this.uploadAttempts = 0;
  }

  /** Resolves once `predicate` holds (checked after every recorded request), or rejects after `timeoutMs` (a hang guard). */
  async waitFor(predicate: () => boolean, timeoutMs = ANSWER_WAIT_MS, what = 'condition'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; calls: ${this.calls.map((c) => c.method).join(', ')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        res.writeHead(500);
        res.end(String(error));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  private notify(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readRaw(req);
    const path = new URL(req.url ?? '/', this.baseUrl).pathname;
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
      this.notify();
    };
    if (path.startsWith('/upload/')) {
      this.uploadAttempts += 1;
      if (this.uploadFailures.times > 0) {
        this.uploadFailures.times -= 1;
        res.writeHead(this.uploadFailures.status, { 'content-type': 'text/plain' });
        res.end('upload failed');
        return this.notify();
      }
      this.uploads.push({ fileId: path.slice('/upload/'.length), bytes: raw.length, at: Date.now() });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`OK - ${raw.length}`);
      return this.notify();
    }
    if (path.startsWith('/files/')) {
      const name = decodeURIComponent(path.slice('/files/'.length));
      this.downloads.push({ name, authorization: String(req.headers.authorization ?? '') });
      const file = this.files.get(name);
      res.writeHead(file ? 200 : 404, { 'content-type': file?.contentType ?? 'text/csv' });
      res.end(file?.body ?? 'not found');
      return this.notify();
    }
    if (path.startsWith('/response/')) {
      this.responses.push({ id: path.slice('/response/'.length), body: JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>, at: Date.now() });
      return send(200, { ok: true });
    }
    const method = path.replace(/^\/api\//, '');
    const body = parseBody(raw.toString('utf8'), String(req.headers['content-type'] ?? ''));
    const call: RecordedCall = { method, body, at: Date.now(), authorization: String(req.headers.authorization ?? '') };
    this.calls.push(call);
    if (this.chaos > 0 && Math.random() < this.chaos) {
      const roll = Math.random();
      if (roll < 0.34) return send(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '0' });
      if (roll < 0.67) return send(500, { ok: false, error: 'internal_error' });
      return send(200, { ok: false, error: 'not_in_channel' });
    }
    const broken = this.httpErrors.get(method);
    if (broken && broken.times > 0) {
      broken.times -= 1;
      return send(broken.status, { ok: false, error: 'internal_error' });
    }
    const limited = this.rateLimits.get(method);
    if (limited && limited.times > 0) {
      limited.times -= 1;
      return send(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(limited.retryAfterSeconds) });
    }
    const failure = this.failures.get(method);
    if (failure && failure.times > 0) {
      failure.times -= 1;
      return send(200, { ok: false, error: failure.error });
    }
    call.response = this.reply(method, body);
    const stall = this.stalls.get(method);
    if (stall && stall.times > 0) {
      stall.times -= 1;
      this.notify();
      await new Promise((resolve) => setTimeout(resolve, stall.ms));
      if (res.destroyed || res.writableEnded) return;
    }
    send(200, call.response);
  }

  private reply(method: string, body: Record<string, unknown>): Record<string, unknown> {
    const n = ++this.counter;
    switch (method) {
      case 'apps.connections.open':
        return this.socketUrl ? { ok: true, url: this.socketUrl } : { ok: false, error: 'not_allowed_token_type' };
      case 'conversations.info':
        return { ok: true, channel: { id: body.channel, is_channel: true, is_member: !this.notMemberOf.has(String(body.channel)) } };
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' };
      case 'chat.postMessage':
        // Like Slack: a message sent to a user id lands in the DM with them, whose id starts with D.
        return { ok: true, channel: dmChannel(String(body.channel)), ts: `1700000${String(n).padStart(3, '0')}.000100`, message: { text: body.text } };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `1700000${String(n).padStart(3, '0')}.000200` };
      case 'views.open':
      case 'views.publish':
        return { ok: true, view: { id: `V${n}` } };
      case 'files.getUploadURLExternal':
        return { ok: true, upload_url: `${this.baseUrl}upload/F${n}`, file_id: `F${n}` };
      case 'files.completeUploadExternal':
        return { ok: true, files: [{ id: 'F', title: 'chart' }] };
      case 'users.info': {
        const id = String(body.user);
        return { ok: true, user: { id, ...(this.roles.get(id) ?? { is_admin: true }) } };
      }
      default:
        return { ok: true };
    }
  }
}
