/**
 * Requests as claimed work in the shared store, so a replica that dies mid-answer is replaced by
 * another and nothing is answered twice:
 * - each request is recorded with its body and a lease held by this replica (renewed while it works);
 *   an event whose `event_id` is already recorded (Slack's retry, to any replica) is a duplicate;
 * - every replica sweeps for work whose lease has passed, takes it (row locks, SKIP LOCKED) and
 *   replays the stored body through its own listeners;
 * - every visible post (Web API posts, uploads, response_url) is a step of its work: a replay skips
 *   a step already done (reusing its recorded answer, such as the thread ts) and never repeats one
 *   that started but was never confirmed.
 * The current work travels in AsyncLocalStorage, so listeners need not know about any of this.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { TokcostStore } from '../store/store.ts';

interface WorkContext {
  readonly workKey: string;
  idsIssued: number;
  readonly stepsSeen: Map<string, number>;
}

const current = new AsyncLocalStorage<WorkContext>();

/** The work key of the request being handled, if any. */
export const currentWorkKey = (): string | undefined => current.getStore()?.workKey;

/** An id that is the same each time this request is replayed (answer ids on buttons); undefined outside work. */
export function nextWorkScopedId(): string | undefined {
  const work = current.getStore();
  if (!work) return undefined;
  return createHash('sha256').update(`${work.workKey}#${work.idsIssued++}`).digest('hex').slice(0, 16);
}

/** Context property Bolt passes through to middleware when a replica replays another's work. */
export const RECOVERED = 'tokcostRecoveredWork';

export interface WorkClaimsOptions {
  readonly store: TokcostStore;
  readonly logger: Logger;
  /** This replica's name in the store (host and pid, plus a random part). */
  readonly owner: string;
  readonly leaseMs: number;
  readonly nowMs?: () => number;
  /**
   * Claim every request with a lease for another replica to take over (a store shared by replicas).
   * False (SQLite, one process): only events are recorded, to drop Slack's retries; each claim,
   * renewal and recorded post would cost a write for a takeover no other process can make.
   */
  readonly takeover?: boolean;
}

type BoltBody = { type?: string; event_id?: string; team_id?: string; team?: { id?: string }; command?: string };

const workKeyOf = (body: BoltBody): string => (body.type === 'event_callback' && body.event_id ? `event:${body.event_id}` : `req:${randomUUID()}`);
const teamOf = (body: BoltBody): string => body.team_id ?? body.team?.id ?? 'unknown-team';

/** Runs `work` as `workKey`, renewing its lease until it settles, then marks it finished. */
async function holdWhile(options: WorkClaimsOptions, workKey: string, work: () => Promise<void>): Promise<void> {
  const nowMs = options.nowMs ?? Date.now;
  const renew = setInterval(() => {
    options.store.renewWork(workKey, options.owner, nowMs() + options.leaseMs).then(
      (held) => {
        if (!held) options.logger.warn({ workKey }, 'lost the claim on a request (another replica took it over)');
      },
      (error: unknown) => options.logger.warn({ err: error, workKey }, 'could not renew a claim'),
    );
  }, Math.max(250, Math.floor(options.leaseMs / 3)));
  try {
    await current.run({ workKey, idsIssued: 0, stepsSeen: new Map() }, work);
  } finally {
    clearInterval(renew);
    await options.store.finishWork(workKey, options.owner, nowMs()).catch((error: unknown) => options.logger.warn({ err: error, workKey }, 'could not mark a request finished'));
  }
}

/** Bolt global middleware: claim the request (or drop a duplicate), then run the listeners inside it. */
export function claimWorkMiddleware(options: WorkClaimsOptions) {
  const nowMs = options.nowMs ?? Date.now;
  return async ({ body, context, next }: { body: unknown; context: Record<string, unknown>; next: () => Promise<void> }): Promise<void> => {
    const recovered = context[RECOVERED];
    if (typeof recovered === 'string') return holdWhile(options, recovered, next);
    const request = body as BoltBody;
    const workKey = workKeyOf(request);
    if (options.takeover === false && !workKey.startsWith('event:')) return next();
    let claimed: boolean;
    try {
      claimed = await options.store.beginWork({ workKey, teamId: teamOf(request), payload: body, owner: options.owner }, nowMs(), nowMs() + options.leaseMs);
    } catch (error) {
      // A store that can't take writes (a full disk) must not silence the app: answer, unclaimed.
      options.logger.error({ err: error, workKey }, 'could not claim a request; answering it without a claim');
      return next();
    }
    if (!claimed) {
      options.logger.info({ workKey, retryNum: context.retryNum }, 'duplicate event ignored');
      return;
    }
    if (options.takeover === false) return current.run({ workKey, idsIssued: 0, stepsSeen: new Map() }, next);
    return holdWhile(options, workKey, next);
  };
}

export interface WorkSweeper {
  /** One sweep: take over abandoned work and replay it; resolves with how many were taken. */
  sweepOnce(): Promise<number>;
  stop(): void;
}

