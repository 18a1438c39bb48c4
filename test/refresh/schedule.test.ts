/** The Slack app's scheduled refresh: a run writes, logs the diff and reloads the advisor; a failed run changes nothing. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR } from '../../src/catalog/load-catalog.ts';
import { loadConfig } from '../../src/config.ts';
import { schedulePriceRefresh } from '../../src/refresh/schedule.ts';
import { PRICE_SOURCES } from '../../src/refresh/sources.ts';

const FIXTURES = new URL('../fixtures/refresh/', import.meta.url).pathname;
/** Serves each source's recorded response at its public URL. */
const recorded = async (url: string): Promise<string> => {
  const source = PRICE_SOURCES.find((s) => s.url === url);
  if (!source) throw new Error(`unexpected URL ${url}`);
  return readFileSync(join(FIXTURES, source.recordedFile), 'utf8');
};

describe('scheduled price refresh', () => {
  let dataDir = '';
  const logs: { level: string; fields: Record<string, unknown>; message: string }[] = [];
  const logger = { info: (fields: object, message: string) => void logs.push({ level: 'info', fields: fields as Record<string, unknown>, message }), warn: (fields: object, message: string) => void logs.push({ level: 'warn', fields: fields as Record<string, unknown>, message }) };
  beforeEach(() => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'tokcost-schedule-')), 'data');
    cpSync(DEFAULT_DATA_DIR, dataDir, { recursive: true });
    // Prices are what a refresh touches; an empty benchmark file keeps each catalog load (zod over 1 MB) cheap.
    writeFileSync(join(dataDir, 'benchmarks.json'), '[]\n');
    logs.length = 0;
  });
  afterEach(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

  it('a run writes the refreshed prices dated today, logs what changed and reloads the advisor', async () => {
    let reloads = 0;
    const schedule = schedulePriceRefresh({ cron: '0 6 * * 1', logger, dataDir, fetcher: recorded, now: () => new Date('2026-12-03T06:00:00Z'), onWritten: () => void reloads++ });
    const outcome = await schedule.runOnce();
    schedule.stop();
    expect(outcome?.written.length).toBe(2);
    expect(reloads).toBe(1);
    expect(logs[0]).toMatchObject({ level: 'info', message: 'price refresh done' });
    expect(String(logs[0]!.fields.diff)).toContain('~ Lambda gh200 on-demand, 1-GPU instance: $2.29 (as of 2026-07) -> $1.99 (-13.1 %)');
    expect(readFileSync(join(dataDir, 'prices.json'), 'utf8')).toContain('"asOf": "2026-12-03"');
  });

  it('a failed download logs the source and leaves the catalog unchanged', async () => {
    const before = readFileSync(join(dataDir, 'prices.json'));
    const schedule = schedulePriceRefresh({ cron: '0 6 * * 1', logger, dataDir, fetcher: () => Promise.reject(new Error('getaddrinfo ENOTFOUND openrouter.ai')), onWritten: () => expect.unreachable() });
    expect(await schedule.runOnce()).toBeNull();
    schedule.stop();
    expect(logs[0]).toMatchObject({ level: 'warn', message: 'price refresh failed; the catalog is unchanged' });
    expect(String((logs[0]!.fields.err as Error).message)).toContain('openrouter: https://openrouter.ai/api/v1/models: download failed (getaddrinfo ENOTFOUND openrouter.ai)');
    expect(readFileSync(join(dataDir, 'prices.json'))).toEqual(before);
  });

  it('TOKCOST_REFRESH_CRON is validated at start: a bad expression names the variable', () => {
    const env = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef' };
    expect(loadConfig({ ...env, TOKCOST_REFRESH_CRON: '0 6 * * 1' }).refreshCron).toBe('0 6 * * 1');
    expect(loadConfig(env).refreshCron).toBeUndefined();
    expect(() => loadConfig({ ...env, TOKCOST_REFRESH_CRON: 'every monday' })).toThrow(/TOKCOST_REFRESH_CRON must be a cron expression, e\.g\. "0 6 \* \* 1"/);
  });
});
