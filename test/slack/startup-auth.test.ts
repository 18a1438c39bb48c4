/** Start-up auth.test: retried with backoff while Slack is unreachable or failing, each retry said; one line at the end. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { authTestWithRetry, StartupError } from '../../src/slack/startup-auth.ts';
import { FakeSlack } from '../e2e/slack/fake-slack.ts';

describe('authTestWithRetry', () => {
  const fake = new FakeSlack();
  const said: string[] = [];
  const waits: number[] = [];
  const options = () => ({ botToken: 'xoxb-1-abc', apiUrl: fake.apiUrl, say: (l: string) => said.push(l), sleep: async (ms: number) => void waits.push(ms) });
  beforeAll(() => fake.start());
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.reset();
    said.length = 0;
    waits.length = 0;
  });

  it('retries a 500 with growing waits, says so, then returns the bot ids', async () => {
    fake.httpError('auth.test', 500, 2);
    await expect(authTestWithRetry(options())).resolves.toEqual({ botId: 'BBOT', botUserId: 'UBOT', teamId: 'T1' });
    expect(waits).toEqual([1000, 2000]);
    expect(said).toEqual([
      `tokcost: Slack unreachable at ${fake.apiUrl} (auth.test: HTTP 500); retrying in 1 s (try 2 of 6)`,
      `tokcost: Slack unreachable at ${fake.apiUrl} (auth.test: HTTP 500); retrying in 2 s (try 3 of 6)`,
    ]);
  });

  it('gives up after the last try with one line naming the cause', async () => {
    fake.httpError('auth.test', 503, 10);
    const error = await authTestWithRetry({ ...options(), attempts: 3 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect((error as Error).message).toBe(`tokcost cannot start: Slack did not answer auth.test at ${fake.apiUrl} after 3 tries (last: HTTP 503); check the network, or SLACK_API_URL`);
  });

  it('says when nothing listens at the URL', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const error = await authTestWithRetry({ ...options(), apiUrl: `http://127.0.0.1:${port}/api/`, attempts: 2 }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/after 2 tries \(last: ECONNREFUSED\)/);
    expect(said[0]).toMatch(/auth\.test: ECONNREFUSED\); retrying in 1 s/);
  });

  it('does not retry a refused token', async () => {
    fake.fail('auth.test', 'invalid_auth');
    const error = await authTestWithRetry(options()).catch((e: unknown) => e);
    expect((error as Error).message).toBe('tokcost cannot start: Slack refused the bot token (invalid_auth); set SLACK_BOT_TOKEN to the Bot User OAuth Token (OAuth & Permissions)');
    expect(fake.callsTo('auth.test')).toHaveLength(1);
    expect(said).toEqual([]);
  });
});
