/**
 * The page's HTTP side: the static page, the conversation as JSON (`/ui/state`), live updates as
 * Server-Sent Events (`/ui/events`), the user's actions (`POST /ui/...`) and uploaded files.
 * Only loopback Host headers and JSON POSTs are accepted (no cross-site or DNS-rebinding use).
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConversationStore } from './conversation-store.ts';
import { readRaw, sendJson } from './http-body.ts';
import { pageState } from './page-model.ts';
import type { Outcome, SlackUser } from './slack-user.ts';
import type { FormInputValue } from './view-state.ts';

const STATIC: Readonly<Record<string, string>> = {
  'index.html': 'text/html; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'style.css': 'text/css; charset=utf-8',
};
const STATIC_DIR = new URL('./static/', import.meta.url);
const HEARTBEAT_MS = 15_000;

export interface PageServerDeps {
  readonly store: ConversationStore;
  readonly user: SlackUser;
  readonly viewer: string;
}

type Body = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export class PageServer {
  private readonly streams = new Set<ServerResponse>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly unsubscribe: () => void;

  constructor(private readonly deps: PageServerDeps) {
    this.unsubscribe = deps.store.subscribe((version) => this.broadcast(`data: ${version}\n\n`));
    this.heartbeat = setInterval(() => this.broadcast(': keep-alive\n\n'), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Ends live streams so the HTTP server can close. */
  close(): void {
    clearInterval(this.heartbeat);
    this.unsubscribe();
    for (const res of this.streams) res.end();
    this.streams.clear();
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://page');
    if (!/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(String(req.headers.host ?? ''))) return sendJson(res, 421, { error: 'loopback only' });
    if (req.method === 'GET') return this.get(url.pathname, req, res);
    if (req.method !== 'POST' || !String(req.headers['content-type'] ?? '').includes('application/json')) return sendJson(res, 405, { error: 'POST JSON only' });
    let body: Body;
    try {
      body = JSON.parse((await readRaw(req, 1024 * 1024)).toString('utf8') || '{}') as Body;
    } catch {
      return sendJson(res, 400, { error: 'invalid JSON' });
    }
    const outcome = await this.act(url.pathname, body);
    if (!outcome) return sendJson(res, 404, { error: 'no such action' });
    sendJson(res, 200, outcome);
  }

  private async get(pathname: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (pathname === '/ui/state') return sendJson(res, 200, pageState(this.deps.store, this.deps.viewer));
    if (pathname === '/ui/events') return this.openStream(req, res);
    if (pathname.startsWith('/files/')) return this.file(decodeURIComponent(pathname.slice('/files/'.length)), res);
    const name = pathname === '/' ? 'index.html' : pathname.replace(/^\/static\//, '');
    const type = STATIC[name];
    if (!type || (pathname !== '/' && !pathname.startsWith('/static/'))) return sendJson(res, 404, { error: 'not found' });
    const content = await readFile(new URL(name, STATIC_DIR));
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(content);
  }

  private act(pathname: string, body: Body): Promise<Outcome> | undefined {
    const user = this.deps.user;
    switch (pathname) {
      case '/ui/say':
        return user.say(String(body.channel ?? ''), String(body.text ?? ''), str(body.threadTs));
      case '/ui/click':
        return user.click(
          { ...(str(body.channel) ? { channel: str(body.channel)! } : {}), ...(str(body.messageTs) ? { messageTs: str(body.messageTs)! } : {}), ...(str(body.viewId) ? { viewId: str(body.viewId)! } : {}) },
          { type: String(body.type ?? 'button'), actionId: String(body.actionId ?? ''), blockId: String(body.blockId ?? ''), ...(str(body.value) !== undefined ? { value: str(body.value)! } : {}) },
        );
      case '/ui/submit':
        return user.submitView(String(body.viewId ?? ''), Array.isArray(body.inputs) ? (body.inputs as FormInputValue[]) : []);
      case '/ui/close':
        return user.closeView(String(body.viewId ?? ''));
      case '/ui/home':
        return user.openHome();
      default:
        return undefined;
    }
  }

  private openStream(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(`retry: 1000\ndata: ${this.deps.store.version}\n\n`);
    this.streams.add(res);
    req.on('close', () => this.streams.delete(res));
  }

  private file(id: string, res: ServerResponse): void {
    const file = this.deps.store.file(id);
    if (!file?.bytes) return sendJson(res, 404, { error: 'no such file' });
    res.writeHead(200, { 'content-type': file.mimetype, 'content-length': String(file.bytes.length), 'cache-control': 'no-store' });
    res.end(file.bytes);
  }

  private broadcast(chunk: string): void {
    for (const res of this.streams) res.write(chunk);
  }
}
