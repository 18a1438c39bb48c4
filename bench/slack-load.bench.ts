/**
 * Slack app under concurrent load, end to end over loopback. The app runs as its own process
 * (`node --max-semi-space-size=4 --import tsx src/slack/main.ts`, what `npm start` runs: real advisor, SQLite, HTTP receiver);
 * this process is the client (signed slash commands) and the fake Slack Web API, so load generation
 * never shares the app's event loop. For 1, 10 and 50 concurrent slash commands (distinct users and
 * channels) it reports ack latency (HTTP response to the command) and answer latency (signed request
 * in -> the last Web API call for that channel out: the chart's files.completeUploadExternal), p50/p95/p99,
 * lost requests, and the app's peak RSS (VmHWM). Run once with the advisor on the main thread
 * (TOKCOST_ADVISOR_WORKERS=0) and once on the worker pool (default cores - 1, at least 1, at most 4).
 * Targets: ack p99 < 200 ms at 50 concurrent; answer p95 < 1 s at 10 concurrent; RSS < 300 MB; none lost.
 * Run: npx tsx bench/slack-load.bench.ts [rounds-at-50]
 */
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAppProcess, type AppProcess } from '../test/e2e/slack/app-process.ts';
import { FakeSlack } from '../test/e2e/slack/fake-slack.ts';
import { formBody, postSigned } from '../test/e2e/slack/signed-request.ts';

const ROUNDS_AT_50 = Number(process.argv[2] ?? 3);
const SECRET = 'bench0signing0secret0abc';
const QUESTION = 'gpt-oss-120b, 2k in / 400 out, 30 rps average, peaks 4x at noon, p95 TTFT under 1 s';
const LEVELS: readonly { concurrency: number; rounds: number }[] = [
  { concurrency: 1, rounds: 20 },
  { concurrency: 10, rounds: 5 },
  { concurrency: 50, rounds: ROUNDS_AT_50 },
];

const quantile = (values: readonly number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
};

/** Peak and current resident set of a process, MB (Linux /proc; NaN elsewhere). */
function rssMb(pid: number): { peak: number; now: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
    return { peak: kb('VmHWM') / 1024, now: kb('VmRSS') / 1024 };
  } catch {
    return { peak: Number.NaN, now: Number.NaN };
  }
}

interface LevelResult {
  concurrency: number;
  ack: number[];
  answer: number[];
  lost: number;
}

let requestCounter = 0;

async function round(app: AppProcess, fake: FakeSlack, concurrency: number): Promise<{ ack: number[]; answer: number[]; lost: number }> {
  fake.reset();
  const ids = Array.from({ length: concurrency }, () => ++requestCounter);
  const started = new Map<number, number>();
  const acks = await Promise.all(
    ids.map(async (id) => {
      const body = formBody({ team_id: 'T1', channel_id: `CL${id}`, user_id: `UL${id}`, command: '/tokcost', text: QUESTION, response_url: fake.responseUrl(`r${id}`), trigger_id: 't', api_app_id: 'A1' });
      started.set(id, Date.now());
      const res = await postSigned(app.eventsUrl, body, 'application/x-www-form-urlencoded', { secret: SECRET });
      if (res.status !== 200) throw new Error(`slash command answered ${res.status}`);
      return res.elapsedMs;
    }),
  );
  const done = () => fake.callsTo('files.completeUploadExternal').length >= concurrency;
  await fake.waitFor(done, 60_000, `${concurrency} answers`).catch(() => undefined);
  const completed = new Map(fake.callsTo('files.completeUploadExternal').map((c) => [String(c.body.channel_id), c.at]));
  const answer: number[] = [];
  let lost = 0;
  for (const id of ids) {
    const at = completed.get(`CL${id}`);
    if (at === undefined) lost++;
    else answer.push(at - started.get(id)!);
  }
  const cards = fake.callsTo('chat.postMessage').length;
  if (cards !== concurrency) throw new Error(`expected ${concurrency} cards, got ${cards} (duplicates or losses)`);
  return { ack: acks, answer, lost };
}

async function runMode(workers: number): Promise<{ levels: LevelResult[]; peakRssMb: number }> {
  const fake = new FakeSlack();
  await fake.start();
  const dir = mkdtempSync(join(tmpdir(), 'tokcost-load-'));
  const app = await startAppProcess({
    SLACK_BOT_TOKEN: 'xoxb-bench-token',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    TOKCOST_DB_PATH: join(dir, 'tokcost.sqlite'),
    TOKCOST_ADVISOR_WORKERS: String(workers),
    TOKCOST_RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: 'info',
  }, 60_000);
  try {
    await round(app, fake, 4); // warm-up: JIT, catalog caches, chart fonts
    const levels: LevelResult[] = [];
    for (const { concurrency, rounds } of LEVELS) {
      const result: LevelResult = { concurrency, ack: [], answer: [], lost: 0 };
      for (let r = 0; r < rounds; r++) {
        const one = await round(app, fake, concurrency);
        result.ack.push(...one.ack);
        result.answer.push(...one.answer);
        result.lost += one.lost;
      }
      levels.push(result);
    }
    return { levels, peakRssMb: rssMb(app.child.pid!).peak };
  } finally {
    await app.kill('SIGTERM');
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const f = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`).padStart(8);

function print(label: string, result: { levels: LevelResult[]; peakRssMb: number }): void {
  console.log(`\n${label}  (peak RSS ${result.peakRssMb.toFixed(0)} MB${result.peakRssMb < 300 ? '' : ' — over the 300 MB target'})`);
  console.log('concurrent  samples   ack p50   ack p95   ack p99   answer p50  answer p95  lost');
  for (const l of result.levels) {
    console.log(`${String(l.concurrency).padStart(10)}  ${String(l.ack.length).padStart(7)}  ${f(quantile(l.ack, 0.5))}  ${f(quantile(l.ack, 0.95))}  ${f(quantile(l.ack, 0.99))}    ${f(quantile(l.answer, 0.5))}    ${f(quantile(l.answer, 0.95))}  ${String(l.lost).padStart(4)}`);
  }
  const at50 = result.levels.find((l) => l.concurrency === 50)!;
  const at10 = result.levels.find((l) => l.concurrency === 10)!;
  const ok = (met: boolean) => (met ? 'met' : 'MISSED');
  console.log(
    `targets: ack p99 @50 < 200 ms: ${ok(quantile(at50.ack, 0.99) < 200)}; answer p95 @10 < 1 s: ${ok(quantile(at10.answer, 0.95) < 1000)}; ` +
      `RSS < 300 MB: ${ok(result.peakRssMb < 300)}; none lost: ${ok(result.levels.every((l) => l.lost === 0))}`,
  );
}

const pool = Math.max(1, Math.min(4, availableParallelism() - 1));
console.log(`Slack app under load over loopback (app in its own process, real advisor); ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);
print('advisor on the main thread (TOKCOST_ADVISOR_WORKERS=0)', await runMode(0));
print(`advisor on a worker pool (TOKCOST_ADVISOR_WORKERS=${pool}, the default)`, await runMode(pool));