/** Replays work whose replica stopped renewing its lease. `replay` hands the body to Bolt (processEvent). */
export function startWorkSweeper(
  options: WorkClaimsOptions & { readonly everyMs?: number; readonly maxAttempts?: number; readonly replay: (workKey: string, body: unknown) => Promise<void> },
): WorkSweeper {
  const nowMs = options.nowMs ?? Date.now;
  let stopped = false;
  let sweeping = false;
  const sweepOnce = async () => {
    if (stopped || sweeping) return 0;
    sweeping = true;
    try {
      const taken = await options.store.claimAbandonedWork(options.owner, nowMs(), nowMs() + options.leaseMs, 8, options.maxAttempts ?? 3);
      for (const item of taken) {
        options.logger.warn({ workKey: item.workKey, attempt: item.attempts }, 'finishing a request another replica left unfinished');
        void options.replay(item.workKey, item.payload).catch((error: unknown) => options.logger.error({ err: error, workKey: item.workKey }, 'replaying a request failed'));
      }
      return taken.length;
    } catch (error) {
      options.logger.warn({ err: error }, 'could not look for unfinished requests');
      return 0;
    } finally {
      sweeping = false;
    }
  };
  const timer = setInterval(() => void sweepOnce(), options.everyMs ?? Math.max(250, Math.floor(options.leaseMs / 2)));
  timer.unref();
  return {
    sweepOnce,
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}

/** Names of the Web API methods whose calls people see (each a step); reads and views are repeatable. */
const POSTING_METHODS = new Set(['chat.postMessage', 'chat.postEphemeral', 'chat.update', 'chat.delete', 'files.completeUploadExternal']);
/** Fields that make two posts the same post (not answer ids, file ids or tokens). */
const STEP_FIELDS = ['channel', 'channel_id', 'thread_ts', 'text', 'response_type', 'replace_original', 'delete_original', 'initial_comment', 'user'] as const;

function fieldsOf(body: unknown): Record<string, unknown> {
  if (typeof body !== 'string') return {};
  try {
    if (body.trimStart().startsWith('{')) return JSON.parse(body) as Record<string, unknown>;
    return Object.fromEntries(new URLSearchParams(body));
  } catch {
    return {};
  }
}

/** The step a request is, or undefined when it shows nothing to anyone (reads, uploads of bytes). */
function stepOf(url: string, init: RequestInit | undefined, apiUrl: string): string | undefined {
  if (init?.method !== 'POST') return undefined;
  const method = url.startsWith(apiUrl) ? url.slice(apiUrl.length).split('?')[0]! : undefined;
  if (method !== undefined && !POSTING_METHODS.has(method)) return undefined;
  // Off the Web API, only response_url posts (a JSON body) show anything; upload bytes do not.
  if (method === undefined && (typeof init.body !== 'string' || !init.body.trimStart().startsWith('{'))) return undefined;
  const fields = fieldsOf(init.body);
  const identity = JSON.stringify([method ?? 'response_url', ...STEP_FIELDS.map((f) => fields[f] ?? null)]);
  return `${method ?? 'respond'}:${createHash('sha256').update(identity).digest('hex').slice(0, 24)}`;
}

/**
 * A fetch for the WebClient and response_url: inside work, each post is recorded as a step first;
 * a replayed step already done gets its recorded answer without being sent, and one that may have
 * been sent (started, never confirmed) fails as a timeout, which the listeners treat as "maybe
 * posted, don't repost". Outside work it is plain fetch.
 */
export function stepRecordingFetch(store: TokcostStore, apiUrl: string, base: typeof fetch = fetch, nowMs: () => number = Date.now): typeof fetch {
  return async (input, init) => {
    const work = current.getStore();
    const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
    const step = work ? stepOf(url, init, apiUrl) : undefined;
    if (!work || step === undefined) return base(input, init);
    const seen = work.stepsSeen.get(step) ?? 0;
    work.stepsSeen.set(step, seen + 1);
    const stepKey = `${step}#${seen}`;
    const state = await store.beginStep(work.workKey, stepKey, nowMs()).catch(() => undefined);
    // Unrecorded (the store refuses writes): post anyway; a replay of this work is then unlikely to be possible either.
    if (state === undefined) return base(input, init);
    if (state.state === 'done') {
      const recorded = state.result as { status: number; body: string; contentType: string };
      return new Response(recorded.body, { status: recorded.status, headers: { 'content-type': recorded.contentType } });
    }
    if (state.state === 'uncertain') throw new DOMException(`step ${stepKey} may already have been posted`, 'TimeoutError');
    const response = await base(input, init);
    const text = await response.text();
    await store.finishStep(work.workKey, stepKey, { status: response.status, body: text, contentType: response.headers.get('content-type') ?? 'application/json' }).catch(() => undefined);
    return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

/** The store as listeners see it: an event key claimed inside work may be claimed again by a replay of that work. */
export function workScopedStore(store: TokcostStore): TokcostStore {
  return {
    ...store,
    // Failing open: the only repeats this key catches are a mention also delivered as a message, which the listeners skip anyway.
    claimEvent: (teamId, key, claimant) => store.claimEvent(teamId, key, claimant ?? currentWorkKey()).catch(() => true),
  };
}

/** A name for this replica in the store: host, pid and a random part (a restarted pid is a new owner). */
export const replicaName = (host: string, pid: number): string => `${host}:${pid}:${randomUUID().slice(0, 8)}`;
