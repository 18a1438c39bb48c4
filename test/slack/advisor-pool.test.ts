/** The advisor on worker threads (tsx-loaded .ts workers under vitest): same answers, dated by the caller's clock. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdvisorPool, type AdvisorPool } from '../../src/slack/advisor-pool.ts';

const QUESTION = 'gpt-oss-120b, 2k in / 400 out, 30 rps average, peaks 4x at noon, p95 TTFT under 1 s';

describe('advisor pool', () => {
  let pool: AdvisorPool;
  beforeAll(async () => {
    pool = await createAdvisorPool({ size: 2, now: () => new Date('2031-01-15T12:00:00Z') });
  }, 30_000);
  afterAll(async () => {
    await pool?.close();
  });

  it('answers on workers, with the chart as a Buffer and the caller’s date', async () => {
    expect(pool.size).toBe(2);
    expect(pool.vocabulary().platforms.length).toBeGreaterThan(5);
    const [a, b] = await Promise.all([pool.answer({ text: QUESTION, settings: { dollarsPerGpuHour: {} } }), pool.answer({ text: 'how much?', settings: { dollarsPerGpuHour: {} } })]);
    expect(a.kind).toBe('answer');
    if (a.kind !== 'answer') return;
    expect(Buffer.isBuffer(a.chartPng)).toBe(true);
    expect(a.chartPng!.subarray(1, 4).toString()).toBe('PNG');
    expect(JSON.stringify(a.report.assumptions)).toContain('2031-01-15');
    expect(b.kind).toBe('problems');
    const report = await pool.report('api', { text: '', previous: a.query, settings: { dollarsPerGpuHour: {} } });
    expect(report.kind).toBe('report');
  }, 30_000);

  it('refuses calls once closed', async () => {
    const other = await createAdvisorPool({ size: 1, chart: false });
    await other.close();
    await expect(other.answer({ text: QUESTION, settings: { dollarsPerGpuHour: {} } })).rejects.toThrow(/closed/);
  }, 30_000);
});
