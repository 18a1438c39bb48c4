/**
 * Phrasings written the way different people write them: terse engineers, FinOps, managers, typos,
 * Slack markup. Each row states the exact fields it must produce; other fields must be stated defaults.
 */
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/query/parse-query.ts';
import { FIXTURE_VOCABULARY } from './fixture-vocabulary.ts';
import { expectFields } from './helpers.ts';

const L70 = 'llama-3.3-70b';
type Row = [text: string, fields: Record<string, unknown>, problems?: number];

const ROWS: Row[] = [
  // terse engineers
  ['llama 70b, 2k in / 500 out, 1200 rpm, peaks 4x at noon, p95 TTFT under 1s, only AMD',
    { model: L70, inputTokens: 2000, outputTokens: 500, requestsPerSecond: 20, peakToAverage: 4, peakHourUtc: 12, ttftMs: 1000, ttftPercentile: 95, vendors: ['amd'] }],
  ['5.6M queries a week on deepseek-r1, 1000 input 4000 output', { model: 'deepseek-r1', inputTokens: 1000, outputTokens: 4000, requestsPerSecond: 5.6e6 / 604800 }],
  ['Llama-3.3-70B-Instruct, ISL=1024 OSL=1024, 30 rps', { model: L70, inputTokens: 1024, outputTokens: 1024, requestsPerSecond: 30 }],
  ['gpt-oss 120b 8k prompts and 1k completions qps 100', { model: 'gpt-oss-120b', inputTokens: 8000, outputTokens: 1000, requestsPerSecond: 100 }],
  ['r1, 1,500 input tokens, 300 output tokens, 2 million requests per day', { model: 'deepseek-r1', inputTokens: 1500, outputTokens: 300, requestsPerSecond: 2e6 / 86400 }],
  ['qwen3 235b 1.5K in 0.3K out 12 rps fp8', { model: 'qwen3-235b-a22b', inputTokens: 1500, outputTokens: 300, requestsPerSecond: 12, precision: 'fp8' }],
  ['mixtral 8x7b 2000/200 tokens 5 rps bf16', { model: 'mixtral-8x7b', inputTokens: 2000, outputTokens: 200, requestsPerSecond: 5, precision: 'bf16' }],
  ['kimi k2, 10 billion tokens per day, 2k in / 500 out', { model: 'kimi-k2', inputTokens: 2000, outputTokens: 500, requestsPerSecond: 1e10 / 86400 / 2500 }],
  ['llama 3.1 405b fp16 50 rps', { model: 'llama-3.1-405b', precision: 'bf16', requestsPerSecond: 50 }],
  ['gpt-oss-20b 200 concurrent users at 50 tok/s per user, 1k in 500 out',
    { model: 'gpt-oss-20b', concurrentUsers: 200, tokensPerSecondPerUser: 50, inputTokens: 1000, outputTokens: 500 }],
  ['llama 8b, time to first token 800 ms, TPOT 20ms, 3 rps', { model: 'llama-3.1-8b', ttftMs: 800, tpotMs: 20, requestsPerSecond: 3 }],
  ['llama 70b ITL 40 ms, 20 rps, 4k/500 tokens', { model: L70, tpotMs: 40, requestsPerSecond: 20, inputTokens: 4000, outputTokens: 500 }],
  ['deepseek r1 p99 TTFT < 2s, interactive, 10 rps', { model: 'deepseek-r1', ttftMs: 2000, ttftPercentile: 99, requestsPerSecond: 10 }],
  ['llama 70b interactive chatbot 30 rps', { model: L70, requestsPerSecond: 30 }],
  ['gpt-oss 120b, 30 rps, no TPUs', { model: 'gpt-oss-120b', requestsPerSecond: 30, excludeVendors: ['google'] }],
  ['compare h100 vs mi300x for llama 70b at 25 rps', { model: L70, platforms: ['h100-sxm', 'mi300x'], requestsPerSecond: 25 }],
  ['llama 70b nvidia only 10 rps', { model: L70, vendors: ['nvidia'], requestsPerSecond: 10 }],
  ['llama 70b exclude gaudi, 10 rps', { model: L70, excludePlatforms: ['gaudi3'], requestsPerSecond: 10 }],
  ['llama 70b on-prem, $0.07/kWh, 3-year amortization, 10 rps', { model: L70, pricing: 'owned', dollarsPerKwh: 0.07, amortizationYears: 3, requestsPerSecond: 10 }],
  ['llama 70b, h100 at $1.99/hr, 10 rps', { model: L70, dollarsPerGpuHour: { 'h100-sxm': 1.99 }, requestsPerSecond: 10 }],
  ['llama 70b, 10 rps, over a week', { model: L70, requestsPerSecond: 10, horizon: 'week' }],
  // Slack markup
  ['<@U123ABC> llama 70b &amp; 2k in / 500 out, 30 rps', { model: L70, inputTokens: 2000, outputTokens: 500, requestsPerSecond: 30 }],
  ['<#C123|inference> *llama 70b*, _30 rps_, `2k in / 500 out`', { model: L70, requestsPerSecond: 30, inputTokens: 2000, outputTokens: 500 }],
  ['<https://example.com/q?rps=99|our traffic> llama 70b 30 rps', { model: L70, requestsPerSecond: 30 }],
  ['\u201cllama 70b\u201d \u2014 30 rps, peaks 3x', { model: L70, requestsPerSecond: 30, peakToAverage: 3 }],
  ['llama\u00a070b\u00a030\u00a0rps', { model: L70, requestsPerSecond: 30 }],
  ['<@U1|bob> can you check llama 70b at 30 rps &lt;= p95 ttft 1s &gt; thanks', { model: L70, requestsPerSecond: 30, ttftMs: 1000, ttftPercentile: 95 }],
  ['~llama 70b~ `30 rps` *peak 2x*', { model: L70, requestsPerSecond: 30, peakToAverage: 2 }],
  // load shape
  ['llama 70b, 30 rps, 3x peak', { model: L70, requestsPerSecond: 30, peakToAverage: 3 }],
  ['llama 70b, 30 rps, peak-to-average 6', { model: L70, requestsPerSecond: 30, peakToAverage: 6 }],
  ['llama 70b 30 rps bursty', { model: L70, requestsPerSecond: 30, shape: 'spike' }],
  ['llama 70b viral launch, spikes 10x, 5 rps', { model: L70, shape: 'spike', peakToAverage: 10, requestsPerSecond: 5 }],
  ['llama 70b weekday traffic 30 rps', { model: L70, shape: 'weekly', requestsPerSecond: 30 }],
  ['llama 70b 30 rps flat', { model: L70, shape: 'flat', requestsPerSecond: 30 }],
  ['llama 70b 30 rps peak at 2pm ET', { model: L70, requestsPerSecond: 30, peakHourUtc: 19 }],
  ['llama 70b 30 rps peaks at 14:00 UTC', { model: L70, requestsPerSecond: 30, peakHourUtc: 14 }],
  ['gpt-oss 120b, 1200 requests per minute, peak 3x at 9am PT', { model: 'gpt-oss-120b', requestsPerSecond: 20, peakToAverage: 3, peakHourUtc: 17 }],
  // latency
  ['llama 70b 30 rps median TTFT 500ms', { model: L70, requestsPerSecond: 30, ttftMs: 500, ttftPercentile: 50 }],
  ['gpt oss 120b, TTFT p90 under 700 ms, 40 rps', { model: 'gpt-oss-120b', ttftMs: 700, ttftPercentile: 90, requestsPerSecond: 40 }],
  ['llama 70b 30 rps p95 ttft 1.5s tpot 30ms mi355x vs b200',
    { model: L70, requestsPerSecond: 30, ttftMs: 1500, ttftPercentile: 95, tpotMs: 30, platforms: ['mi355x', 'b200'] }],
  ['llama 70b, 45 tokens/sec per user, 30 rps', { model: L70, tokensPerSecondPerUser: 45, requestsPerSecond: 30 }],
  ['llama 70b 30 rps, TTFT under a second', { model: L70, requestsPerSecond: 30, ttftMs: 1000 }],
  ['llama 70b 30 rps, sub-second TTFT', { model: L70, requestsPerSecond: 30, ttftMs: 1000 }],
  // money
  ['llama 70b, 100 rps, spot', { model: L70, requestsPerSecond: 100, pricing: 'rented', tier: 'spot' }],
  ['llama 70b, 100 rps, 3-year reserved', { model: L70, requestsPerSecond: 100, pricing: 'rented', tier: 'reserved-3y' }],
  ['llama 70b, 100 rps, on-prem, PUE 1.3', { model: L70, requestsPerSecond: 100, pricing: 'owned', powerUsageEffectiveness: 1.3 }],
  ['llama 70b, 100 rps, electricity 8 cents/kWh', { model: L70, requestsPerSecond: 100, pricing: 'owned', dollarsPerKwh: 0.08 }],
  ['gpt-oss-120b mxfp4 on b200 at $3.50/hr, 60 rps', { model: 'gpt-oss-120b', precision: 'fp4', dollarsPerGpuHour: { b200: 3.5 }, requestsPerSecond: 60 }],
  // choices
  ['llama 70b 30 rps without nvidia', { model: L70, requestsPerSecond: 30, excludeVendors: ['nvidia'] }],
  ['llama 70b 30 rps anything but nvidia or amd', { model: L70, requestsPerSecond: 30, excludeVendors: ['nvidia', 'amd'] }],
  ['llama 70b 30 rps on tpu v6e', { model: L70, requestsPerSecond: 30, platforms: ['tpu-v6e'] }],
  ['llama 70b 30 rps, only AMD, no mi300x', { model: L70, requestsPerSecond: 30, vendors: ['amd'], excludePlatforms: ['mi300x'] }],
  // FinOps and managers
  ['We serve about 2 million requests per day on Llama 3.3 70B; prompts ~1,500 tokens, answers ~250 tokens. Cheapest option?',
    { model: L70, requestsPerSecond: 2e6 / 86400, inputTokens: 1500, outputTokens: 250 }],
  ['How much would it cost to run DeepSeek R1 for 5.6M queries a week? Inputs 1000 tokens, outputs 4000.',
    { model: 'deepseek-r1', requestsPerSecond: 5.6e6 / 604800, inputTokens: 1000, outputTokens: 4000 }],
  ['Our GPT-OSS-120B bill: 500k requests per hour at peak 2x, owned hardware at 6c/kWh over 4 years amortization',
    { model: 'gpt-oss-120b', requestsPerSecond: 500000 / 3600, peakToAverage: 2, pricing: 'owned', dollarsPerKwh: 0.06, amortizationYears: 4 }],
  ['qwen3 32b, avg prompt is 2k, output 300, 15 rps', { model: 'qwen3-32b', inputTokens: 2000, outputTokens: 300, requestsPerSecond: 15 }],
  ['qwen3-32b input 2k output 500 rps 15', { model: 'qwen3-32b', inputTokens: 2000, outputTokens: 500, requestsPerSecond: 15 }],
  ['LLAMA 70B 30 RPS PEAKS 4X', { model: L70, requestsPerSecond: 30, peakToAverage: 4 }],
  ['llama70b@30rps', { model: L70, requestsPerSecond: 30 }],
  ['llama 70b, 1k req/min', { model: L70, requestsPerSecond: 1000 / 60 }],
  ['llama 70b, 500k requests per hour', { model: L70, requestsPerSecond: 500000 / 3600 }],
  ['llama 3 70b 30 rps', { model: L70, requestsPerSecond: 30 }],
  ['Llama 3.1 70B, 30 rps', { model: 'llama-3.1-70b', requestsPerSecond: 30 }],
  ['llama 70b, qps: 100, ISL 2048, OSL 256', { model: L70, requestsPerSecond: 100, inputTokens: 2048, outputTokens: 256 }],
  ['llama 70b 2M req/day 4x peak 8k in 1k out p95 TTFT 2s no gaudi',
    { model: L70, requestsPerSecond: 2e6 / 86400, peakToAverage: 4, inputTokens: 8000, outputTokens: 1000, ttftMs: 2000, ttftPercentile: 95, excludePlatforms: ['gaudi3'] }],
  ['deepseek-r1 10B output tokens per day 1k in 4k out', { model: 'deepseek-r1', requestsPerSecond: 1e10 / 86400 / 4000, inputTokens: 1000, outputTokens: 4000 }],
  ['llama 70b', { model: L70 }],
  // typos and things that cannot be understood: no guessing, a problem instead
  ['lama 70b 30 rps', { requestsPerSecond: 30 }, 1],
  ['llama 70b, 10 rps and 50 rps', { model: L70 }, 1],
  ['30 rps, 2k in 500 out', { requestsPerSecond: 30, inputTokens: 2000, outputTokens: 500 }, 1],
  ['llama 70b, -5 rps', { model: L70 }, 1],
  ['llama 70b, int4, 30 rps', { model: L70, requestsPerSecond: 30 }, 1],
  ['llama 70b, 30 rps, 200 users', { model: L70, requestsPerSecond: 30 }, 1],
  ['llama 13b 30 rps', { requestsPerSecond: 30 }, 1],
];

describe('parseQuery: phrasings people write', () => {
  it('has at least 60 phrasings', () => expect(ROWS.length).toBeGreaterThanOrEqual(60));
  it.each(ROWS)('%s', (text, fields, problems = 0) => {
    const query = parseQuery(text, FIXTURE_VOCABULARY);
    expect(query.problems, JSON.stringify(query.problems)).toHaveLength(problems);
    expectFields(query, fields);
  });
});
