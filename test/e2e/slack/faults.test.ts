/**
 * Fault paths over loopback with a scripted advisor: signatures, retries, Slack refusing to post or
 * upload, 429s, an advisor that throws. The happy paths with the real advisor are in slack-app.test.ts.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeAdvisor } from '../../slack/fixtures/fake-advisor.ts';
import { QUESTION, SIGNING_SECRET, startHarness, type Harness } from './harness.ts';
import { formBody, postSigned } from './signed-request.ts';
import { viewSubmission } from './payloads.ts';
import { UNCONFIRMED_TEXT } from '../../../src/slack/answer-flow.ts';
import { ANSWER_WAIT_MS } from './fake-slack.ts';


describe('Slack app faults (loopback, scripted advisor)', () => {
  const advisor = new FakeAdvisor();
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ advisor, slowNoticeMs: 150, callTimeoutMs: 300 });
  });
  afterAll(async () => {
    await h?.stop();
  });
  beforeEach(() => {
    h.fake.reset();
    advisor.delayMs = 0;
    advisor.throwOn = undefined;
  });

  it('answers url_verification with the challenge', async () => {
    const body = JSON.stringify({ type: 'url_verification', challenge: 'c-123', token: 'x' });
    const res = await postSigned(h.eventsUrl, body, 'application/json', { secret: SIGNING_SECRET });
    expect(res.status).toBe(200);
    expect(res.text).toContain('c-123');
  });

  it('serves GET /healthz', async () => {
    const res = await fetch(`${h.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, mode: 'http', store: { ok: true, kind: 'sqlite' } });
  });

  it('rejects a bad signature and a stale timestamp, and does nothing', async () => {
    const body = formBody({ command: '/tokcost', text: QUESTION, team_id: 'T1', channel_id: 'C1', user_id: 'U1', response_url: h.fake.responseUrl('x'), trigger_id: 't' });
    const bad = await postSigned(h.eventsUrl, body, 'application/x-www-form-urlencoded', { secret: SIGNING_SECRET, signature: 'v0=deadbeef' });
    const wrongSecret = await postSigned(h.eventsUrl, body, 'application/x-www-form-urlencoded', { secret: 'not-the-secret' });
    const stale = await postSigned(h.eventsUrl, body, 'application/x-www-form-urlencoded', { secret: SIGNING_SECRET, timestamp: Math.floor(Date.now() / 1000) - 10 * 60 });
    expect([bad.status, wrongSecret.status, stale.status]).toEqual([401, 401, 401]);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.fake.calls).toEqual([]);
    expect(advisor.inputs.filter((i) => i.text === QUESTION && h.fake.calls.length > 0)).toEqual([]);
  });

  it('answers a retried event once (dedupe on event_id)', async () => {
    const event = { type: 'app_mention', user: 'U1', text: `<@UBOT> ${QUESTION}`, ts: '1800000000.000100', channel: 'C9', event_ts: '1800000000.000100' };
    await h.event(event, { eventId: 'EvRetry' });
    await h.event(event, { eventId: 'EvRetry', retryNum: 1 });
    await h.event(event, { eventId: 'EvRetry', retryNum: 2 });
    await h.fake.waitFor(() => h.fake.callsTo('files.completeUploadExternal').length >= 1, ANSWER_WAIT_MS, 'chart');
    await new Promise((r) => setTimeout(r, 150));
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('answers a mention that also arrives as a message event once', async () => {
    const ts = '1800000001.000100';
    const text = `<@UBOT> ${QUESTION}`;
    await Promise.all([
      h.event({ type: 'app_mention', user: 'U1', text, ts, channel: 'C9', event_ts: ts }),
      h.event({ type: 'message', channel_type: 'channel', user: 'U1', text, ts, channel: 'C9', event_ts: ts }),
    ]);
    await h.fake.waitFor(() => h.fake.callsTo('files.completeUploadExternal').length >= 1, ANSWER_WAIT_MS, 'chart');
    await new Promise((r) => setTimeout(r, 150));
    const posts = h.fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body.thread_ts).toBe(ts);
  });

  it('still answers when the chart cannot be shared (not_in_channel), with a hint to invite the bot', async () => {
    h.fake.fail('files.completeUploadExternal', 'not_in_channel');
    const res = await h.command(QUESTION, { channelId: 'CPUBLIC' });
    expect(res.status).toBe(200);
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length >= 2, ANSWER_WAIT_MS, 'card and hint');
    const [card, hint] = h.fake.callsTo('chat.postMessage');
    expect(String(card!.body.text)).toContain('$0.44 / 1M output tokens');
    expect(hint!.body.thread_ts).toBeDefined();
    expect(String(hint!.body.text)).toContain('/invite @tokcost');
  });

  it('answers ephemerally with a Share button when the bot cannot post in the channel', async () => {
    h.fake.fail('chat.postMessage', 'not_in_channel');
    await h.command(QUESTION, { channelId: 'CPRIVATE', responseId: 'eph' });
    await h.fake.waitFor(() => h.fake.responses.length >= 1, ANSWER_WAIT_MS, 'ephemeral answer');
    const reply = h.fake.responses[0]!.body;
    expect(reply.response_type).toBe('ephemeral');
    expect(JSON.stringify(reply.blocks)).toContain('tokcost_share');
    expect(JSON.stringify(reply.blocks)).toContain('/invite @tokcost');
  });

  it('waits out a 429 Retry-After and delivers', async () => {
    h.fake.rateLimit('chat.postMessage', 1, 1);
    const started = Date.now();
    await h.command(QUESTION);
    await h.fake.waitFor(() => h.fake.callsTo('files.completeUploadExternal').length >= 1, ANSWER_WAIT_MS, 'retried post and chart');
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(h.fake.callsTo('files.completeUploadExternal')).toHaveLength(1);
  });

  it('gives up on endless 429s and tells the user instead of going silent', async () => {
    h.fake.rateLimit('chat.postMessage', 0, 10);
    await h.command(QUESTION, { responseId: 'limited' });
    await h.fake.waitFor(() => h.fake.responses.length >= 1, ANSWER_WAIT_MS, 'error reply');
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(3);
    expect(String(h.fake.responses[0]!.body.text)).toContain('something went wrong');
  });

  it('tells the user when the advisor throws', async () => {
    advisor.throwOn = /explode/;
    await h.command('explode please', { responseId: 'boom' });
    await h.fake.waitFor(() => h.fake.responses.length >= 1, ANSWER_WAIT_MS, 'error reply');
    expect(h.fake.responses[0]!.body).toMatchObject({ response_type: 'ephemeral' });
    expect(String(h.fake.responses[0]!.body.text)).toContain('something went wrong');
  });

  it('says it is still working when an answer is slow', async () => {
    advisor.delayMs = 400;
    await h.command(QUESTION, { responseId: 'slow' });
    await h.fake.waitFor(() => h.fake.callsTo('files.completeUploadExternal').length >= 1, ANSWER_WAIT_MS, 'answer');
    expect(String(h.fake.responses[0]?.body.text)).toContain('Still working');
  });

  it('ignores thread chatter that is not a follow-up, and bot messages', async () => {
    await h.event({ type: 'message', channel_type: 'channel', user: 'U1', text: 'lunch?', ts: '1800000002.000100', channel: 'C9' });
    await h.event({ type: 'message', channel_type: 'channel', bot_id: 'B2', text: QUESTION, ts: '1800000003.000100', channel: 'C9' });
    await new Promise((r) => setTimeout(r, 150));
    expect(h.fake.calls).toEqual([]);
  });

  it('retries an HTTP 500 and delivers once, card before chart, in bounded time', async () => {
    h.fake.httpError('chat.postMessage', 500, 2);
    await h.command(QUESTION, { channelId: 'C500' });
    await h.fake.waitFor(() => h.fake.callsTo('files.completeUploadExternal').length >= 1, ANSWER_WAIT_MS, 'answer after 500s');
    const posts = h.fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(3); // two 500s, then the one that landed
    expect(posts.filter((p) => p.response?.ok)).toHaveLength(1);
    expect(h.fake.callsTo('files.getUploadURLExternal')[0]!.at).toBeGreaterThanOrEqual(posts[2]!.at);
  });

  it('tells the user when the Web API keeps answering 500', async () => {
    h.fake.httpError('chat.postMessage', 500, 10);
    await h.command(QUESTION, { responseId: 'down' });
    await h.fake.waitFor(() => h.fake.responses.length >= 1, ANSWER_WAIT_MS, 'apology');
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(3);
    expect(String(h.fake.responses[0]!.body.text)).toContain('something went wrong');
  });

  it('a post that times out is not sent again (no duplicate); the user is told it may not have arrived', async () => {
    h.fake.stall('chat.postMessage', 1000);
    await h.command(QUESTION, { responseId: 'slowslack', channelId: 'CSTALL' });
    await h.fake.waitFor(() => h.fake.responses.length >= 1, ANSWER_WAIT_MS, 'unconfirmed note');
    expect(String(h.fake.responses[0]!.body.text)).toBe(UNCONFIRMED_TEXT);
    await new Promise((r) => setTimeout(r, 1200));
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(h.fake.callsTo('files.getUploadURLExternal')).toHaveLength(0);
  });

  it('retries a timed-out idempotent call (App Home publish)', async () => {
    h.fake.stall('views.publish', 1000);
    await h.event({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home' });
    await h.fake.waitFor(() => h.fake.callsTo('views.publish').length >= 2, ANSWER_WAIT_MS, 'second publish');
  });

  it('replies in one thread come out in the order they were asked', async () => {
    const ts = '1800000500.000100';
    await h.event({ type: 'app_mention', user: 'U1', text: `<@UBOT> ${QUESTION}`, ts, channel: 'CORDER' });
    await h.fake.waitFor(() => h.fake.callsTo('files.completeUploadExternal').length >= 1, ANSWER_WAIT_MS, 'answer');
    h.fake.reset();
    advisor.delayMs = 120;
    await Promise.all([3, 4, 5].map((k, i) => h.event({ type: 'message', channel_type: 'channel', user: 'U1', text: `what about ${k}k in?`, ts: `180000050${i + 1}.000100`, thread_ts: ts, channel: 'CORDER' })));
    await h.fake.waitFor(() => h.fake.callsTo('files.completeUploadExternal').length >= 3, ANSWER_WAIT_MS, 'three follow-ups');
    const cards = h.fake.callsTo('chat.postMessage').filter((c) => Array.isArray(c.body.blocks));
    const order = cards.map((c) => /input tokens \S+ → (\d+)/.exec(JSON.stringify(c.body.blocks))?.[1]);
    expect(order).toEqual(['3000', '4000', '5000']);
    // Each follow-up applied to the one before it.
    expect(advisor.inputs.slice(-3).map((i) => i.previous?.fields.inputTokens)).toEqual([2000, 3000, 4000]);
  });

  it('a form sent from App Home is answered in the DM, and a reply in that thread is a follow-up', async () => {
    await h.interaction(viewSubmission({ userId: 'U7', privateMetadata: JSON.stringify({ channelId: 'U7' }), input: { model: 'gpt-oss-120b', inputTokens: '2000', outputTokens: '400', requestsPerSecond: '30' } }));
    await h.fake.waitFor(() => h.fake.callsTo('files.completeUploadExternal').length >= 1, ANSWER_WAIT_MS, 'DM answer');
    const card = h.fake.callsTo('chat.postMessage')[0]!;
    expect(card.body.channel).toBe('U7');
    expect(card.response!.channel).toBe('D7');
    expect(h.fake.callsTo('files.completeUploadExternal')[0]!.body.channel_id).toBe('D7');
    h.fake.reset();
    await h.event({ type: 'message', channel_type: 'im', user: 'U7', text: 'what about 4k in?', ts: '1800000600.000100', thread_ts: String(card.response!.ts), channel: 'D7' });
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length >= 1, ANSWER_WAIT_MS, 'follow-up');
    const reply = h.fake.callsTo('chat.postMessage')[0]!;
    expect(reply.body).toMatchObject({ channel: 'D7', thread_ts: card.response!.ts });
    expect(advisor.inputs.at(-1)).toMatchObject({ kind: 'followUp', previous: { fields: { inputTokens: 2000 } } });
  });
});
