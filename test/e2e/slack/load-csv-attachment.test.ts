/**
 * A CSV load series attached to a question (issue 15): downloaded with the bot token from
 * url_private_download, read by the CLI's --load-csv parser, passed to the advisor as the load; a
 * malformed file gets its line-numbered problems, a too-large one the limit, a file off Slack's hosts is
 * never fetched with the token, and the token never reaches the logs.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_LOAD_CSV_BYTES } from '../../../src/slack/load-csv-attachment.ts';
import { FakeAdvisor } from '../../slack/fixtures/fake-advisor.ts';
import { BOT_TOKEN, BOT_USER_ID, blocksOf, startHarness, tsSequence, type Harness } from './harness.ts';

const nextTs = tsSequence('1780000');
const HOURLY = ['time,rps', ...Array.from({ length: 24 }, (_, h) => `2025-03-03T${String(h).padStart(2, '0')}:00:00Z,${10 + h}`)].join('\n');

describe('a CSV load series attached in Slack', () => {
  let h: Harness;
  const advisor = new FakeAdvisor();
  const logs: string[] = [];
  beforeAll(async () => {
    h = await startHarness({ advisor, logLevel: 'debug', logStream: { write: (line) => logs.push(line) } });
  });
  afterAll(async () => {
    await h?.stop();
  });
  beforeEach(() => {
    h.fake.reset();
    h.fake.files.clear();
  });

  const file = (name: string, extra: Record<string, unknown> = {}) => ({ id: 'F1', name, filetype: 'csv', mimetype: 'text/csv', url_private_download: h.fake.fileUrl(name), ...extra });
  const mention = async (text: string, files: unknown[]) => {
    const ts = nextTs();
    await h.event({ type: 'app_mention', user: 'U1', text: `<@${BOT_USER_ID}> ${text}`, ts, channel: 'C5', event_ts: ts, files });
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length >= 1, 5000, 'the reply');
    return h.fake.callsTo('chat.postMessage')[0]!;
  };

  it('answers with the series, downloaded with the bot token', async () => {
    h.fake.files.set('traffic.csv', { body: HOURLY });
    const before = advisor.inputs.length;
    await mention('llama 70b, 2k in / 400 out', [file('traffic.csv')]);
    expect(h.fake.downloads).toEqual([{ name: 'traffic.csv', authorization: `Bearer ${BOT_TOKEN}` }]);
    const input = advisor.inputs.slice(before).at(-1)!;
    expect(input).toMatchObject({ kind: 'answer', text: 'llama 70b, 2k in / 400 out' });
    expect(input.series).toEqual({ stepMinutes: 60, requestsPerSecond: Array.from({ length: 24 }, (_, i) => 10 + i), label: 'traffic.csv (24 rows)' });
  });

  it('a file alone in an answered thread is a follow-up that changes the load', async () => {
    const thread = nextTs();
    await h.event({ type: 'app_mention', user: 'U1', text: `<@${BOT_USER_ID}> gpt-oss-120b, 2k in / 400 out, 30 rps`, ts: thread, channel: 'C5', event_ts: thread });
    await h.fake.waitFor(() => h.fake.callsTo('files.completeUploadExternal').length >= 1, 5000, 'first answer');
    h.fake.reset();
    h.fake.files.set('week.csv', { body: HOURLY });
    await h.event({ type: 'message', subtype: 'file_share', channel_type: 'channel', user: 'U1', text: '', ts: nextTs(), thread_ts: thread, channel: 'C5', files: [file('week.csv')] });
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage').length >= 1, 5000, 'follow-up');
    expect(advisor.inputs.at(-1)).toMatchObject({ kind: 'followUp', text: '', series: { stepMinutes: 60, label: 'week.csv (24 rows)' } });
  });

  it('a report asked for with a CSV attached is built on the series too', async () => {
    h.fake.files.set('traffic.csv', { body: HOURLY });
    await mention('crossover for llama 70b, 2k in / 400 out', [file('traffic.csv')]);
    expect(advisor.inputs.at(-1)).toMatchObject({ kind: 'crossover', series: { stepMinutes: 60, label: 'traffic.csv (24 rows)' } });
  });

  it('a malformed CSV gets the problems with their line numbers, and the advisor is not asked', async () => {
    h.fake.files.set('bad.csv', { body: 'time,rps\n2025-03-03T00:00:00Z,10\n2025-03-03T01:00:00Z,lots\n' });
    const before = advisor.inputs.length;
    const reply = await mention('llama 70b, 2k in / 400 out', [file('bad.csv')]);
    expect(blocksOf(reply)).toContain('bad.csv line 3');
    expect(blocksOf(reply)).toContain('line 3: requests per second \\"lots\\" is not a number');
    expect(advisor.inputs.length).toBe(before);
  });

  it('a file over the limit is refused with the limit: by its stated size, without downloading, or while downloading', async () => {
    const reply = await mention('llama 70b, 2k in / 400 out', [file('huge.csv', { size: MAX_LOAD_CSV_BYTES + 1 })]);
    expect(blocksOf(reply)).toContain('larger than the 2 MB I read');
    expect(h.fake.downloads).toEqual([]);
    h.fake.reset();
    h.fake.files.set('quiet-liar.csv', { body: `time,rps\n${'0,1\n'.repeat(MAX_LOAD_CSV_BYTES / 4 + 10)}` });
    const second = await mention('llama 70b, 2k in / 400 out', [file('quiet-liar.csv', { size: 100 })]);
    expect(blocksOf(second)).toContain('larger than the 2 MB I read');
  });

  it('never sends the token off Slack hosts, ignores files that are not text, and logs no secret', async () => {
    const before = advisor.inputs.length;
    const reply = await mention('llama 70b, 2k in / 400 out', [file('x.csv', { url_private_download: 'https://evil.example.com/x.csv' })]);
    expect(blocksOf(reply)).toContain('not on a Slack host');
    expect(advisor.inputs.length).toBe(before);
    h.fake.reset();
    await mention('llama 70b, 2k in / 400 out', [{ id: 'F2', name: 'chart.png', filetype: 'png', mimetype: 'image/png', url_private_download: h.fake.fileUrl('chart.png') }]);
    expect(h.fake.downloads).toEqual([]);
    expect(advisor.inputs.at(-1)).not.toHaveProperty('series');
    expect(logs.join('\n')).not.toContain(BOT_TOKEN);
  });
});
