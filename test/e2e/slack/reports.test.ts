/**
 * Planning reports end to end over loopback with the REAL advisor: `/tokcost curve <question>`, a thread
 * follow-up "show the crossover", and `/tokcost api` (the API break-even and its chart).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { validateMessage } from '../../../src/slack/blocks/validate-blocks.ts';
import { advisorForE2E } from './advisor-for-e2e.ts';
import { BOT_USER_ID, blocksOf, QUESTION, startHarness, tsSequence, type Harness } from './harness.ts';

const nextTs = tsSequence('1760000');

describe('planning reports in Slack end to end (real advisor)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ advisor: await advisorForE2E() });
  });
  afterAll(async () => {
    await h?.stop();
  });
  beforeEach(() => h.fake.reset());

  const charted = (n = 1) => h.fake.waitFor(() => h.fake.callsTo('files.completeUploadExternal').length >= n, 15_000, `${n} chart(s)`);

  it('/tokcost curve <question>: acks at once, posts the curve report, uploads its chart into the thread', async () => {
    const res = await h.command(`curve ${QUESTION}`);
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    await charted();
    const [message] = h.fake.callsTo('chat.postMessage');
    expect(message!.body.channel).toBe('C1');
    expect(validateMessage(message!.body as never)).toEqual([]);
    expect(String(message!.body.text)).toMatch(/^tokcost Utilization curve: .*degrades least/);
    for (const part of ['Utilization curve · gpt-oss-120b', 'Low/full', 'Assumptions', '<@U1> asked for the curve report']) expect(blocksOf(message)).toContain(part);
    expect(h.fake.uploads[0]!.bytes).toBeGreaterThan(1000);
    expect(h.fake.callsTo('files.completeUploadExternal')[0]!.body).toMatchObject({ channel_id: 'C1', thread_ts: message!.response!.ts });
  });

  it('a thread follow-up "show the crossover" answers with the crossover grid for the thread\'s workload', async () => {
    const ts = nextTs();
    await h.event({ type: 'app_mention', user: 'U1', text: `<@${BOT_USER_ID}> ${QUESTION}`, ts, channel: 'C3', event_ts: ts });
    await charted();
    h.fake.reset();
    await h.event({ type: 'message', channel_type: 'channel', user: 'U1', text: 'show the crossover', ts: nextTs(), thread_ts: ts, channel: 'C3' });
    await charted();
    const [message] = h.fake.callsTo('chat.postMessage');
    expect(message!.body.thread_ts).toBe(ts);
    expect(validateMessage(message!.body as never)).toEqual([]);
    expect(blocksOf(message)).toContain('Crossover · gpt-oss-120b · 2000 in / 400 out · 30 req/s');
    expect(blocksOf(message)).toContain('Crossover points');
    expect(h.fake.callsTo('files.completeUploadExternal')[0]!.body.thread_ts).toBe(ts);

    // The thread keeps its workload: another report word still works after the report.
    h.fake.reset();
    await h.event({ type: 'app_mention', user: 'U1', text: `<@${BOT_USER_ID}> tco?`, ts: nextTs(), thread_ts: ts, channel: 'C3', event_ts: nextTs() });
    await charted();
    expect(blocksOf(h.fake.callsTo('chat.postMessage')[0])).toContain('TCO across vendors');
  });

  it('/tokcost api <question> is answered with the API comparison and its chart', async () => {
    await h.command(`api ${QUESTION}`, { responseId: 'api' });
    await h.fake.waitFor(() => h.fake.callsTo('files.completeUploadExternal').length >= 1, 15_000, 'api report and chart');
    expect(validateMessage(h.fake.callsTo('chat.postMessage')[0]!.body as never)).toEqual([]);
    expect(JSON.stringify(h.fake.responses)).not.toContain('coming soon');
  });
});
