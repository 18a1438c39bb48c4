/**
 * The chart upload, step by step (issue 19): a 429 on files.completeUploadExternal retries that step
 * only (one upload URL, one upload, no orphan file); a 5xx on it is not retried (it may have shared the
 * file) and the thread is told so; a failed upload POST is re-sent to the same URL; the note in the
 * thread says what really happened (rate limit, not in channel) instead of always "invite me".
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chartFailureText } from '../../../src/slack/blocks/chart-notice.ts';
import { FakeAdvisor } from '../../slack/fixtures/fake-advisor.ts';
import { QUESTION, startHarness, type Harness } from './harness.ts';

describe('chart upload', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ advisor: new FakeAdvisor() });
  });
  afterAll(async () => {
    await h?.stop();
  });
  beforeEach(() => h.fake.reset());

  const settle = () => new Promise((resolve) => setTimeout(resolve, 200));
  // A new channel each time: the same signed body twice in one second would be refused as a replay.
  let asked = 0;
  const ask = async (until: () => boolean, what: string) => {
    await h.command(QUESTION, { channelId: `CCHART${++asked}` });
    await h.fake.waitFor(until, 15_000, what);
    await settle();
  };
  const notes = () => h.fake.callsTo('chat.postMessage').slice(1).map((c) => String(c.body.text));

  it('a 429 on complete retries only the complete step', async () => {
    h.fake.rateLimit('files.completeUploadExternal', 0, 1);
    await ask(() => h.fake.callsTo('files.completeUploadExternal').length >= 2, 'two completes');
    expect(h.fake.callsTo('files.getUploadURLExternal')).toHaveLength(1);
    expect(h.fake.uploadAttempts).toBe(1);
    expect(h.fake.callsTo('files.completeUploadExternal')).toHaveLength(2);
    expect(notes()).toEqual([]);
  });

  it('a 500 on complete is not retried, and the thread is told the chart may still appear', async () => {
    h.fake.httpError('files.completeUploadExternal', 500, 1);
    await ask(() => h.fake.callsTo('chat.postMessage').length >= 2, 'card and note');
    expect(h.fake.callsTo('files.completeUploadExternal')).toHaveLength(1);
    expect(notes()).toEqual([expect.stringContaining('Slack did not confirm the chart upload (it answered HTTP 500)')]);
    expect(notes()[0]).toContain('may still appear');
  });

  it('a failed upload POST is sent again to the same URL, then shared once', async () => {
    h.fake.failUpload(503, 1);
    await ask(() => h.fake.callsTo('files.completeUploadExternal').length >= 1, 'complete');
    expect(h.fake.callsTo('files.getUploadURLExternal')).toHaveLength(1);
    expect(h.fake.uploadAttempts).toBe(2);
    expect(h.fake.uploads).toHaveLength(1);
    expect(notes()).toEqual([]);
  });

  it('a lasting rate limit is said as one, not as "invite me"', async () => {
    h.fake.rateLimit('files.getUploadURLExternal', 30, 1);
    await ask(() => h.fake.callsTo('chat.postMessage').length >= 2, 'card and note');
    expect(h.fake.callsTo('files.completeUploadExternal')).toHaveLength(0);
    expect(notes()).toEqual([expect.stringContaining('Slack is limiting file uploads right now')]);
    expect(notes()[0]).not.toContain('/invite');
  });

  it('not in the channel: the invite hint', async () => {
    h.fake.fail('files.completeUploadExternal', 'not_in_channel', 1);
    await ask(() => h.fake.callsTo('chat.postMessage').length >= 2, 'card and note');
    expect(notes()).toEqual([expect.stringContaining('/invite @tokcost')]);
  });
});

describe('chart failure notes', () => {
  it('name the cause', () => {
    expect(chartFailureText({ reason: 'timeout', unconfirmed: true })).toContain('no answer in time');
    expect(chartFailureText({ reason: 'timeout', unconfirmed: false })).toContain('did not answer in time');
    expect(chartFailureText({ reason: 'missing_scope', unconfirmed: false })).toContain('files:write');
    expect(chartFailureText({ reason: 'weird<x>', unconfirmed: false })).toBe('I couldn’t attach the chart (Slack said `weirdx`). Ask again in a minute for one.');
  });
});

describe('a card in a public channel the bot has not joined', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ advisor: new FakeAdvisor() });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('says it cannot get follow-ups there, and does not try the chart', async () => {
    h.fake.notMemberOf.add('CPUBLIC');
    await h.command(QUESTION, { channelId: 'CPUBLIC' });
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length >= 1, 15_000, 'card');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const card = h.fake.callsTo('chat.postMessage')[0]!;
    expect(JSON.stringify(card.body.blocks)).toContain('I’m not in this channel, so I won’t see replies');
    expect(h.fake.callsTo('files.getUploadURLExternal')).toHaveLength(0);
    h.fake.reset();
    await h.command(QUESTION, { channelId: 'CMEMBER' });
    await h.fake.waitFor(() => h.fake.callsTo('files.completeUploadExternal').length >= 1, 15_000, 'card and chart');
    expect(JSON.stringify(h.fake.callsTo('chat.postMessage')[0]!.body.blocks)).not.toContain('not in this channel');
  });
});
