/**
 * The Advisor on worker threads, so CPU-heavy work (fleet sizing ~70 ms, reports 100-200 ms, chart
 * rendering ~60 ms) never blocks the event loop that acks Slack within 3 s. N workers (config:
 * TOKCOST_ADVISOR_WORKERS, default cores - 1, at least 1 and at most 4) each load the real advisor once; calls queue in
 * the main thread and go to the first idle worker. A worker that dies fails its call and is replaced;
 * a call that runs past `callTimeoutMs` fails and its worker is replaced.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Advisor, AdvisorAnswer, ReportAnswer, Vocabulary } from './advisor.ts';

export type PoolCall = { readonly id: number; readonly method: 'answer' | 'answerDraft' | 'followUp' | 'report'; readonly args: unknown; readonly nowMs: number };
export type PoolReply = { readonly id: number; readonly ok: true; readonly value: unknown } | { readonly id: number; readonly ok: false; readonly message: string; readonly stack?: string | undefined };
type Ready = { readonly ready: true; readonly vocabulary: Vocabulary };

export interface AdvisorPool extends Advisor {
  readonly size: number;
  /** Calls waiting for a worker. */
  readonly queued: number;
  /** Restarts every worker (an idle one now, a busy one after its call) so each reloads data/, e.g. after a price refresh. */
  reload(): void;
  close(): Promise<void>;
}

export interface AdvisorPoolOptions {
  readonly size: number;
  readonly now?: () => Date;
  readonly chart?: boolean;
  /** A call running longer than this fails and its worker is replaced (default 60 s). */
  readonly callTimeoutMs?: number;
}

interface Job {
  readonly call: Omit<PoolCall, 'id'>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Restart once the current call is answered (reload()). */
  reloadAfterCall?: boolean;
  busy?: { id: number; job: Job; timer: NodeJS.Timeout };
}

/**
 * Starts the advisor worker. Compiled (dist/, `npm start`): a plain worker on the .js file. From the
 * sources (vitest, tsx scripts): tsx's loader is registered inside the worker first, since Node 20
 * ignores `--import` in a worker's execArgv.
 */
function startWorker(url: URL, workerData: unknown): Worker {
  // A small young generation makes V8 collect sooner: each call allocates a lot of short-lived
  // objects, and default limits let every worker's heap balloon under load (RSS target: < 300 MB).
  const options = { workerData, resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 192 } };
  if (!url.pathname.endsWith('.ts')) return new Worker(url, options);
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/** Buffers cross the thread boundary as Uint8Array: make chart PNGs Buffers again. */
function revive<T>(value: T): T {
  const v = value as { chartPng?: Uint8Array } | null;
  if (v && v.chartPng instanceof Uint8Array && !Buffer.isBuffer(v.chartPng)) {
    return { ...v, chartPng: Buffer.from(v.chartPng.buffer, v.chartPng.byteOffset, v.chartPng.byteLength) } as T;
  }
  return value;
}

export async function createAdvisorPool(options: AdvisorPoolOptions): Promise<AdvisorPool> {
  const now = options.now ?? (() => new Date());
  const callTimeoutMs = options.callTimeoutMs ?? 60_000;
  // From src/slack/ (sources) or any dist/<dir>/ (bundle chunks sit two levels down, as sources do).
  const workerUrl = new URL(`../slack/advisor-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
  const workerData = options.chart === undefined ? {} : { chart: options.chart };
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;
  let vocabulary: Vocabulary = { models: [], platforms: [] };

  const dispatch = () => {
    for (const slot of slots) {
      if (slot.busy || queue.length === 0) continue;
      const job = queue.shift()!;
      const id = nextId++;
      const timer = setTimeout(() => {
        slot.busy = undefined;
        job.reject(new Error(`advisor call timed out after ${callTimeoutMs} ms`));
        replace(slot);
      }, callTimeoutMs);
      slot.busy = { id, job, timer };
      slot.worker.postMessage({ id, ...job.call } satisfies PoolCall);
    }
  };

  const onReply = (slot: Slot, reply: PoolReply | Ready) => {
    if ('ready' in reply) return;
    const busy = slot.busy;
    if (!busy || busy.id !== reply.id) return;
    clearTimeout(busy.timer);
    slot.busy = undefined;
    if (reply.ok) busy.job.resolve(revive(reply.value));
    else busy.job.reject(Object.assign(new Error(reply.message), reply.stack ? { stack: reply.stack } : {}));
    if (slot.reloadAfterCall) {
      slot.reloadAfterCall = false;
      replace(slot);
    }
    dispatch();
  };

  /** Starts a worker for `slot` and resolves once it has loaded the advisor. */
  const spawn = (slot: Partial<Slot>): Promise<Slot> =>
    new Promise((resolve, reject) => {
      const worker = startWorker(workerUrl, workerData);
      const s = slot as Slot;
      s.worker = worker;
      let ready = false;
      worker.on('message', (message: PoolReply | Ready) => {
        if ('ready' in message && !ready) {
          ready = true;
          vocabulary = message.vocabulary;
          resolve(s);
          dispatch();
          return;
        }
        onReply(s, message);
      });
      const onDeath = (error: Error) => {
        if (!ready) return reject(error);
        if (s.worker !== worker) return;
        const busy = s.busy;
        s.busy = undefined;
        if (busy) {
          clearTimeout(busy.timer);
          busy.job.reject(error);
        }
        if (!closed) replace(s);
      };
      worker.on('error', onDeath);
      worker.on('exit', (code) => {
        if (!closed) onDeath(new Error(`advisor worker exited (code ${code})`));
      });
    });

  const replace = (slot: Slot) => {
    const old = slot.worker;
    if (closed) return;
    void spawn(slot).catch(() => undefined);
    void old.terminate().catch(() => undefined);
  };

  await Promise.all(Array.from({ length: Math.max(1, options.size) }, () => spawn({}).then((s) => slots.push(s))));

  const call = <T>(method: PoolCall['method'], args: unknown): Promise<T> => {
    if (closed) return Promise.reject(new Error('advisor pool is closed'));
    return new Promise<T>((resolve, reject) => {
      queue.push({ call: { method, args, nowMs: now().getTime() }, resolve: resolve as (v: unknown) => void, reject });
      dispatch();
    });
  };

  return {
    get size() {
      return slots.length;
    },
    get queued() {
      return queue.length;
    },
    answer: (input) => call<AdvisorAnswer>('answer', input),
    answerDraft: (input) => call<AdvisorAnswer>('answerDraft', input),
    followUp: (input) => call<AdvisorAnswer>('followUp', input),
    report: (kind, input) => call<ReportAnswer>('report', [kind, input]),
    vocabulary: () => vocabulary,
    reload() {
      for (const slot of slots) {
        if (slot.busy) slot.reloadAfterCall = true;
        else replace(slot);
      }
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('advisor pool is closed'));
      for (const slot of slots) {
        if (!slot.busy) continue;
        clearTimeout(slot.busy.timer);
        slot.busy.job.reject(new Error('advisor pool is closed'));
        slot.busy = undefined;
      }
      await Promise.all(slots.map((s) => s.worker.terminate().catch(() => 0)));
    },
  };
}
