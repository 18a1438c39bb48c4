/**
 * The stand-in for the parts of Slack tokcost talks to: the Web API (`/api/<method>`, bot token
 * checked), the file upload host (`/upload/<fileId>`), and `response_url`s (`/response/<id>`, at
 * most 5 posts within 30 minutes). It also hands out trigger_ids (valid 3 s) for the user's actions.
 * Routes only; the conversation lives in the ConversationStore.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConversationStore } from './conversation-store.ts';
import { parseApiArgs, readRaw, sendJson, uploadedBytes } from './http-body.ts';
import { BOT_ID, BOT_USER_ID } from './ids.ts';
import { callWebApi, type ApiContext } from './web-api-methods.ts';

/** Where a response_url's messages go: the channel, user and message the interaction came from. */
export interface ResponseTarget {
  readonly channel: string;
  readonly user: string;
  /** The message whose button was clicked (replace_original / delete_original act on it). */
  readonly sourceTs?: string;
  /** Thread of the source message: new responses land there too. */
  readonly threadTs?: string;
}

interface ResponseUrlState extends ResponseTarget {
  uses: number;
  readonly expiresAt: number;
}

export const TRIGGER_TTL_MS = 3000;
const RESPONSE_URL_USES = 5;
const RESPONSE_URL_TTL_MS = 30 * 60 * 1000;

export interface FakeSlackOptions {
  readonly store: ConversationStore;
  readonly botToken: string;
  readonly now?: () => number;
}

export class FakeSlackServer {
  private readonly triggers = new Map<string, { user: string; expiresAt: number }>();
  private readonly responseUrls = new Map<string, ResponseUrlState>();
  private readonly now: () => number;
  /** Set by the composition root once the server listens; ends in '/'. */
  baseUrl = '';

  constructor(private readonly options: FakeSlackOptions) {
    this.now = options.now ?? Date.now;
  }

  get apiUrl(): string {
    return `${this.baseUrl}api/`;
  }

  /** True for the paths this server answers. */
  static handles(pathname: string): boolean {
    return pathname.startsWith('/api/') || pathname.startsWith('/upload/') || pathname.startsWith('/response/');
  }

  newTrigger(user: string): string {
    const id = `${Math.floor(this.now() / 1000)}.${randomBytes(6).readUIntBE(0, 6)}.${randomBytes(16).toString('hex')}`;
    this.triggers.set(id, { user, expiresAt: this.now() + TRIGGER_TTL_MS });
    return id;
  }

  newResponseUrl(target: ResponseTarget): string {
    const id = randomBytes(12).toString('hex');
    this.responseUrls.set(id, { ...target, uses: 0, expiresAt: this.now() + RESPONSE_URL_TTL_MS });
    return `${this.baseUrl}response/${id}`;
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = new URL(req.url ?? '/', 'http://stand-in').pathname;
    const raw = await readRaw(req);
    const contentType = String(req.headers['content-type'] ?? '');
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: 'method_not_allowed' });
    if (pathname.startsWith('/upload/')) return this.upload(decodeURIComponent(pathname.slice('/upload/'.length)), raw, contentType, res);
    if (pathname.startsWith('/response/')) return this.respond(pathname.slice('/response/'.length), raw.toString('utf8'), res);
    const method = pathname.slice('/api/'.length);
    let args: Record<string, unknown>;
    try {
      args = parseApiArgs(raw.toString('utf8'), contentType);
    } catch {
      return sendJson(res, 200, { ok: false, error: 'invalid_json' });
    }
    const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1] ?? args.token;
    if (bearer !== this.options.botToken) {
      this.options.store.log({ direction: 'from-app', what: method, ok: false, detail: 'invalid_auth: missing or wrong bot token' });
      return sendJson(res, 200, { ok: false, error: bearer === undefined ? 'not_authed' : 'invalid_auth' });
    }
    sendJson(res, 200, callWebApi(this.apiContext(), method, args));
  }

  private apiContext(): ApiContext {
    return {
      store: this.options.store,
      baseUrl: this.baseUrl,
      useTrigger: (triggerId) => {
        const trigger = this.triggers.get(triggerId);
        if (!trigger) return { error: 'invalid_trigger_id' };
        this.triggers.delete(triggerId);
        return trigger.expiresAt < this.now() ? { error: 'expired_trigger_id' } : { user: trigger.user };
      },
    };
  }

  private async upload(fileId: string, raw: Buffer, contentType: string, res: ServerResponse): Promise<void> {
    const file = this.options.store.file(fileId);
    if (!file || file.completed) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return void res.end('file not found');
    }
    file.bytes = await uploadedBytes(raw, contentType);
    this.options.store.log({ direction: 'from-app', what: `upload ${fileId} (${file.bytes.length} bytes)`, ok: true });
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(`OK - ${file.bytes.length}`);
  }

  private respond(id: string, raw: string, res: ServerResponse): void {
    const target = this.responseUrls.get(id);
    const store = this.options.store;
    if (!target || target.expiresAt < this.now() || target.uses >= RESPONSE_URL_USES) {
      store.log({ direction: 'from-app', what: 'response_url', ok: false, detail: target ? 'used 5 times or expired' : 'unknown response_url' });
      return sendJson(res, 404, { ok: false, error: target ? 'expired_url' : 'invalid_url' });
    }
    target.uses += 1;
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw || '{}') as Record<string, unknown>;
    } catch {
      return sendJson(res, 400, { ok: false, error: 'invalid_json' });
    }
    const result = applyResponse(store, target, body);
    store.log({ direction: 'from-app', what: `response_url (${result})`, ok: result !== 'nothing to do' });
    sendJson(res, 200, { ok: true });
  }
}

/** What a post to a response_url does: delete or replace the source message, or add a new one. */
export function applyResponse(store: ConversationStore, target: ResponseTarget, body: Record<string, unknown>): string {
  const blocks = Array.isArray(body.blocks) ? body.blocks : undefined;
  const text = typeof body.text === 'string' ? body.text : '';
  if (body.delete_original === true) {
    return target.sourceTs && store.deleteMessage(target.channel, target.sourceTs) ? 'deleted the original' : 'nothing to do';
  }
  if (body.replace_original === true && target.sourceTs) {
    return store.updateMessage(target.channel, target.sourceTs, { text, ...(blocks ? { blocks } : {}) }) ? 'replaced the original' : 'nothing to do';
  }
  if (text === '' && !blocks) return 'nothing to do';
  const inChannel = body.response_type === 'in_channel';
  store.addMessage({
    channel: target.channel,
    user: BOT_USER_ID,
    botId: BOT_ID,
    text,
    ...(blocks ? { blocks } : {}),
    ...(target.threadTs ? { threadTs: target.threadTs } : {}),
    ...(inChannel ? {} : { ephemeralTo: target.user }),
  });
  return inChannel ? 'message in channel' : 'ephemeral message';
}
