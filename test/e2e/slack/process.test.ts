/**
 * The app as a real process (the real advisor on its worker pool): SIGKILL between an answer and its
 * follow-up loses nothing (SQLite WAL, one transaction per write), and SIGTERM finishes in-flight
 * answers before exiting.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAppProcess, type AppProcess } from './app-process.ts';
import { FakeSlack } from './fake-slack.ts';
import { QUESTION } from './harness.ts';
import { formBody, postSigned } from './signed-request.ts';

const SECRET = 'proc0signing0secret0abc';

describe('the app as a process', () => {
  const fake = new FakeSlack();
  let dir = '';
  let env: Record<string, string> = {};
  const apps: AppProcess[] = [];
  const start = async (extra: Record<string, string> = {}) => {
    const app = await startAppProcess({ ...env, ...extra });
    apps.push(app);
    return app;
  };
  const command = (app: AppProcess, text: string, o: { channelId?: string; userId?: string } = {}) =>
    postSigned(app.eventsUrl, formBody({ team_id: 'T1', channel_id: o.channelId ?? 'C1', user_id: o.userId ?? 'UADMIN', command: '/tokcost', text, response_url: fake.responseUrl('p'), trigger_id: 't', api_app_id: 'A1' }), 'application/x-www-form-urlencoded', { secret: SECRET });
  let n = 0;
  const event = (app: AppProcess, e: Record<string, unknown>) =>
    postSigned(app.eventsUrl, JSON.stringify({ team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: `EvP${++n}`, event_time: 1, authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }], event: e }), 'application/json', { secret: SECRET });

  beforeAll(async () => {
    await fake.start();
    dir = mkdtempSync(join(tmpdir(), 'tokcost-proc-'));
    env = { SLACK_BOT_TOKEN: 'xoxb-proc-token', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, TOKCOST_DB_PATH: join(dir, 'tokcost.sqlite'), TOKCOST_ADVISOR_WORKERS: '1', TOKCOST_RATE_LIMIT_PER_MINUTE: '0' };
  });
  afterAll(async () => {
    for (const app of apps) await app.kill('SIGKILL');
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => fake.reset());

  it('after SIGKILL between answer and follow-up, the follow-up applies to the right thread and every setting is there', async () => {
    const first = await start();
    for (const [platform, dollars] of [['h200', '1.91'], ['b200', '3.05'], ['h100-sxm', '1.49'], ['mi300x', '1.22']] as const) {
      expect((await command(first, `set price ${platform} ${dollars}`)).text).toContain('Saved');
    }
    expect((await command(first, 'set power 0.07')).text).toContain('Saved');
    const ts = '1800001000.000100';
    await event(first, { type: 'app_mention', user: 'U1', text: `<@UBOT> ${QUESTION}`, ts, channel: 'CKILL', event_ts: ts });
    // The card is saved once Slack confirms it; the chart upload comes after that.
    await fake.waitFor(() => fake.callsTo('files.completeUploadExternal').length >= 1, 15_000, 'answer and chart');
    expect(await first.kill('SIGKILL')).toMatchObject({ signal: 'SIGKILL' });

    fake.reset();
    const second = await start();
    const settings = await command(second, 'settings');
    for (const shown of ['1.91', '3.05', '1.49', '1.22', '0.07']) expect(settings.text).toContain(shown);
    await event(second, { type: 'message', channel_type: 'channel', user: 'U1', text: 'what about 4k in?', ts: '1800001001.000100', thread_ts: ts, channel: 'CKILL' });
    await fake.waitFor(() => fake.callsTo('chat.postMessage').length >= 1, 15_000, 'follow-up');
    const reply = fake.callsTo('chat.postMessage')[0]!;
    expect(reply.body).toMatchObject({ channel: 'CKILL', thread_ts: ts });
    expect(JSON.stringify(reply.body.blocks)).toMatch(/What changed/i);
    expect(JSON.stringify(reply.body.blocks)).toContain('4,000');
    await second.kill('SIGKILL');
  }, 60_000);

  it('on SIGTERM, answers already acked are finished before the process exits', async () => {
    const app = await start();
    const acks = await Promise.all([1, 2, 3].map((i) => command(app, QUESTION, { channelId: `CTERM${i}`, userId: `U${i}` })));
    expect(acks.map((a) => a.status)).toEqual([200, 200, 200]);
    const exit = await app.kill('SIGTERM');
    expect(exit.code).toBe(0);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(3);
    expect(fake.callsTo('files.completeUploadExternal')).toHaveLength(3);
    expect(app.output()).toContain('in-flight work finished');
  }, 60_000);
});
