/** Forms found by trying the parser as a user would, after the held-out sets: each must parse exactly. */
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/query/parse-query.ts';
import { FIXTURE_VOCABULARY } from './fixture-vocabulary.ts';
import { expectFields } from './helpers.ts';

const L70 = 'llama-3.3-70b';
const ROWS: readonly [string, Record<string, unknown>][] = [
  ['gpt-oss-120b 50 rps average, 150 rps peak, 1k/1k', { model: 'gpt-oss-120b', requestsPerSecond: 50, peakToAverage: 3, inputTokens: 1000, outputTokens: 1000 }],
  ['llama 70b 30 rps, peaking at 120 req/s', { model: L70, requestsPerSecond: 30, peakToAverage: 4 }],
  ['deepseek r1 at 4 rps, 1k prompt, 6k reasoning output', { model: 'deepseek-r1', requestsPerSecond: 4, inputTokens: 1000, outputTokens: 6000 }],
  ['gpt-oss 20b with 1000 daily users sending 30 messages a day each, 800/300', { model: 'gpt-oss-20b', requestsPerSecond: 30000 / 86400, inputTokens: 800, outputTokens: 300 }],
  ['llama 70b, thirty rps, owned, power at a tenth of a dollar per kWh', { model: L70, requestsPerSecond: 30, pricing: 'owned', dollarsPerKwh: 0.1 }],
  ['llama 70b 25 rps peaks at 3x during US business hours', { model: L70, requestsPerSecond: 25, peakToAverage: 3, shape: 'business-hours', businessHours: { startHourUtc: 14, endHourUtc: 22, weekdaysOnly: true, offHoursFraction: 0.125 } }],
  ['llama 3.3 70b at 60 requests per sec with 4k tokens of context and 300 tokens generated', { model: L70, requestsPerSecond: 60, inputTokens: 3700, outputTokens: 300 }],
  ['llama 70b 20 concurrent streams at 50 t/s', { model: L70, concurrentUsers: 20, tokensPerSecondPerUser: 50 }],
];

describe('phrasing forms', () => {
  it.each(ROWS)('%s', (text, fields) => {
    const q = parseQuery(text, FIXTURE_VOCABULARY);
    expect(q.problems, JSON.stringify(q.problems)).toEqual([]);
    expectFields(q, fields);
  });
});
