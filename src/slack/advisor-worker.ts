/**
 * Worker-thread side of the advisor pool: loads the real advisor once (catalog, engine, charts) and
 * answers calls from the main thread one at a time. The main thread's clock travels with each call,
 * so answers are dated by the composition root, not by this thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Advisor } from './advisor.ts';
import { loadRealAdvisor } from './load-real-advisor.ts';
import type { PoolCall, PoolReply } from './advisor-pool.ts';

const port = parentPort;
if (!port) throw new Error('advisor-worker.ts runs only as a worker thread');

let nowMs = Date.now();
const options = (workerData ?? {}) as { chart?: boolean };
const advisor: Advisor = await loadRealAdvisor({ now: () => new Date(nowMs), ...(options.chart === undefined ? {} : { chart: options.chart }) });

async function run(call: PoolCall): Promise<unknown> {
  nowMs = call.nowMs;
  switch (call.method) {
    case 'answer':
      return advisor.answer(call.args as Parameters<Advisor['answer']>[0]);
    case 'answerDraft':
      return advisor.answerDraft(call.args as Parameters<Advisor['answerDraft']>[0]);
    case 'followUp':
      return advisor.followUp(call.args as Parameters<Advisor['followUp']>[0]);
    case 'report': {
      const [kind, input] = call.args as Parameters<Advisor['report']>;
      return advisor.report(kind, input);
    }
  }
}

port.on('message', (call: PoolCall) => {
  run(call).then(
    (value) => port.postMessage({ id: call.id, ok: true, value } satisfies PoolReply),
    (error: unknown) => port.postMessage({ id: call.id, ok: false, message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined } satisfies PoolReply),
  );
});
port.postMessage({ ready: true, vocabulary: advisor.vocabulary() });
