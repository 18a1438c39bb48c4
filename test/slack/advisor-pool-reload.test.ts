/** reload() restarts the workers (after a price refresh) without failing a call in flight. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdvisorPool, type AdvisorPool } from '../../src/slack/advisor-pool.ts';

const QUESTION = 'gpt-oss-120b, 2k in / 400 out, 30 rps average, peaks 4x at noon, p95 TTFT under 1 s';
const settings = { dollarsPerGpuHour: {} };

describe('advisor pool reload', () => {
  let pool: AdvisorPool;
  beforeAll(async () => {
    pool = await createAdvisorPool({ size: 1, chart: false });
  });
  afterAll(async () => {
    await pool?.close();
  });

  it('a call in flight when reload() is called is answered, and later calls are answered by the new worker', async () => {
    const inFlight = pool.answer({ text: QUESTION, settings });
    pool.reload();
    expect((await inFlight).kind).toBe('answer');
    expect((await pool.answer({ text: QUESTION, settings })).kind).toBe('answer');
    pool.reload();
    expect((await pool.answer({ text: QUESTION, settings })).kind).toBe('answer');
  });
});
