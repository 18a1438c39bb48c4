import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/query/parse-query.ts';
import { toAdviceRequest } from '../../src/query/to-advice-request.ts';
import { FIXTURE_VOCABULARY as V } from './fixture-vocabulary.ts';

const advise = (text: string) => toAdviceRequest(parseQuery(text, V));

describe('toAdviceRequest', () => {
  it('maps a full query to the engine request', () => {
    const { request, problems } = advise(
      'llama 70b fp8, 2k in / 500 out, 1200 rpm, peaks 4x at noon, p95 TTFT under 1s, TPOT 25ms, only AMD, on-prem at $0.07/kWh, 4-year amortization',
    );
    expect(problems).toEqual([]);
    expect(request).toEqual({
      modelId: 'llama-3.3-70b',
      precision: 'fp8',
      inputTokens: 2000,
      outputTokens: 500,
      meanRequestsPerSecond: 20,
      shape: { kind: 'diurnal', peakToAverage: 4, peakHourUtc: 12 },
      horizon: 'day',
      latency: { ttftMs: 1000, ttftPercentile: 95, tpotMs: 25 },
      pricing: { kind: 'owned', dollarsPerKwh: 0.07, amortizationYears: 4 },
      vendors: ['amd'],
    });
  });
  it('weekly shape gets a week horizon and a stated weekend share', () => {
    const { request, assumptions } = advise('llama 70b 30 rps weekday traffic');
    expect(request!.shape).toEqual({ kind: 'weekly', peakToAverage: 2, weekendFraction: 0.5 });
    expect(request!.horizon).toBe('week');
    expect(assumptions.map((a) => a.field)).toContain('weekendFraction');
  });
  it('spike shape gets stated timing; rented is the stated default; overrides pass through', () => {
    const { request, assumptions } = advise('llama 70b 5 rps viral launch spikes 10x, h100 at $1.99/hr, no TPUs');
    expect(request!.shape).toEqual({ kind: 'spike', peakToAverage: 10, riseMinutes: 15, durationMinutes: 120 });
    expect(request!.pricing).toEqual({ kind: 'rented' });
    expect(request!.dollarsPerGpuHourOverrides).toEqual({ 'h100-sxm': 1.99 });
    expect(request!.vendors).toEqual(['nvidia', 'amd', 'aws', 'intel']);
    expect(assumptions.map((a) => a.field)).toEqual(expect.arrayContaining(['spike', 'pricing', 'horizon']));
  });
  it("turns concurrent users into requests/s by Little's law when speed and lengths are known", () => {
    const { request, assumptions } = advise('llama 70b, 200 concurrent users at 50 tok/s per user, 2k in / 500 out, TTFT 1s');
    // 200 users / (1 s + 500 tokens x 20 ms) = 200 / 11 s
    expect(request!.meanRequestsPerSecond).toBeCloseTo(200 / 11, 9);
    expect(request!.latency.tpotMs).toBe(20);
    expect(assumptions.find((a) => a.field === 'requestsPerSecond')!.reason).toMatch(/Little's law/);
  });
  it('refuses concurrent users without a per-user speed, saying what is missing', () => {
    const { request, problems } = advise('llama 70b, 200 concurrent users, 2k in / 500 out');
    expect(request).toBeNull();
    expect(problems[0]!.message).toMatch(/per-user speed/);
    expect(problems[0]!.example).toMatch(/tok\/s per user/);
  });
  it('no request while the query has problems', () => {
    expect(advise('lama 70 at 30 rps').request).toBeNull();
  });
});
