/**
 * Replies in a thread the bot answered (issue 19): also-sent-to-channel replies (thread_broadcast) and
 * replies with a file (file_share) are follow-ups; a reply that mentions someone else and not the bot
 * is for that person and gets no answer.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeAdvisor } from '../../slack/fixtures/fake-advisor.ts';
import { BOT_USER_ID, QUESTION, startHarness, tsSequence, type Harness } from './harness.ts';
import { ANSWER_WAIT_MS } from './fake-slack.ts';

const nextTs = tsSequence('1770000');

describe('thread replies', () => {
  let h: Harness;
  const advisor = new FakeAdvisor();
  beforeAll(async () => {
    h = await startHarness({ advisor });
  });
  afterAll(async () => {
    await h?.stop();
  });
  beforeEach(() => h.fake.reset());

  /** A mention answered in channel C3; returns the thread's ts. */
  async function answeredThread(): Promise<string> {
    const ts = nextTs();
    await h.event({ type: 'app_mention', user: 'U1', text: `<@${BOT_USER_ID}> ${QUESTION}`, ts, channel: 'C3', event_ts: ts });
    await h.fake.waitFor(() => h.fake.callsTo('files.completeUploadExternal').length >= 1, ANSWER_WAIT_MS, 'first answer');
    h.fake.reset();
    return ts;
  }

  for (const subtype of ['thread_broadcast', 'file_share']) {
    it(`a ${subtype} reply is a follow-up`, async () => {
      const thread = await answeredThread();
      const reply = nextTs();
      const extra = subtype === 'file_share' ? { files: [{ id: 'F1', name: 'traffic.csv' }] } : { root: { ts: thread } };
      await h.event({ type: 'message', subtype, channel_type: 'channel', user: 'U1', text: 'what about 4k in?', ts: reply, thread_ts: thread, channel: 'C3', ...extra });
      await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length >= 1, ANSWER_WAIT_MS, 'follow-up');
      expect(h.fake.callsTo('chat.postMessage')[0]!.body.thread_ts).toBe(thread);
      expect(advisor.inputs.at(-1)).toMatchObject({ kind: 'followUp', text: 'what about 4k in?' });
    });
  }

  it('a reply to someone else in the thread gets no answer; one that also mentions the bot does', async () => {
    const thread = await answeredThread();
    const asked = advisor.inputs.length;
    await h.event({ type: 'message', channel_type: 'channel', user: 'U2', text: '<@U1> what about 4k in? would that fit our budget', ts: nextTs(), thread_ts: thread, channel: 'C3' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.fake.callsTo('chat.postMessage')).toEqual([]);
    expect(advisor.inputs.length).toBe(asked);

    const both = nextTs();
    await h.event({ type: 'app_mention', user: 'U2', text: `<@U1> <@${BOT_USER_ID}> what about 4k in?`, ts: both, thread_ts: thread, channel: 'C3', event_ts: both });
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length >= 1, ANSWER_WAIT_MS, 'answer to the mention');
    expect(advisor.inputs.at(-1)).toMatchObject({ kind: 'followUp' });
  });

  it('other subtypes (edits, joins, bot messages) are not answered', async () => {
    const thread = await answeredThread();
    await h.event({ type: 'message', subtype: 'message_changed', channel: 'C3', ts: nextTs(), message: { user: 'U1', text: 'what about 4k in?', thread_ts: thread } });
    await h.event({ type: 'message', subtype: 'bot_message', bot_id: 'B9', channel: 'C3', ts: nextTs(), thread_ts: thread, text: 'what about 4k in?' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.fake.callsTo('chat.postMessage')).toEqual([]);
  });
});
