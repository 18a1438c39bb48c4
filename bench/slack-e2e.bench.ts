/**
 * Slack app latency over loopback: the real Bolt app (HTTPReceiver) with the real advisor and the fake
 * Slack Web API run in a worker thread; this thread sends signed slash commands, so the client's clock
 * is not held up by the app's CPU work. Ack = HTTP response to the slash command; card =
 * chat.postMessage received; answer = the chart's files.completeUploadExternal received.
 * Targets: ack < 100 ms, answer < 1 s. Run: npx tsx bench/slack-e2e.bench.ts [runs]
 */
import { cpus } from 'node:os';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';

const RUNS = Number(process.argv[2] ?? 30);
const WARMUP = 3;
const QUESTION = 'gpt-oss-120b, 2k in / 400 out, 30 rps average, peaks 4x at noon, p95 TTFT under 1 s';

type ToWorker = { kind: 'wait'; run: number } | { kind: 'stop' };
type FromWorker = { kind: 'ready'; eventsUrl: string; secret: string; responseUrl: string } | { kind: 'done'; cardAt: number; answerAt: number } | { kind: 'stopped' };

async function serve(): Promise<void> {
  const { startHarness, SIGNING_SECRET } = await import('../test/e2e/slack/harness.ts');
  const { advisorForE2E } = await import('../test/e2e/slack/advisor-for-e2e.ts');
  const h = await startHarness({ advisor: await advisorForE2E() });
  const port = parentPort!;
  port.on('message', (message: ToWorker) => {
    if (message.kind === 'stop') {
      void h.stop().then(() => port.postMessage({ kind: 'stopped' } satisfies FromWorker));
      return;
    }
    void h.fake.waitFor(() => h.fake.callsTo('files.completeUploadExternal').length >= 1, 10_000, 'chart').then(() => {
      const cardAt = h.fake.callsTo('chat.postMessage')[0]!.at;
      const answerAt = h.fake.callsTo('files.completeUploadExternal')[0]!.at;
      h.fake.reset();
      port.postMessage({ kind: 'done', cardAt, answerAt } satisfies FromWorker);
    });
  });
  port.postMessage({ kind: 'ready', eventsUrl: h.eventsUrl, secret: SIGNING_SECRET, responseUrl: h.fake.responseUrl('bench') } satisfies FromWorker);
}

const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
};

async function drive(): Promise<void> {
  const { formBody, postSigned } = await import('../test/e2e/slack/signed-request.ts');
  // A .ts worker needs tsx's loader registered inside the worker first.
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(bootstrap, { eval: true, argv: process.argv.slice(2) });
  const next = () =>
    new Promise<FromWorker>((resolve, reject) => {
      const onMessage = (message: FromWorker) => {
        worker.off('error', onError);
        resolve(message);
      };
      const onError = (error: Error) => {
        worker.off('message', onMessage);
        reject(error);
      };
      worker.once('message', onMessage);
      worker.once('error', onError);
    });
  const ready = await next();
  if (ready.kind !== 'ready') throw new Error('worker did not start');
  const ack: number[] = [];
  const card: number[] = [];
  const answer: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const body = formBody({ team_id: 'T1', channel_id: `CBENCH${i}`, user_id: 'U1', command: '/tokcost', text: QUESTION, response_url: ready.responseUrl, trigger_id: 't', api_app_id: 'A1' });
    const done = next();
    const started = Date.now();
    const res = await postSigned(ready.eventsUrl, body, 'application/x-www-form-urlencoded', { secret: ready.secret });
    if (res.status !== 200) throw new Error(`slash command answered ${res.status}`);
    worker.postMessage({ kind: 'wait', run: i } satisfies ToWorker);
    const result = await done;
    if (result.kind !== 'done' || i < WARMUP) continue;
    ack.push(res.elapsedMs);
    card.push(result.cardAt - started);
    answer.push(result.answerAt - started);
  }
  worker.postMessage({ kind: 'stop' } satisfies ToWorker);
  await next();
  await worker.terminate();
  const row = (name: string, values: number[], target?: number) =>
    `${name.padEnd(22)} median ${quantile(values, 0.5).toFixed(1).padStart(7)} ms   p95 ${quantile(values, 0.95).toFixed(1).padStart(7)} ms` +
    (target ? `   target < ${target} ms: ${quantile(values, 0.95) < target ? 'met' : 'MISSED'} (p95)` : '');
  console.log(`Slack e2e over loopback, ${RUNS} runs after ${WARMUP} warm-ups, real advisor (catalog, engine, chart); ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}`);
  console.log(row('ack (slash command)', ack, 100));
  console.log(row('card posted', card));
  console.log(row('answer (card + chart)', answer, 1000));
}

(isMainThread ? drive() : serve()).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
