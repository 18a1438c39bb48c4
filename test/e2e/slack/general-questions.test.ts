/**
 * Questions with no workload in them, end to end over loopback, through the advisor WORKER POOL (the
 * composition `npm start` runs): a mention asking what utilization does to cost per token, `/tokcost tco`
 * with no workload, and a claim check. Each gets a card (answer first: platforms and $ at several load
 * levels, how to ask for your own workload), never a refusal; the general answer's chart goes into its thread.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAdvisorPool, type AdvisorPool } from '../../../src/slack/advisor-pool.ts';
import { validateMessage } from '../../../src/slack/blocks/validate-blocks.ts';
import { BOT_USER_ID, blocksOf, QUESTION, startHarness, tsSequence, type Harness } from './harness.ts';

const nextTs = tsSequence('1770000');

describe('general questions in Slack end to end (worker pool)', () => {
  let h: Harness;
  let pool: AdvisorPool;
  beforeAll(async () => {
    pool = await createAdvisorPool({ size: 1, now: () => new Date('2026-12-03T12:00:00Z') });
    h = await startHarness({ advisor: pool });
  }, 120_000);
  afterAll(async () => {
    await h?.stop();
    await pool?.close();
  });
  beforeEach(() => h.fake.reset());
  const charted = () => h.fake.waitFor(() => h.fake.callsTo('files.completeUploadExternal').length >= 1, 60_000, 'the chart');
  const posted = () => h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length >= 1, 60_000, 'the card');

  it('a mention with no workload gets the general card (platforms, $ at 10/30/60/100 % load) and the curve chart in its thread', async () => {
    const ts = nextTs();
    await h.event({ type: 'app_mention', user: 'U1', text: `<@${BOT_USER_ID}> what does utilization do to cost per token, which platforms are most efficient under partial load?`, ts, channel: 'C5', event_ts: ts });
    await charted();
    const [message] = h.fake.callsTo('chat.postMessage');
    expect(message!.body.thread_ts).toBe(ts);
    expect(validateMessage(message!.body as never)).toEqual([]);
    const blocks = blocksOf(message);
    expect(String(message!.body.text)).toMatch(/^At 30 % load .+ is cheapest: \$\d/);
    for (const part of ['10%', '30%', '60%', '100%', 'For your own workload', 'gpt-oss-120b']) expect(blocks).toContain(part);
    expect(blocks).not.toMatch(/which model\?|could not use/);
    expect(h.fake.callsTo('files.completeUploadExternal')[0]!.body).toMatchObject({ channel_id: 'C5', thread_ts: ts });
  }, 120_000);

  it('/tokcost tco with no workload ("across the top chip makers") is answered on reference workloads, not refused', async () => {
    await h.command('tco across the top chip makers', { responseId: 'tco-general' });
    await posted();
    const [message] = h.fake.callsTo('chat.postMessage');
    expect(validateMessage(message!.body as never)).toEqual([]);
    const blocks = blocksOf(message);
    expect(blocks).toContain('<@U1> asked');
    expect(blocks).toContain('TCO at full load');
    expect(blocks).toMatch(/\$\d/);
  }, 120_000);

  it('a claim check says under which conditions the figure holds and what 30 % and 60 % load cost', async () => {
    const ts = nextTs();
    await h.event({ type: 'app_mention', user: 'U1', text: `<@${BOT_USER_ID}> is it true B200 does two cents per million tokens on gpt-oss-120b?`, ts, channel: 'C5', event_ts: ts });
    await posted();
    const [message] = h.fake.callsTo('chat.postMessage');
    expect(validateMessage(message!.body as never)).toEqual([]);
    const text = String(message!.body.text);
    expect(text).toMatch(/^(Reproduced only at full load|Not reproduced)/);
    expect(text).toMatch(/at 30% load, .+ at 60% load/);
    expect(blocksOf(message)).toContain('B200');
  }, 120_000);

  it('in a DM after an answer, a weakly general question ("is AMD cheaper?") is a follow-up; one that changes nothing is answered as general', async () => {
    await h.event({ type: 'message', channel_type: 'im', user: 'U1', text: QUESTION, ts: nextTs(), channel: 'D9' });
    await charted();
    h.fake.reset();
    await h.event({ type: 'message', channel_type: 'im', user: 'U1', text: 'would AMD be cheaper?', ts: nextTs(), channel: 'D9' });
    await charted();
    expect(blocksOf(h.fake.callsTo('chat.postMessage')[0])).toContain('What changed:');
    h.fake.reset();
    await h.event({ type: 'message', channel_type: 'im', user: 'U1', text: 'which GPU should we buy for inference?', ts: nextTs(), channel: 'D9' });
    await charted();
    expect(String(h.fake.callsTo('chat.postMessage')[0]!.body.text)).toMatch(/^At 30 % load .+ is cheapest/);
  }, 180_000);
});
