/** Small pieces behind issue 7: table width, rate limiter, work tracker, signature check, config. */
import { describe, expect, it } from 'vitest';
import { loadCatalogOrThrow } from '../../src/catalog/index.ts';
import { loadConfig } from '../../src/config.ts';
import { alternativesRows } from '../../src/slack/blocks/alternatives-blocks.ts';
import { CODE_LINE_MAX, codeTable } from '../../src/slack/blocks/message.ts';
import { createRateLimiter } from '../../src/slack/rate-limit.ts';
import { openSqliteStore } from '../../src/store/sqlite-store.ts';
import { isRoutableBody, verifySignature } from '../../src/slack/request-guard.ts';
import { createWorkTracker } from '../../src/slack/work-tracker.ts';
import { FIXTURE_REPORT } from './fixtures/report-fixture.ts';
import { signature } from '../e2e/slack/signed-request.ts';

describe('alternatives table width', () => {
  it('stays within CODE_LINE_MAX (48) characters a line for every platform in the catalog', () => {
    const template = FIXTURE_REPORT.candidates[4]!;
    const names = loadCatalogOrThrow().accelerators.map((a) => a.name);
    const candidates = names.map((name, i) => ({ ...template, platformName: name, gpuCount: 128, effectiveDollarsPerMillionOutputTokens: 12.34 + i, servingMode: 'disaggregated' as const }));
    for (let i = 0; i < candidates.length; i += 8) {
      const table = codeTable(alternativesRows({ ...FIXTURE_REPORT, candidates: candidates.slice(i, i + 8) }));
      for (const line of table.split('\n')) expect(line.length, line).toBeLessThanOrEqual(CODE_LINE_MAX);
    }
  });
});

describe('rate limiter', () => {
  it('allows N per minute per user per workspace, then says when to retry', async () => {
    let now = 0;
    const store = openSqliteStore({ path: ':memory:' });
    const limiter = createRateLimiter(store, 2, () => now);
    expect([await limiter.take('T', 'U'), await limiter.take('T', 'U')].every((v) => v.allowed)).toBe(true);
    now = 15_000;
    expect(await limiter.take('T', 'U')).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect((await limiter.take('T', 'V')).allowed).toBe(true);
    expect((await limiter.take('T2', 'U')).allowed).toBe(true);
    now = 60_001;
    expect((await limiter.take('T', 'U')).allowed).toBe(true);
    expect((await createRateLimiter(store, 0).take('T', 'U')).allowed).toBe(true);
    await store.close();
  });
});

describe('work tracker', () => {
  it('runs one key in order and drains', async () => {
    const tracker = createWorkTracker();
    const order: number[] = [];
    const job = (n: number, ms: number) => () => new Promise<void>((r) => setTimeout(() => (order.push(n), r()), ms));
    const all = Promise.all([tracker.track(() => tracker.serial('k', job(1, 30))), tracker.track(() => tracker.serial('k', job(2, 1))), tracker.serial('k', () => Promise.reject(new Error('x'))).catch(() => undefined), tracker.serial('k', job(3, 1))]);
    expect(tracker.inFlight).toBe(2);
    expect(await tracker.drain(1000)).toBe(true);
    await all;
    expect(order).toEqual([1, 2, 3]);
    await tracker.track(() => new Promise((r) => setTimeout(r, 10)));
    const never = tracker.track(() => new Promise((r) => setTimeout(r, 200)));
    expect(await tracker.drain(20)).toBe(false);
    await never;
  });
});

describe('request guard', () => {
  const secret = 'abcdef0123456789';
  const body = Buffer.from('command=%2Ftokcost&text=hi');
  const headers = (ts: number, sig = signature(secret, ts, body.toString())) => ({ 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sig });
  it('verifies signature and age', () => {
    expect(verifySignature(secret, headers(1000), body, 1000, 300).ok).toBe(true);
    expect(verifySignature(secret, headers(1000), body, 1301, 300)).toMatchObject({ ok: false, reason: 'stale timestamp' });
    expect(verifySignature(secret, headers(1000, 'v0=00'), body, 1000, 300)).toMatchObject({ ok: false, reason: 'bad signature' });
    expect(verifySignature(secret, { 'x-slack-request-timestamp': '1e3', 'x-slack-signature': 'v0=' }, body, 1000, 300)).toMatchObject({ ok: false });
    expect(verifySignature(secret, {}, body, 1000, 300)).toMatchObject({ ok: false, reason: 'missing signature headers' });
  });
  it('knows which bodies Bolt can route', () => {
    expect(isRoutableBody('{"type":"event_callback","event":{"type":"message"}}', 'application/json')).toBe(true);
    expect(isRoutableBody('{"type":"url_verification","challenge":"x"}', 'application/json')).toBe(true);
    expect(isRoutableBody('{"type":"event_callback","event":null}', 'application/json')).toBe(false);
    expect(isRoutableBody('[1]', 'application/json')).toBe(false);
    expect(isRoutableBody('command=%2Ftokcost', 'application/x-www-form-urlencoded')).toBe(true);
    expect(isRoutableBody('payload=%7B%22type%22%3A%22block_actions%22%7D', 'application/x-www-form-urlencoded')).toBe(true);
    expect(isRoutableBody('payload=%7B', 'application/x-www-form-urlencoded')).toBe(false);
    expect(isRoutableBody('hello', 'text/plain')).toBe(false);
  });
});

describe('config for issue 7', () => {
  const good = { SLACK_BOT_TOKEN: 'xoxb-1-a', SLACK_SIGNING_SECRET: 'a1b2c3d4e5f6a7b8' };
  it('reads the rate limit, admins, workers and host', () => {
    expect(loadConfig(good)).toMatchObject({ rateLimitPerMinute: 10, admins: [] });
    expect(loadConfig(good).advisorWorkers).toBeGreaterThanOrEqual(1);
    expect(loadConfig({ ...good, TOKCOST_RATE_LIMIT_PER_MINUTE: '30', TOKCOST_ADMINS: 'U1, U2', TOKCOST_ADVISOR_WORKERS: '0', HOST: '127.0.0.1' })).toMatchObject({ rateLimitPerMinute: 30, admins: ['U1', 'U2'], advisorWorkers: 0, host: '127.0.0.1' });
    expect(() => loadConfig({ ...good, TOKCOST_ADMINS: 'not ids!' })).toThrow(/TOKCOST_ADMINS/);
    expect(() => loadConfig({ ...good, TOKCOST_RATE_LIMIT_PER_MINUTE: '-1' })).toThrow(/TOKCOST_RATE_LIMIT_PER_MINUTE/);
  });
});
