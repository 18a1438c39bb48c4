import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConversationStore } from '../../src/playground/conversation-store.ts';
import { FakeSlackServer, TRIGGER_TTL_MS } from '../../src/playground/fake-slack-server.ts';
import { BOT_DM, BOT_USER_ID, CHANNEL_SEEDS, GENERAL, PRIVATE, USER_ID } from '../../src/playground/ids.ts';

const TOKEN = 'xoxb-test-playground';
let now = 1_700_000_000_000;
let store: ConversationStore;
let fake: FakeSlackServer;
let server: Server;

beforeAll(async () => {
  server = createServer((req, res) => void fake.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  now = 1_700_000_000_000;
  store = new ConversationStore(CHANNEL_SEEDS);
  fake = new FakeSlackServer({ store, botToken: TOKEN, now: () => now });
  fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

/** A Web API call as the WebClient makes it: form-encoded, JSON fields stringified, bearer token. */
async function call(method: string, args: Record<string, unknown>, token = TOKEN): Promise<Record<string, unknown>> {
  const form = new URLSearchParams(Object.entries(args).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  const response = await fetch(`${fake.apiUrl}${method}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' }, body: form });
  return (await response.json()) as Record<string, unknown>;
}

const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*hi*' } }];

describe('FakeSlackServer Web API', () => {
  it('refuses a missing or wrong bot token', async () => {
    expect(await call('chat.postMessage', { channel: GENERAL.id, text: 'x' }, 'xoxb-wrong')).toEqual({ ok: false, error: 'invalid_auth' });
    expect(store.visibleMessages(GENERAL.id, USER_ID)).toEqual([]);
  });

  it('chat.postMessage stores a bot message with blocks and returns its ts; replies join the root thread', async () => {
    const root = await call('chat.postMessage', { channel: GENERAL.id, text: 'fallback', blocks });
    expect(root).toMatchObject({ ok: true, channel: GENERAL.id, ts: expect.stringMatching(/^\d+\.\d{6}$/) });
    const reply = await call('chat.postMessage', { channel: GENERAL.id, text: 'r1', thread_ts: root.ts });
    const replyToReply = await call('chat.postMessage', { channel: GENERAL.id, text: 'r2', thread_ts: reply.ts });
    const messages = store.visibleMessages(GENERAL.id, USER_ID);
    expect(messages.map((m) => [m.user, m.text, m.threadTs])).toEqual([
      [BOT_USER_ID, 'fallback', undefined],
      [BOT_USER_ID, 'r1', root.ts],
      [BOT_USER_ID, 'r2', root.ts],
    ]);
    expect(messages[0]!.blocks).toEqual(blocks);
    expect(replyToReply.ok).toBe(true);
  });

  it('chat.postMessage to a user id lands in the DM; unknown and private non-member channels fail as in Slack', async () => {
    expect(await call('chat.postMessage', { channel: USER_ID, text: 'dm' })).toMatchObject({ ok: true, channel: BOT_DM.id });
    expect(await call('chat.postMessage', { channel: 'C404', text: 'x' })).toEqual({ ok: false, error: 'channel_not_found' });
    expect(await call('chat.postMessage', { channel: PRIVATE.id, text: 'x' })).toEqual({ ok: false, error: 'not_in_channel' });
    expect(await call('chat.postMessage', { channel: GENERAL.id })).toEqual({ ok: false, error: 'no_text' });
  });

  it('chat.postEphemeral is seen only by its user; chat.update edits bot messages', async () => {
    const eph = await call('chat.postEphemeral', { channel: GENERAL.id, user: USER_ID, text: 'only you' });
    expect(eph).toMatchObject({ ok: true, message_ts: expect.any(String) });
    expect(store.visibleMessages(GENERAL.id, USER_ID).map((m) => m.text)).toEqual(['only you']);
    expect(store.visibleMessages(GENERAL.id, 'U0SOMEONE')).toEqual([]);
    const posted = await call('chat.postMessage', { channel: GENERAL.id, text: 'v1' });
    expect(await call('chat.update', { channel: GENERAL.id, ts: posted.ts, text: 'v2', blocks })).toMatchObject({ ok: true });
    expect(store.message(GENERAL.id, String(posted.ts))).toMatchObject({ text: 'v2', blocks, edited: true });
    expect(await call('chat.update', { channel: GENERAL.id, ts: '1.2', text: 'x' })).toEqual({ ok: false, error: 'message_not_found' });
  });

  it('views.open needs a fresh trigger_id, used once; views.publish sets App Home', async () => {
    const view = { type: 'modal', callback_id: 'f', title: { type: 'plain_text', text: 'F' }, blocks };
    expect(await call('views.open', { trigger_id: 'made-up', view })).toEqual({ ok: false, error: 'invalid_trigger_id' });
    const trigger = fake.newTrigger(USER_ID);
    const opened = await call('views.open', { trigger_id: trigger, view });
    expect(opened).toMatchObject({ ok: true, view: { id: expect.stringMatching(/^V/), callback_id: 'f', state: { values: {} } } });
    expect(store.modal(USER_ID)?.view).toEqual(view);
    expect(await call('views.open', { trigger_id: trigger, view })).toEqual({ ok: false, error: 'invalid_trigger_id' });
    const late = fake.newTrigger(USER_ID);
    now += TRIGGER_TTL_MS + 1;
    expect(await call('views.open', { trigger_id: late, view })).toEqual({ ok: false, error: 'expired_trigger_id' });
    expect(await call('views.publish', { user_id: USER_ID, view: { type: 'home', blocks } })).toMatchObject({ ok: true });
    expect(store.home(USER_ID)?.view.blocks).toEqual(blocks);
  });

  it('answers unknown methods with unknown_method and logs that the playground lacks them', async () => {
    expect(await call('conversations.replies', { channel: GENERAL.id })).toEqual({ ok: false, error: 'unknown_method' });
    expect(store.logs().at(-1)).toMatchObject({ direction: 'from-app', ok: false, detail: expect.stringContaining('does not implement conversations.replies') });
  });

  it('works with the real WebClient, files.uploadV2 included (get URL, multipart POST, complete into the thread)', async () => {
    const client = new WebClient(TOKEN, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
    const root = await client.chat.postMessage({ channel: GENERAL.id, text: 'card', blocks });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    await client.files.uploadV2({ channel_id: GENERAL.id, thread_ts: root.ts!, file: png, filename: 'chart.png', title: 'cost vs load' });
    const chartMessage = store.visibleMessages(GENERAL.id, USER_ID).find((m) => m.fileIds);
    expect(chartMessage).toMatchObject({ threadTs: root.ts, user: BOT_USER_ID });
    const file = store.file(chartMessage!.fileIds![0]!);
    expect(file).toMatchObject({ title: 'cost vs load', mimetype: 'image/png', completed: true });
    expect(file!.bytes).toEqual(png);
  });

  it('refuses to share an upload into a channel the bot is not in (not_in_channel)', async () => {
    const client = new WebClient(TOKEN, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
    await expect(client.files.uploadV2({ channel_id: PRIVATE.id, file: Buffer.from('png'), filename: 'c.png', title: 't' })).rejects.toMatchObject({ data: { error: 'not_in_channel' } });
  });
});

describe('FakeSlackServer response_url', () => {
  const respond = async (url: string, body: unknown) => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).status;

  it('posts ephemeral by default, in_channel on request, replaces or deletes the source message', async () => {
    const source = store.addMessage({ channel: GENERAL.id, user: BOT_USER_ID, text: 'source', ephemeralTo: USER_ID });
    const url = fake.newResponseUrl({ channel: GENERAL.id, user: USER_ID, sourceTs: source.ts });
    expect(await respond(url, { text: 'just you', blocks })).toBe(200);
    expect(await respond(url, { response_type: 'in_channel', replace_original: false, text: 'everyone' })).toBe(200);
    expect(await respond(url, { replace_original: true, text: 'replaced' })).toBe(200);
    expect(store.visibleMessages(GENERAL.id, 'U0OTHER').map((m) => m.text)).toEqual(['everyone']);
    expect(store.visibleMessages(GENERAL.id, USER_ID).map((m) => m.text)).toEqual(['replaced', 'just you', 'everyone']);
    expect(await respond(url, { delete_original: true })).toBe(200);
    expect(store.message(GENERAL.id, source.ts)).toBeUndefined();
  });

  it('takes 5 posts at most, and none after 30 minutes', async () => {
    const url = fake.newResponseUrl({ channel: GENERAL.id, user: USER_ID });
    for (let i = 0; i < 5; i++) expect(await respond(url, { text: `m${i}` })).toBe(200);
    expect(await respond(url, { text: 'sixth' })).toBe(404);
    const later = fake.newResponseUrl({ channel: GENERAL.id, user: USER_ID });
    now += 31 * 60 * 1000;
    expect(await respond(later, { text: 'late' })).toBe(404);
    expect(store.visibleMessages(GENERAL.id, USER_ID)).toHaveLength(5);
  });
});
