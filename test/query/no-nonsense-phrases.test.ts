/**
 * Issue 25's phrase-level items: a stated value is never dropped or replaced silently. Each case is
 * refused with the field named (so no default fills it) and a message that says what was wrong.
 */
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/query/parse-query.ts';
import { FIXTURE_VOCABULARY as V } from './fixture-vocabulary.ts';

const parse = (text: string) => parseQuery(text, V);

describe('stated values are refused, not replaced', () => {
  it('"NaN rps" is refused, not the default 10 rps', () => {
    const q = parse('llama 70b, NaN rps');
    expect(q.requestsPerSecond).toBeUndefined();
    expect(q.problems).toEqual([expect.objectContaining({ fragment: 'NaN rps', field: 'requestsPerSecond' })]);
    expect(q.assumptions.some((a) => a.field === 'requestsPerSecond')).toBe(false);
  });
  it('"Infinity" and "1e308" are refused with the field they were meant for', () => {
    expect(parse('llama 70b, Infinity tokens in').problems[0]).toMatchObject({ field: 'inputTokens' });
    expect(parse('llama 70b, 1e308 rps').problems[0]).toMatchObject({ fragment: '1e308 rps', field: 'requestsPerSecond' });
    expect(parse('llama 70b, 1e3 rps').requestsPerSecond).toBe(1000);
  });
  it('an unknown platform is named back with did-you-mean', () => {
    const [p] = parse('llama 70b 30 rps on banana9000').problems;
    expect(p).toMatchObject({ fragment: 'banana9000', field: 'platforms' });
    expect(p!.message).toMatch(/unknown platform "banana9000"; did you mean/);
    expect(parse('llama 70b 30 rps on h900').problems[0]!.message).toMatch(/did you mean h100-sxm/);
    expect(parse('llama 70b 30 rps, compare mi400x and b200').problems[0]!.message).toMatch(/did you mean mi300x/);
  });
  it('p0 TTFT is refused as out of range, not shown as p95', () => {
    const q = parse('llama 70b 30 rps, p0 TTFT under 1s');
    expect(q.ttftPercentile).toBeUndefined();
    expect(q.problems[0]).toMatchObject({ fragment: 'p0', field: 'ttftPercentile' });
    expect(q.problems[0]!.message).toMatch(/not a percentile.*p50, p90, p95 or p99/);
    expect(parse('llama 70b 30 rps, 80th percentile TTFT 500ms').problems[0]!.message).toMatch(/p80 is not modeled/);
  });
  it('1 token per month is below the lowest meaningful load, named with the bound', () => {
    const q = parse('llama 70b, 1 token per month');
    expect(q.requestsPerSecond).toBeUndefined();
    expect(q.problems[0]).toMatchObject({ fragment: '1 token per month', field: 'requestsPerSecond' });
    expect(q.problems[0]!.message).toMatch(/below the lowest load tokcost plans for \(1 request an hour/);
    expect(parse('llama 70b, 5 requests per day').problems[0]!.message).toMatch(/0\.2083 requests an hour/);
    expect(parse('llama 70b, 100 requests per day').problems).toEqual([]);
  });
  it('an ambiguous "2.000" is asked about, not read as 2 or 2000', () => {
    expect(parse('llama 70b 2.000 input tokens 10 rps').problems[0]!.message).toMatch(/could be 2\.000 or 2000/);
  });
  it('a range is read as its middle and says so', () => {
    const q = parse('llama 70b 20-30 rps');
    expect(q.requestsPerSecond).toBe(25);
    expect(q.assumptions.find((a) => a.field === 'range')!.reason).toMatch(/"20-30" is a range; took the middle, 25/);
  });
  it('a peak that a business-hours window cannot reach is refused, not dropped', () => {
    expect(parse('llama 70b 30 rps business hours only, peaks 3x').problems[0]).toMatchObject({ field: 'peakToAverage' });
    expect(parse('llama 70b 30 rps business hours, peaks 6x').problems[0]!.message).toMatch(/peaks at 4\.2x .* cannot be reached/);
  });
  it('a peak stated with business hours sets the off-hours share', () => {
    const q = parse('llama 70b 25 rps, peaks 3x during business hours');
    // 40 open hours of 168 at level L, f L otherwise: L / mean = 3 gives f = (1/3 - 40/168) / (128/168) = 0.125.
    expect(q.businessHours!.offHoursFraction).toBeCloseTo(0.125, 6);
    expect(q.requestsPerSecond).toBe(25);
    expect(q.assumptions.filter((a) => a.field === 'businessHours' && String(a.value).endsWith('% off-hours'))).toHaveLength(1);
  });
  it('a context that the stated lengths overflow is refused', () => {
    expect(parse('llama 70b 8k context, 6k in / 4k out').problems[0]).toMatchObject({ field: 'inputTokens' });
  });
});

describe('business hours are a shape of their own, never a silent diurnal 2x', () => {
  it('reads the window, zone, weekdays and the rate during the window', () => {
    const q = parse('llama 70b 42 rps during US business hours');
    expect(q.shape).toBe('business-hours');
    expect(q.businessHours).toEqual({ startHourUtc: 14, endHourUtc: 22, weekdaysOnly: true, offHoursFraction: 0.1 });
    // 8 of 24 hours on 5 of 7 days at level L, 0.1 L otherwise: mean = L (40 + 0.1 x 128) / 168.
    expect(q.requestsPerSecond).toBeCloseTo((42 * (40 + 12.8)) / 168, 6);
    expect(q.assumptions.map((a) => a.reason).join(' ')).toMatch(/read in ET/);
  });
});
