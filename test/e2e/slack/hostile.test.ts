/**
 * Hostile input and access over loopback (scripted advisor): replayed, unsigned, stale and oversized
 * requests; over-long questions; the per-user rate limit; admin-only settings; one workspace never
 * reading or changing another's settings or answers; and no token or secret in any log line.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_QUESTION_CHARS } from '../../../src/slack/deps.ts';
import { FakeAdvisor } from '../../slack/fixtures/fake-advisor.ts';
import { BOT_TOKEN, QUESTION, SIGNING_SECRET, startHarness, type Harness } from './harness.ts';
import { blockAction } from './payloads.ts';
import { formBody, postSigned, signature } from './signed-request.ts';
import { ANSWER_WAIT_MS } from './fake-slack.ts';

const FORM = 'application/x-www-form-urlencoded';
const settle = (ms = 150) => new Promise((r) => setTimeout(r, ms));
const ephemeralText = (res: { json: () => unknown }) => JSON.stringify(res.json());

describe('hostile requests', () => {
  const advisor = new FakeAdvisor();
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ advisor });
  });
  afterAll(async () => {
    await h?.stop();
  });
  beforeEach(() => h.fake.reset());

  it('rejects a replayed request (same signature and timestamp) and acts once', async () => {
    const body = h.commandBody(QUESTION, { channelId: 'CREPLAY' });
    const timestamp = Math.floor(Date.now() / 1000);
    const first = await postSigned(h.eventsUrl, body, FORM, { secret: SIGNING_SECRET, timestamp });
    const replay = await postSigned(h.eventsUrl, body, FORM, { secret: SIGNING_SECRET, timestamp });
    expect([first.status, replay.status]).toEqual([200, 401]);
    await h.fake.waitFor(() => h.fake.callsTo('files.completeUploadExternal').length >= 1, ANSWER_WAIT_MS, 'answer');
    await settle();
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('rejects missing signature headers, a future timestamp and a stale one', async () => {
    const body = h.commandBody(QUESTION);
    const noHeaders = await fetch(h.eventsUrl, { method: 'POST', headers: { 'content-type': FORM }, body });
    const future = await postSigned(h.eventsUrl, body, FORM, { secret: SIGNING_SECRET, timestamp: Math.floor(Date.now() / 1000) + 10 * 60 });
    const stale = await postSigned(h.eventsUrl, body, FORM, { secret: SIGNING_SECRET, timestamp: Math.floor(Date.now() / 1000) - 5 * 60 - 5 });
    expect([noHeaders.status, future.status, stale.status]).toEqual([401, 401, 401]);
    await settle();
    expect(h.fake.calls).toEqual([]);
  });

  it('rejects bodies over 64 KB with 413, declared or streamed', async () => {
    const big = h.commandBody(`${QUESTION} ${'x'.repeat(70 * 1024)}`);
    const declared = await postSigned(h.eventsUrl, big, FORM, { secret: SIGNING_SECRET });
    expect(declared.status).toBe(413);
    const timestamp = Math.floor(Date.now() / 1000);
    const streamed = await new Promise<number>((resolve, reject) => {
      const req = request(h.eventsUrl, { method: 'POST', headers: { 'content-type': FORM, 'transfer-encoding': 'chunked', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature(SIGNING_SECRET, timestamp, big) } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      for (let i = 0; i < big.length; i += 8192) req.write(big.slice(i, i + 8192));
      req.end();
    });
    expect(streamed).toBe(413);
    const event = h.eventBody({ type: 'app_mention', user: 'U1', text: `<@UBOT> ${'y'.repeat(65 * 1024)}`, ts: '1.1', channel: 'C1' });
    expect((await postSigned(h.eventsUrl, event, 'application/json', { secret: SIGNING_SECRET })).status).toBe(413);
    await settle();
    expect(h.fake.calls).toEqual([]);
  });

  it('answers 400 at once to a signed body no listener could route', async () => {
    const res = await postSigned(h.eventsUrl, '{"hello":"world"}', 'application/json', { secret: SIGNING_SECRET });
    const form = await postSigned(h.eventsUrl, formBody({ payload: '{"type":"nonsense"}' }), FORM, { secret: SIGNING_SECRET });
    expect([res.status, form.status]).toEqual([400, 400]); // Bolt's unhandled-request timer would answer 404
  });

  it('acks a command or button that is not ours at once instead of leaving Slack waiting', async () => {
    const body = formBody({ command: '/other', text: 'hi', team_id: 'T1', channel_id: 'C1', user_id: 'U1', response_url: h.fake.responseUrl('o'), trigger_id: 't' });
    const other = await postSigned(h.eventsUrl, body, FORM, { secret: SIGNING_SECRET });
    const button = await h.interaction(blockAction({ actionId: 'someone_else', value: 'x', responseUrl: h.fake.responseUrl('b') }));
    expect([other.status, button.status]).toEqual([200, 200]); // not Bolt's 404 after its 3-second timer
  });

  it('answers an over-long question with a clear message, and nothing else', async () => {
    const res = await h.command(`${QUESTION} ${'and more '.repeat(300)}`);
    expect(res.status).toBe(200);
    expect(ephemeralText(res)).toContain(`up to ${MAX_QUESTION_CHARS.toLocaleString('en-US')}`);
    await h.event({ type: 'app_mention', user: 'U1', text: `<@UBOT> ${'word '.repeat(500)}`, ts: '1800000100.000100', channel: 'CLONG' });
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length >= 1, ANSWER_WAIT_MS, 'too-long reply');
    expect(String(h.fake.callsTo('chat.postMessage')[0]!.body.text)).toContain('characters long');
    expect(advisor.inputs.some((i) => i.text.length > MAX_QUESTION_CHARS)).toBe(false);
  });
});

describe('rate limit, admins and workspace isolation', () => {
  const advisor = new FakeAdvisor();
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ advisor, env: { TOKCOST_RATE_LIMIT_PER_MINUTE: '3', TOKCOST_ADMINS: 'UADMIN,UOPS' } });
  });
  afterAll(async () => {
    await h?.stop();
  });
  beforeEach(() => h.fake.reset());

  it('limits questions per user per workspace per minute, with a friendly message', async () => {
    const asks = [];
    for (let i = 0; i < 4; i++) asks.push(await h.command(QUESTION, { userId: 'URATE', channelId: `CR${i}` }));
    expect(asks.slice(0, 3).map((r) => r.text)).toEqual(['', '', '']);
    expect(ephemeralText(asks[3]!)).toMatch(/asked 3 questions in the last minute.*try again in \d+ s/);
    // Someone else, and the same user id in another workspace, are not limited by it.
    expect((await h.command(QUESTION, { userId: 'UOTHER', channelId: 'CR9' })).text).toBe('');
    expect((await h.command(QUESTION, { userId: 'URATE', teamId: 'T2', channelId: 'CR8' })).text).toBe('');
    // Help and settings are not questions.
    expect(ephemeralText(await h.command('help', { userId: 'URATE' }))).toContain('/tokcost');
    await h.fake.waitFor(() => h.fake.callsTo('files.completeUploadExternal').length >= 5, ANSWER_WAIT_MS, 'five answers');
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(5);
  });

  it('lets only listed admins change settings', async () => {
    const refused = await h.command('set price h200-sxm 1.50', { userId: 'U1' });
    expect(ephemeralText(refused)).toContain('Only this workspace’s tokcost admins');
    expect((await h.store.settings('T1')).dollarsPerGpuHour).toEqual({});
    expect(ephemeralText(await h.command('reset', { userId: 'U1' }))).toContain('admins');
    expect(ephemeralText(await h.command('set price h200-sxm 1.50', { userId: 'UADMIN' }))).toContain('Saved');
    expect(ephemeralText(await h.command('set power 0.09', { userId: 'UOPS' }))).toContain('Saved');
    expect(await h.store.settings('T1')).toMatchObject({ dollarsPerGpuHour: { 'h200-sxm': 1.5 }, dollarsPerKwh: 0.09 });
    // Anyone may read them.
    expect(ephemeralText(await h.command('settings', { userId: 'U1' }))).toContain('1.50');
  });

  it('never lets one workspace read or change another’s settings, answers or threads', async () => {
    await h.command('set price b200 4.00', { userId: 'UADMIN', teamId: 'TA' });
    // TB: its settings are its own; its reset leaves TA's alone.
    expect(ephemeralText(await h.command('settings', { userId: 'UADMIN', teamId: 'TB' }))).not.toContain('4.00');
    await h.command('reset', { userId: 'UADMIN', teamId: 'TB' });
    expect((await h.store.settings('TA')).dollarsPerGpuHour).toEqual({ b200: 4 });
    // TB asks: its answer doesn't use TA's price.
    await h.command(QUESTION, { userId: 'UB', teamId: 'TB', channelId: 'CSHARED' });
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length >= 1, ANSWER_WAIT_MS, 'answer');
    expect(advisor.inputs.at(-1)!.settings.dollarsPerGpuHour).toEqual({});
    // TA answers in a thread; TB can't press its buttons or follow up in "the same" thread.
    h.fake.reset();
    await h.command(QUESTION, { userId: 'UA', teamId: 'TA', channelId: 'CSHARED' });
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length >= 1, ANSWER_WAIT_MS, 'TA answer');
    const card = h.fake.callsTo('chat.postMessage')[0]!;
    const answerId = /"value":"([0-9a-f]{16})"/.exec(JSON.stringify(card.body.blocks))![1]!;
    const threadTs = String(card.response!.ts);
    h.fake.reset();
    await h.interaction(blockAction({ teamId: 'TB', userId: 'UB', channelId: 'CSHARED', actionId: 'tokcost_breakdown', value: answerId, responseUrl: h.fake.responseUrl('tb') }));
    await h.fake.waitFor(() => h.fake.responses.length >= 1, ANSWER_WAIT_MS, 'refusal');
    expect(JSON.stringify(h.fake.responses[0]!.body)).toContain('no longer have that answer');
    const asked = advisor.inputs.length;
    await h.event({ type: 'message', channel_type: 'channel', user: 'UB', text: 'what about 4k in?', ts: '1800000200.000100', thread_ts: threadTs, channel: 'CSHARED' }, { teamId: 'TB' });
    await settle();
    expect(advisor.inputs.length).toBe(asked);
    expect(h.fake.callsTo('chat.postMessage')).toEqual([]);
  });
});

describe('logs', () => {
  it('never contain the bot token or the signing secret, even when things go wrong', async () => {
    const lines: string[] = [];
    const advisor = new FakeAdvisor();
    const h = await startHarness({ advisor, logLevel: 'debug', logStream: { write: (line) => void lines.push(line) }, callTimeoutMs: 200 });
    try {
      advisor.throwOn = /explode/;
      await h.command('explode now', { responseId: 'e1' });
      h.fake.fail('chat.postMessage', 'invalid_auth', 1);
      await h.command(QUESTION, { responseId: 'e2' });
      h.fake.httpError('chat.postMessage', 500, 5);
      await h.command(QUESTION, { responseId: 'e3', channelId: 'C500' });
      await h.fake.waitFor(() => h.fake.responses.length >= 3, ANSWER_WAIT_MS, 'three apologies');
      h.fake.reset();
      h.fake.stall('chat.postMessage', 600);
      await h.command(QUESTION, { responseId: 'e4', channelId: 'CSLOW' });
      await h.fake.waitFor(() => h.fake.responses.length >= 1, ANSWER_WAIT_MS, 'timeout apology');
      await postSigned(h.eventsUrl, h.commandBody(QUESTION), FORM, { secret: SIGNING_SECRET, signature: 'v0=bad' });
      await h.fake.waitFor(() => lines.length > 10, 2000, 'logs');
    } finally {
      await h.stop();
    }
    const all = lines.join('');
    expect(all).toMatch(/slash command failed/);
    expect(all).not.toContain(BOT_TOKEN);
    expect(all).not.toContain(BOT_TOKEN.slice(5));
    expect(all).not.toContain(SIGNING_SECRET);
    expect(all).not.toMatch(/xoxb-[A-Za-z0-9]/);
  });
});
