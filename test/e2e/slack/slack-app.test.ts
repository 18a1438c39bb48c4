/**
 * End to end over loopback with the REAL advisor: signed slash commands, events and interactions
 * into the Bolt app (HTTPReceiver on port 0), Web API calls recorded by FakeSlack.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { validateMessage, validateView } from '../../../src/slack/blocks/validate-blocks.ts';
import { advisorForE2E } from './advisor-for-e2e.ts';
import { BOT_USER_ID, blocksOf, QUESTION, startHarness, tsSequence, type Harness } from './harness.ts';
import { blockAction, viewSubmission } from './payloads.ts';
import { ANSWER_WAIT_MS } from './fake-slack.ts';

const nextTs = tsSequence('1750000');

describe('tokcost Slack app end to end (real advisor)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ advisor: await advisorForE2E() });
  });
  afterAll(async () => {
    await h?.stop();
  });
  beforeEach(() => h.fake.reset());

  const charted = (n = 1) => h.fake.waitFor(() => h.fake.callsTo('files.completeUploadExternal').length >= n, 10_000, `${n} chart(s)`);
  const answerIdOf = (card: { body: Record<string, unknown> }) =>
    (card.body.blocks as { type: string; elements?: { value: string }[] }[]).find((b) => b.type === 'actions')!.elements![0]!.value;
  /** Presses the card's "Assumptions & sources" button; returns the thread reply's blocks as text. */
  const assumptionsReply = async (card: { body: Record<string, unknown>; response?: Record<string, unknown> }, teamId: string, channelId: string) => {
    h.fake.reset();
    await h.interaction(blockAction({ teamId, channelId, actionId: 'tokcost_assumptions', value: answerIdOf(card), responseUrl: h.fake.responseUrl('as') }));
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length >= 1, ANSWER_WAIT_MS, 'assumptions reply');
    const reply = h.fake.callsTo('chat.postMessage')[0]!;
    expect(reply.body.thread_ts).toBe(card.response!.ts);
    expect(validateMessage(reply.body as never)).toEqual([]);
    return blocksOf(reply);
  };

  it('/tokcost <question>: acks at once, posts the card, uploads the chart into its thread', async () => {
    const res = await h.command(QUESTION);
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    await charted();
    const [card] = h.fake.callsTo('chat.postMessage');
    expect(card!.body.channel).toBe('C1');
    expect(card!.body.thread_ts).toBeUndefined();
    expect(validateMessage(card!.body as never)).toEqual([]);
    expect(String(card!.body.text)).toMatch(/\$[\d.,]+ \/ 1M output tokens at your load vs \$[\d.,]+ at full load/);
    for (const part of ['tokcost_adjust', 'tokcost_assumptions', 'tokcost_breakdown', 'tokcost_compare_modes', 'Alternatives', '<@U1> asked']) {
      expect(blocksOf(card)).toContain(part);
    }
    const upload = h.fake.callsTo('files.getUploadURLExternal')[0]!;
    expect(Number(upload.body.length)).toBeGreaterThan(1000);
    expect(h.fake.uploads[0]!.bytes).toBeGreaterThan(1000);
    const complete = h.fake.callsTo('files.completeUploadExternal')[0]!;
    expect(complete.body).toMatchObject({ channel_id: 'C1', thread_ts: card!.response!.ts });
  });

  it('/tokcost help answers ephemerally with examples', async () => {
    const res = await h.command('help');
    const body = res.json() as { response_type: string; blocks: unknown[]; text: string };
    expect(body.response_type).toBe('ephemeral');
    expect(validateMessage(body)).toEqual([]);
    expect(JSON.stringify(body.blocks)).toContain('/tokcost gpt-oss-120b');
    expect(h.fake.calls).toEqual([]);
  });

  it('an unusable question gets an ephemeral list of problems with examples', async () => {
    await h.command('how much for lots of traffic?', { responseId: 'bad' });
    await h.fake.waitFor(() => h.fake.responses.length >= 1, ANSWER_WAIT_MS, 'problems');
    const reply = h.fake.responses[0]!.body;
    expect(reply.response_type).toBe('ephemeral');
    expect(validateMessage(reply as never)).toEqual([]);
    expect(JSON.stringify(reply.blocks)).toMatch(/model/);
    expect(JSON.stringify(reply.blocks)).toContain('e.g.');
    expect(h.fake.callsTo('chat.postMessage')).toEqual([]);
  });

  it('/tokcost alone opens the form; submitting it answers in the channel', async () => {
    await h.command('', { channelId: 'CFORM' });
    await h.fake.waitFor(() => h.fake.callsTo('views.open').length >= 1, ANSWER_WAIT_MS, 'views.open');
    const open = h.fake.callsTo('views.open')[0]!;
    expect(open.body.trigger_id).toBe('trigger-1');
    const view = open.body.view as Record<string, unknown>;
    expect(validateView(view)).toEqual([]);
    expect(view.callback_id).toBe('tokcost_form');

    const res = await h.interaction(viewSubmission({
      privateMetadata: String(view.private_metadata),
      input: { model: 'gpt-oss-120b', inputTokens: '2000', outputTokens: '400', requestsPerSecond: '30', peakToAverage: '4', ttftMs: '1000' },
    }));
    expect(res.status).toBe(200);
    await charted();
    const card = h.fake.callsTo('chat.postMessage')[0]!;
    expect(card.body.channel).toBe('CFORM');
    expect(validateMessage(card.body as never)).toEqual([]);
  });

  it('a form with a bad number is answered with field errors in the modal', async () => {
    const res = await h.interaction(viewSubmission({ privateMetadata: '{"channelId":"C1"}', input: { model: 'gpt-oss-120b', inputTokens: '0', outputTokens: '400', requestsPerSecond: '30' } }));
    expect(res.json()).toMatchObject({ response_action: 'errors', errors: { input_tokens: expect.any(String) } });
  });

  it('a mention answers in its thread; a reply in that thread is a follow-up, also after a restart', async () => {
    const ts = nextTs();
    await h.event({ type: 'app_mention', user: 'U1', text: `<@${BOT_USER_ID}> ${QUESTION}`, ts, channel: 'C2', event_ts: ts });
    await charted();
    const answer = h.fake.callsTo('chat.postMessage')[0]!;
    expect(answer.body.thread_ts).toBe(ts);
    expect(h.fake.callsTo('files.completeUploadExternal')[0]!.body.thread_ts).toBe(ts);

    h.fake.reset();
    const reply = nextTs();
    await h.event({ type: 'message', channel_type: 'channel', user: 'U1', text: 'what about 4k in?', ts: reply, thread_ts: ts, channel: 'C2' });
    await charted();
    const followUp = h.fake.callsTo('chat.postMessage')[0]!;
    expect(followUp.body.thread_ts).toBe(ts);
    expect(blocksOf(followUp)).toContain('What changed:');
    expect(blocksOf(followUp)).toContain('input tokens 2,000 → 4,000');
    expect(blocksOf(followUp)).toMatch(/cost \$[\d.,]+ → \$[\d.,]+\* \/ 1M output tokens \((?:[+-][\d.]+%|same)\)/);

    await h.restart();
    h.fake.reset();
    const again = nextTs();
    await h.event({ type: 'app_mention', user: 'U1', text: `<@${BOT_USER_ID}> double the traffic`, ts: again, thread_ts: ts, channel: 'C2', event_ts: again });
    await charted();
    const afterRestart = h.fake.callsTo('chat.postMessage')[0]!;
    expect(afterRestart.body.thread_ts).toBe(ts);
    expect(blocksOf(afterRestart)).toContain('requests/s 30 → 60');
  });

  it('DMs are a chat: answered at the top level; a follow-up works at the top level and in the answer’s thread', async () => {
    const ts = nextTs();
    await h.event({ type: 'message', channel_type: 'im', user: 'U1', text: QUESTION, ts, channel: 'D1' });
    await charted();
    const card = h.fake.callsTo('chat.postMessage')[0]!;
    expect(card.body.channel).toBe('D1');
    expect(card.body.thread_ts).toBeUndefined();
    // The chart goes into the answer's own thread, not under the question.
    expect(h.fake.callsTo('files.completeUploadExternal')[0]!.body.thread_ts).toBe(card.response!.ts);

    h.fake.reset();
    await h.event({ type: 'message', channel_type: 'im', user: 'U1', text: 'on mi355x', ts: nextTs(), channel: 'D1' });
    await charted();
    const topLevel = h.fake.callsTo('chat.postMessage')[0]!;
    expect(topLevel.body.thread_ts).toBeUndefined();
    expect(blocksOf(topLevel)).toContain('What changed:');
    expect(blocksOf(topLevel)).toContain('AMD Instinct MI355X');

    h.fake.reset();
    await h.event({ type: 'message', channel_type: 'im', user: 'U1', text: 'what about 4k in?', ts: nextTs(), thread_ts: String(card.response!.ts), channel: 'D1' });
    await charted();
    const inThread = h.fake.callsTo('chat.postMessage')[0]!;
    expect(inThread.body.thread_ts).toBe(card.response!.ts);
    expect(blocksOf(inThread)).toContain('input tokens 2,000 → 4,000');
  });

  it('workspace settings are set, used and named in later answers, and isolated per workspace', async () => {
    const set = (await h.command('set price h100-sxm 1.25', { teamId: 'TSET' })).json() as { text: string };
    expect(set.text).toContain('h100-sxm: $1.25 / GPU-hour');
    const power = (await h.command('set power 0.11', { teamId: 'TSET' })).json() as { text: string };
    expect(power.text).toContain('$0.11 / kWh');

    await h.command(QUESTION, { teamId: 'TSET', channelId: 'CSET' });
    await charted();
    // The card keeps its assumptions behind a button; the thread reply names the workspace's prices.
    const mine = await assumptionsReply(h.fake.callsTo('chat.postMessage')[0]!, 'TSET', 'CSET');
    expect(mine).toContain('$1.25 / GPU-hour (workspace setting)');
    expect(mine).toContain('/ kWh (workspace setting)');

    h.fake.reset();
    await h.command(QUESTION, { teamId: 'TOTHER', channelId: 'CSET' });
    await charted();
    expect(await assumptionsReply(h.fake.callsTo('chat.postMessage')[0]!, 'TOTHER', 'CSET')).not.toContain('workspace setting');
    const other = (await h.command('settings', { teamId: 'TOTHER' })).json() as { text: string };
    expect(other.text).toContain('none');

    const reset = (await h.command('reset', { teamId: 'TSET' })).json() as { text: string };
    expect(reset.text).toContain('none');
    const unknown = (await h.command('set price warp-drive 3', { teamId: 'TSET' })).json() as { text: string };
    expect(unknown.text).toContain('don’t know the platform');
  });

  it('buttons: cost breakdown and serving modes in the thread, adjust opens the form prefilled', async () => {
    await h.command(QUESTION, { channelId: 'CBTN' });
    await charted();
    const card = h.fake.callsTo('chat.postMessage')[0]!;
    const blocks = card.body.blocks as { type: string; elements?: { action_id: string; value: string }[] }[];
    const answerId = blocks.find((b) => b.type === 'actions')!.elements![0]!.value;
    const cardTs = String(card.response!.ts);
    h.fake.reset();

    await h.interaction(blockAction({ channelId: 'CBTN', actionId: 'tokcost_breakdown', value: answerId, responseUrl: h.fake.responseUrl('b') }));
    await h.interaction(blockAction({ channelId: 'CBTN', actionId: 'tokcost_compare_modes', value: answerId, responseUrl: h.fake.responseUrl('m') }));
    await h.interaction(blockAction({ channelId: 'CBTN', actionId: 'tokcost_adjust', value: answerId, responseUrl: h.fake.responseUrl('a') }));
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length >= 2 && h.fake.callsTo('views.open').length >= 1, ANSWER_WAIT_MS, 'button replies');
    const posts = h.fake.callsTo('chat.postMessage');
    for (const post of posts) {
      expect(post.body.thread_ts).toBe(cardTs);
      expect(validateMessage(post.body as never)).toEqual([]);
    }
    expect(posts.map((p) => blocksOf(p)).join()).toContain('Cost breakdown');
    expect(posts.map((p) => blocksOf(p)).join()).toContain('Serving modes');
    const view = h.fake.callsTo('views.open')[0]!.body.view as Record<string, unknown>;
    expect(validateView(view)).toEqual([]);
    expect(JSON.stringify(view)).toContain('"initial_value":"2000"');
    expect(JSON.parse(String(view.private_metadata))).toEqual({ channelId: 'CBTN', threadTs: cardTs });
  });

  it('an ephemeral answer (bot not in channel) can be shared to the channel', async () => {
    h.fake.fail('chat.postMessage', 'not_in_channel', 1);
    await h.command(QUESTION, { channelId: 'CPRIV', responseId: 'eph' });
    await h.fake.waitFor(() => h.fake.responses.length >= 1, 10_000, 'ephemeral answer');
    const eph = h.fake.responses[0]!.body;
    const share = (eph.blocks as { type: string; elements?: { action_id: string; value: string }[] }[])
      .find((b) => b.type === 'actions')!.elements!.find((e) => e.action_id === 'tokcost_share')!;
    await h.interaction(blockAction({ channelId: 'CPRIV', actionId: 'tokcost_share', value: share.value, responseUrl: h.fake.responseUrl('eph') }));
    await h.fake.waitFor(() => h.fake.responses.length >= 3, ANSWER_WAIT_MS, 'shared');
    expect(h.fake.responses[1]!.body).toMatchObject({ response_type: 'in_channel' });
    expect(JSON.stringify(h.fake.responses[1]!.body.blocks)).not.toContain('tokcost_share');
    expect(h.fake.responses[2]!.body).toMatchObject({ delete_original: true });
  });

  it('App Home shows usage and settings', async () => {
    await h.event({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home', event_ts: nextTs() });
    await h.fake.waitFor(() => h.fake.callsTo('views.publish').length >= 1, ANSWER_WAIT_MS, 'views.publish');
    const publish = h.fake.callsTo('views.publish')[0]!;
    expect(publish.body.user_id).toBe('U1');
    const view = publish.body.view as Record<string, unknown>;
    expect(validateView(view)).toEqual([]);
    expect(JSON.stringify(view)).toMatch(/\*Answers\*\\n[1-9]/);
  });
});
