/**
 * Fresh held-out phrasings, batch A (issue 16, round 3): written before the parser changes they prompted,
 * as ML platform engineers, FinOps and managers type them in Slack, each with every field it must produce
 * against the real catalog (or the refusal it must give). First run, before any fix: recorded in
 * fresh-phrasings.test.ts.
 */
import { businessHoursPeakToAverage } from '../../src/engine/traffic/business-hours.ts';
import type { ExpectedProblem } from './held-out-check.ts';

export type Expected = Record<string, unknown> | ExpectedProblem;
export type Row = readonly [text: string, expected: Expected];
/** A follow-up on PREVIOUS: the fields it must change to (undefined: cleared). */
export type FollowUpRow = readonly [text: string, changed: Record<string, unknown>];

const L70 = 'llama-3.3-70b';
const OSS = 'gpt-oss-120b';
const Q235 = 'qwen3-235b-a22b';
const R1 = 'deepseek-r1';

/** A business-hours window (hours UTC) and the load it implies: `level` is the in-window rate when said per second. */
export function window(startHourUtc: number, endHourUtc: number, offHoursFraction: number, level?: number): Record<string, unknown> {
  const businessHours = { startHourUtc, endHourUtc, weekdaysOnly: true, offHoursFraction };
  const peak = businessHoursPeakToAverage(businessHours);
  return { shape: 'business-hours', businessHours, peakToAverage: peak, ...(level !== undefined ? { requestsPerSecond: level / peak } : {}) };
}

const refused = (field: string, ...names: string[]): ExpectedProblem => ({ problem: { field, names } });

export const FRESH_A: readonly Row[] = [
  // shorthand for lengths
  ['llama 70b fp8 1k/1k 20 rps', { model: L70, precision: 'fp8', inputTokens: 1000, outputTokens: 1000, requestsPerSecond: 20 }],
  ['gpt-oss-120b, in 4096 out 512, 12 qps', { model: OSS, inputTokens: 4096, outputTokens: 512, requestsPerSecond: 12 }],
  ['qwen3 235b 2k/2k @ 6rps', { model: Q235, inputTokens: 2000, outputTokens: 2000, requestsPerSecond: 6 }],
  ['deepseek r1 8k in 2k out 2 rps', { model: R1, inputTokens: 8000, outputTokens: 2000, requestsPerSecond: 2 }],
  ['llama 3.1 8b 512 in / 128 out, 150 rps', { model: 'llama-3.1-8b', inputTokens: 512, outputTokens: 128, requestsPerSecond: 150 }],
  ['gpt-oss-20b: ISL 1024 / OSL 1024, 40 req/s', { model: 'gpt-oss-20b', inputTokens: 1024, outputTokens: 1024, requestsPerSecond: 40 }],
  ['kimi k2 with 32k ctx, 2k out, 1.5 rps', { model: 'kimi-k2', inputTokens: 30000, outputTokens: 2000, requestsPerSecond: 1.5 }],
  ['llama 70b, 2\u2009048 input tokens / 256 output, 25 rps', { model: L70, inputTokens: 2048, outputTokens: 256, requestsPerSecond: 25 }],
  ['qwen3-32b 1\u00a0000/500 tokens at 10 rps', { model: 'qwen3-32b', inputTokens: 1000, outputTokens: 500, requestsPerSecond: 10 }],
  ['mixtral 8x7b 3 000 in 1 000 out, 4 rps', { model: 'mixtral-8x7b', inputTokens: 3000, outputTokens: 1000, requestsPerSecond: 4 }],
  ['gpt-oss-120b, 1.2k prompt / 300 completion, 18 rps', { model: OSS, inputTokens: 1200, outputTokens: 300, requestsPerSecond: 18 }],
  ['llama 70b `4k/512` 9 rps', { model: L70, inputTokens: 4000, outputTokens: 512, requestsPerSecond: 9 }],
  ['`llama-3.3-70b` at 14 rps, 2k in, 400 out', { model: L70, inputTokens: 2000, outputTokens: 400, requestsPerSecond: 14 }],
  ['deepseek-v3 ~1.5k/800, 5 rps', { model: 'deepseek-v3', inputTokens: 1500, outputTokens: 800, requestsPerSecond: 5 }],
  ['llama 405b, 6k/1k, 2 rps, bf16', { model: 'llama-3.1-405b', inputTokens: 6000, outputTokens: 1000, requestsPerSecond: 2, precision: 'bf16' }],
  ['qwen3 30b a3b 1k/1k 60 rps', { model: 'qwen3-30b-a3b', inputTokens: 1000, outputTokens: 1000, requestsPerSecond: 60 }],
  ['llama 4 maverick 2k in 1k out 10 rps', { model: 'llama-4-maverick', inputTokens: 2000, outputTokens: 1000, requestsPerSecond: 10 }],
  ['gpt oss 120b | 1k in | 1k out | 20 rps', { model: OSS, inputTokens: 1000, outputTokens: 1000, requestsPerSecond: 20 }],
  ['llama 8b, input=800 output=200 rps=90', { model: 'llama-3.1-8b', inputTokens: 800, outputTokens: 200, requestsPerSecond: 90 }],
  ['nemotron super 49b 2k/500 8 rps', { model: 'nemotron-super-49b', inputTokens: 2000, outputTokens: 500, requestsPerSecond: 8 }],
  ['qwen 3 32b, 1k/1k, 10 rps', { model: 'qwen3-32b', inputTokens: 1000, outputTokens: 1000, requestsPerSecond: 10 }],
  ['mistral 7b 50 rps 1k/256', { model: 'mistral-7b', inputTokens: 1000, outputTokens: 256, requestsPerSecond: 50 }],
  ['glm-5 4 rps 2k/1k', { model: 'glm-5', inputTokens: 2000, outputTokens: 1000, requestsPerSecond: 4 }],
  ['minimax m2.5, 10 rps, 1k in 1k out', { model: 'minimax-m2.5', inputTokens: 1000, outputTokens: 1000, requestsPerSecond: 10 }],
  ['llama 70b fp8 on h100, 2k/256, 16 rps', { model: L70, precision: 'fp8', platforms: ['h100-sxm'], inputTokens: 2000, outputTokens: 256, requestsPerSecond: 16 }],
  // load in every unit
  ['gpt-oss-120b 3M requests/day 1k/1k', { model: OSS, requestsPerSecond: 3e6 / 86400, inputTokens: 1000, outputTokens: 1000 }],
  ['llama 70b 250k req/hr, 1k/200', { model: L70, requestsPerSecond: 250000 / 3600, inputTokens: 1000, outputTokens: 200 }],
  ['qwen3-32b 20-30 rps 2k/500', { model: 'qwen3-32b', requestsPerSecond: 25, inputTokens: 2000, outputTokens: 500 }],
  ['llama 70b 1,800 rpm, 1k/1k', { model: L70, requestsPerSecond: 30, inputTokens: 1000, outputTokens: 1000 }],
  ['deepseek r1 200 concurrent users, 50 tok/s each, 2k/1k', { model: R1, concurrentUsers: 200, tokensPerSecondPerUser: 50, inputTokens: 2000, outputTokens: 1000 }],
  ['gpt-oss-20b 1000 concurrent users at 30 tok/s, 1k in 500 out', { model: 'gpt-oss-20b', concurrentUsers: 1000, tokensPerSecondPerUser: 30, inputTokens: 1000, outputTokens: 500 }],
  ['llama 70b, 10B tokens/day, 2k/500', { model: L70, requestsPerSecond: 1e10 / 86400 / 2500, inputTokens: 2000, outputTokens: 500 }],
  ['gpt-oss-120b 50M output tokens a day, 1k in 2k out', { model: OSS, requestsPerSecond: 5e7 / 86400 / 2000, inputTokens: 1000, outputTokens: 2000 }],
  ['llama 8b 40\u201360 qps, 300/100', { model: 'llama-3.1-8b', requestsPerSecond: 50, inputTokens: 300, outputTokens: 100 }],
  ['kimi k2 roughly 2 rps, 4k/1k', { model: 'kimi-k2', requestsPerSecond: 2, inputTokens: 4000, outputTokens: 1000 }],
  ['llama 70b 15k requests per hour 2k/400', { model: L70, requestsPerSecond: 15000 / 3600, inputTokens: 2000, outputTokens: 400 }],
  ['qwen3 235b 100 million requests per month, 1k/500', { model: Q235, requestsPerSecond: 1e8 / (30 * 86400), inputTokens: 1000, outputTokens: 500 }],
  ['gpt-oss-120b 500 qps at peak, 100 qps average, 1k/1k', { model: OSS, requestsPerSecond: 100, peakToAverage: 5, inputTokens: 1000, outputTokens: 1000 }],
  ['llama 70b 8 rps avg, 40 rps peak', { model: L70, requestsPerSecond: 8, peakToAverage: 5 }],
  ['gpt-oss-20b 2 000 000 requests a day, 500/250', { model: 'gpt-oss-20b', requestsPerSecond: 2e6 / 86400, inputTokens: 500, outputTokens: 250 }],
  ['deepseek-r1 2k/2k 1e3 rps', { model: R1, requestsPerSecond: 1000, inputTokens: 2000, outputTokens: 2000 }],
  // load shapes
  ['llama 70b 30 rps, spike 10x for 2 hours, 1k/1k', { model: L70, requestsPerSecond: 30, shape: 'spike', peakToAverage: 10, spikeDurationMinutes: 120, inputTokens: 1000, outputTokens: 1000 }],
  ['gpt-oss-120b 20 rps business hours only, 2k/400', { model: OSS, ...window(9, 17, 0, 20), inputTokens: 2000, outputTokens: 400 }],
  ['llama 70b 12 rps weekdays 9-5 PT, 1k/300', { model: L70, ...window(17, 1, 0.1, 12), weekendFraction: 0, inputTokens: 1000, outputTokens: 300 }],
  ['qwen3-32b 10 rps peaks 3x at 2pm ET', { model: 'qwen3-32b', requestsPerSecond: 10, peakToAverage: 3, peakHourUtc: 19 }],
  ['llama 70b 25 rps flat 24/7, 1k/1k', { model: L70, requestsPerSecond: 25, shape: 'flat', inputTokens: 1000, outputTokens: 1000 }],
  ['deepseek r1 5 rps, a 3 hour launch spike at 8x', { model: R1, requestsPerSecond: 5, shape: 'spike', peakToAverage: 8, spikeDurationMinutes: 180 }],
  ['llama 70b 10 rps, bursty: 5x bursts lasting 20 min', { model: L70, requestsPerSecond: 10, shape: 'spike', peakToAverage: 5, spikeDurationMinutes: 20 }],
  ['llama 8b 100 rps, weekends at 40%', { model: 'llama-3.1-8b', requestsPerSecond: 100, shape: 'weekly', weekendFraction: 0.4 }],
  ['gpt-oss-20b, 30 rps, no weekend traffic', { model: 'gpt-oss-20b', requestsPerSecond: 30, shape: 'weekly', weekendFraction: 0 }],
  ['llama 70b 50 rps during office hours CET only', { model: L70, ...window(8, 16, 0, 50) }],
  ['gpt-oss-120b 20 rps peak-to-average 2.5', { model: OSS, requestsPerSecond: 20, peakToAverage: 2.5 }],
  ['qwen3 235b, 8 rps, diurnal with a 3x peak', { model: Q235, requestsPerSecond: 8, shape: 'diurnal', peakToAverage: 3 }],
  ['llama 70b 30 rps over a week, 2k/500', { model: L70, requestsPerSecond: 30, horizon: 'week', inputTokens: 2000, outputTokens: 500 }],
  ['llama 70b 20 rps, peak 4x around noon UTC', { model: L70, requestsPerSecond: 20, peakToAverage: 4, peakHourUtc: 12 }],
  // latency
  ['llama 70b 20 rps, p99 ttft < 800ms, 1k/1k', { model: L70, requestsPerSecond: 20, ttftMs: 800, ttftPercentile: 99, inputTokens: 1000, outputTokens: 1000 }],
  ['gpt-oss-120b 1k/1k 30 rps, ttft p95 under 500 ms and tpot under 20ms', { model: OSS, inputTokens: 1000, outputTokens: 1000, requestsPerSecond: 30, ttftMs: 500, ttftPercentile: 95, tpotMs: 20 }],
  ['deepseek r1 2 rps, at least 20 tok/s per user, ttft 3s', { model: R1, requestsPerSecond: 2, tokensPerSecondPerUser: 20, ttftMs: 3000 }],
  ['llama 8b 200 rps, 100 tokens/sec/user', { model: 'llama-3.1-8b', requestsPerSecond: 200, tokensPerSecondPerUser: 100 }],
  ['qwen3-32b 5 rps, TTFT <1s p90, ITL <= 30ms', { model: 'qwen3-32b', requestsPerSecond: 5, ttftMs: 1000, ttftPercentile: 90, tpotMs: 30 }],
  ['gpt-oss-20b 60 rps, sub-second TTFT', { model: 'gpt-oss-20b', requestsPerSecond: 60, ttftMs: 1000 }],
  ['llama 70b 15 rps, inter-token latency 25ms, 2k/256', { model: L70, requestsPerSecond: 15, tpotMs: 25, inputTokens: 2000, outputTokens: 256 }],
  ['kimi k2 1 rps, offline batch, no latency target', { model: 'kimi-k2', requestsPerSecond: 1 }],
  ['gpt-oss-120b 10 rps, 95th percentile TTFT of 1.2 s', { model: OSS, requestsPerSecond: 10, ttftMs: 1200, ttftPercentile: 95 }],
  ['llama 70b 12 rps, 50 tok/s each, p95 ttft 700ms', { model: L70, requestsPerSecond: 12, tokensPerSecondPerUser: 50, ttftMs: 700, ttftPercentile: 95 }],
  // platforms, vendors, money
  ['llama 70b 30 rps only AMD', { model: L70, requestsPerSecond: 30, vendors: ['amd'] }],
  ['gpt-oss-120b 20 rps, h100 vs h200 vs b200', { model: OSS, requestsPerSecond: 20, platforms: ['h100-sxm', 'h200', 'b200'] }],
  ['llama 70b 10 rps on-prem at $0.08/kWh', { model: L70, requestsPerSecond: 10, pricing: 'owned', dollarsPerKwh: 0.08 }],
  ['deepseek r1 4 rps, 3-year reserved on b200', { model: R1, requestsPerSecond: 4, pricing: 'rented', tier: 'reserved-3y', platforms: ['b200'] }],
  ['qwen3-32b 12 rps, mi300x at $1.85/hr', { model: 'qwen3-32b', requestsPerSecond: 12, dollarsPerGpuHour: { mi300x: 1.85 } }],
  ['llama 70b 20 rps, no TPUs or Gaudi', { model: L70, requestsPerSecond: 20, excludeVendors: ['google'], excludePlatforms: ['gaudi3'] }],
  ['gpt-oss-120b 25 rps spot instances only, 1k/1k', { model: OSS, requestsPerSecond: 25, pricing: 'rented', tier: 'spot', inputTokens: 1000, outputTokens: 1000 }],
  ['llama 70b 15 rps, we buy the GPUs, amortize over 4 years, power 12 cents/kWh', { model: L70, requestsPerSecond: 15, pricing: 'owned', amortizationYears: 4, dollarsPerKwh: 0.12 }],
  ['gpt-oss-120b 40 rps nvidia only, fp4', { model: OSS, requestsPerSecond: 40, vendors: ['nvidia'], precision: 'fp4' }],
  ['llama 70b 30 rps, GB200 NVL72 vs MI355X', { model: L70, requestsPerSecond: 30, platforms: ['gb200', 'mi355x'] }],
  ['qwen3-32b 18 rps 2k/300 on L40S', { model: 'qwen3-32b', requestsPerSecond: 18, inputTokens: 2000, outputTokens: 300, platforms: ['l40s'] }],
  ['llama 70b 1k/1k, 30rps, peak 4x, only h100 and h200, reserved 1 year', { model: L70, inputTokens: 1000, outputTokens: 1000, requestsPerSecond: 30, peakToAverage: 4, platforms: ['h100-sxm', 'h200'], pricing: 'rented', tier: 'reserved-1y' }],
  // managers and FinOps in sentences
  ['Hey, what would it cost to serve llama 70b to ~5k employees, each doing maybe 20 requests a day? Prompts are around 1.5k tokens, answers 300.',
    { model: L70, requestsPerSecond: 5000 * 20 / 86400, inputTokens: 1500, outputTokens: 300 }],
  ['FinOps q: gpt-oss-120b, 1.5B tokens per month, 1k in / 500 out, cheapest platform?', { model: OSS, requestsPerSecond: 1.5e9 / (30 * 86400) / 1500, inputTokens: 1000, outputTokens: 500 }],
  ['Can we run deepseek r1 at 10 rps with p95 TTFT 2s on MI355X? 4k/1k', { model: R1, requestsPerSecond: 10, ttftMs: 2000, ttftPercentile: 95, platforms: ['mi355x'], inputTokens: 4000, outputTokens: 1000 }],
  ['Rough numbers for qwen3 235b: 12 rps, 3k in, 700 out, peaks 2x', { model: Q235, requestsPerSecond: 12, inputTokens: 3000, outputTokens: 700, peakToAverage: 2 }],
  ["we're at 2.5M chats/day on llama 8b (600 in/150 out), what's the cheapest way to serve it?", { model: 'llama-3.1-8b', requestsPerSecond: 2.5e6 / 86400, inputTokens: 600, outputTokens: 150 }],
  ['our support bot: llama 70b, 300 concurrent chats, 1k/400, 30 tok/s each', { model: L70, concurrentUsers: 300, inputTokens: 1000, outputTokens: 400, tokensPerSecondPerUser: 30 }],
  ['Quick sizing: gpt-oss-20b, 1k/1k, 75 rps, p90 ttft 400ms', { model: 'gpt-oss-20b', inputTokens: 1000, outputTokens: 1000, requestsPerSecond: 75, ttftMs: 400, ttftPercentile: 90 }],
  ['For deepseek-v3.2 at 3 rps with 16k in 1k out, which is cheaper, B200 or MI355X?', { model: 'deepseek-v3.2', requestsPerSecond: 3, inputTokens: 16000, outputTokens: 1000, platforms: ['b200', 'mi355x'] }],
  ['need a number for mgmt: llama 3.3 70b, 40 rps, 2k in/300 out, p95 TTFT under a second', { model: L70, requestsPerSecond: 40, inputTokens: 2000, outputTokens: 300, ttftMs: 1000, ttftPercentile: 95 }],
  // typos, unknown names, absurd numbers: refused with a useful message
  ['gtp-oss-120b 2k/256 15 rps', refused('model', 'gpt-oss-120b')],
  ['gpt-5 at 20 rps, 1k/1k', refused('model', 'gpt-5')],
  ['lama 3.3 70b 10 rps', refused('model', 'llama-3.3-70b')],
  ['llama 70b 10 rps 1e30x peak', refused('peakToAverage', '1e30')],
  // First run expected a refusal; the parser read "r1" as deepseek-r1, which is what was meant: counted a miss then, right now.
  ['deepsek r1 5 rps', { model: R1, requestsPerSecond: 5 }],
];

/** Follow-ups, each applied to PREVIOUS. */
export const PREVIOUS = 'llama 70b, 2k in / 500 out, 30 rps, peaks 4x, p95 TTFT under 1s';
export const FRESH_A_FOLLOW_UPS: readonly FollowUpRow[] = [
  ['what if peak is 10x?', { peakToAverage: 10 }],
  ['what about 3x the traffic?', { requestsPerSecond: 90 }],
  ['try it on AMD only', { vendors: ['amd'] }],
  ['on-prem at 8 cents/kWh', { pricing: 'owned', dollarsPerKwh: 0.08 }],
  ['drop the TTFT target', { ttftMs: undefined, ttftPercentile: undefined }],
  ['make it 8k in', { inputTokens: 8000 }],
  ['and with qwen3 32b instead?', { model: 'qwen3-32b' }],
  ['bump it to 50 rps', { requestsPerSecond: 50 }],
  ['fp8 please', { precision: 'fp8' }],
  ['exclude nvidia', { excludeVendors: ['nvidia'] }],
  ['what if it spikes 6x for 30 minutes?', { peakToAverage: 6, shape: 'spike', spikeDurationMinutes: 30 }],
  ['what about p99?', { ttftPercentile: 99 }],
];

/**
 * Batch B: written after every parser change of this round and measured once, before any change it could
 * prompt: the honest held-out figure (recorded in fresh-phrasings.test.ts).
 */
export const FRESH_B: readonly Row[] = [
  ['gpt-oss-120b | 2k/512 | 45 rps | p95 ttft 1.5s', { model: OSS, inputTokens: 2000, outputTokens: 512, requestsPerSecond: 45, ttftMs: 1500, ttftPercentile: 95 }],
  ['llama-3.1-70b: 6k in, 300 out, 11 rps, fp8', { model: 'llama-3.1-70b', inputTokens: 6000, outputTokens: 300, requestsPerSecond: 11, precision: 'fp8' }],
  ['qwen3 32b 4 rps, 3k/3k, only on h200', { model: 'qwen3-32b', requestsPerSecond: 4, inputTokens: 3000, outputTokens: 3000, platforms: ['h200'] }],
  ['deepseek v3 at 1.2M requests/day, 1k in 600 out', { model: 'deepseek-v3', requestsPerSecond: 1.2e6 / 86400, inputTokens: 1000, outputTokens: 600 }],
  ['llama 8b 2,400 rpm 200/50', { model: 'llama-3.1-8b', requestsPerSecond: 40, inputTokens: 200, outputTokens: 50 }],
  ['gpt-oss-20b 64 concurrent users, 1k/1k, 40 tok/s each', { model: 'gpt-oss-20b', concurrentUsers: 64, inputTokens: 1000, outputTokens: 1000, tokensPerSecondPerUser: 40 }],
  ['kimi k2 thinking, 2k in 8k out, 0.5 rps', { model: 'kimi-k2-thinking', inputTokens: 2000, outputTokens: 8000, requestsPerSecond: 0.5 }],
  ['llama 70b 35-45 rps, 1k/256, peaks 2x', { model: L70, requestsPerSecond: 40, inputTokens: 1000, outputTokens: 256, peakToAverage: 2 }],
  ['gpt-oss-120b 20 rps, traffic spikes 8x for 45 minutes', { model: OSS, requestsPerSecond: 20, shape: 'spike', peakToAverage: 8, spikeDurationMinutes: 45 }],
  ['qwen3 235b 6 rps, weekdays 8am-6pm ET only', { model: Q235, ...window(13, 23, 0, 6), weekendFraction: 0 }],
  ['llama 70b 16 rps, ttft under 600ms p99', { model: L70, requestsPerSecond: 16, ttftMs: 600, ttftPercentile: 99 }],
  ['gpt-oss-120b, 2k/400, 30 rps, on mi325x or mi355x', { model: OSS, inputTokens: 2000, outputTokens: 400, requestsPerSecond: 30, platforms: ['mi325x', 'mi355x'] }],
  ['llama 70b 10 rps, electricity $0.11/kWh, we own the boxes', { model: L70, requestsPerSecond: 10, dollarsPerKwh: 0.11, pricing: 'owned' }],
  ['deepseek r1 fp4 on b200, 1k/4k, 6 rps', { model: R1, precision: 'fp4', platforms: ['b200'], inputTokens: 1000, outputTokens: 4000, requestsPerSecond: 6 }],
  ['mixtral 8x7b, 7 rps, in 1500 out 300', { model: 'mixtral-8x7b', requestsPerSecond: 7, inputTokens: 1500, outputTokens: 300 }],
  ['llama 3.3 70b 1\u202f000 in / 1\u202f000 out @ 25 req/s', { model: L70, inputTokens: 1000, outputTokens: 1000, requestsPerSecond: 25 }],
  ['`qwen3-30b-a3b` 100 rps 512/512', { model: 'qwen3-30b-a3b', requestsPerSecond: 100, inputTokens: 512, outputTokens: 512 }],
  ['gpt-oss-120b 90k requests per hour, 1.5k in, 500 out, no AMD', { model: OSS, requestsPerSecond: 25, inputTokens: 1500, outputTokens: 500, excludeVendors: ['amd'] }],
  ['llama 405b fp8 2 rps 4k/1k, tpot 40ms', { model: 'llama-3.1-405b', precision: 'fp8', requestsPerSecond: 2, inputTokens: 4000, outputTokens: 1000, tpotMs: 40 }],
  ['llama 70b 2 billion tokens per day, 1.5k in 500 out', { model: L70, requestsPerSecond: 2e9 / 86400 / 2000, inputTokens: 1500, outputTokens: 500 }],
  ['glm 5 3 rps, 8k/1k', { model: 'glm-5', requestsPerSecond: 3, inputTokens: 8000, outputTokens: 1000 }],
  ['gpt-oss-120b 40 rps, spot, 1k/1k', { model: OSS, requestsPerSecond: 40, pricing: 'rented', tier: 'spot', inputTokens: 1000, outputTokens: 1000 }],
  ['llama 8b, 10k employees, 5 requests per day each, 800/200', { model: 'llama-3.1-8b', requestsPerSecond: 10000 * 5 / 86400, inputTokens: 800, outputTokens: 200 }],
  ['qwen3-32b 20 rps, h100 at $2.10/hr and h200 at $2.90/hr', { model: 'qwen3-32b', requestsPerSecond: 20, dollarsPerGpuHour: { 'h100-sxm': 2.1, h200: 2.9 } }],
  ['deepseek r1 1 rps, 16k ctx, 4k out', { model: R1, requestsPerSecond: 1, inputTokens: 12000, outputTokens: 4000 }],
  ['llama 70b, 30 rps constant load, 1k/1k', { model: L70, requestsPerSecond: 30, shape: 'flat', inputTokens: 1000, outputTokens: 1000 }],
  ['gpt-oss-20b 500 rps peak, 150 rps average, 256/128', { model: 'gpt-oss-20b', requestsPerSecond: 150, peakToAverage: 500 / 150, inputTokens: 256, outputTokens: 128 }],
  ['llama 70b 8 rps, peak 3x at 9am PT', { model: L70, requestsPerSecond: 8, peakToAverage: 3, peakHourUtc: 17 }],
  ['can llama 3.1 8b do 300 rps with 100 tok/s per user on L40S?', { model: 'llama-3.1-8b', requestsPerSecond: 300, tokensPerSecondPerUser: 100, platforms: ['l40s'] }],
  ['gpt-oss-120b at 3 500 rpm, 1k/300', { model: OSS, requestsPerSecond: 3500 / 60, inputTokens: 1000, outputTokens: 300 }],
  ['qwen3 coder 480b 2 rps 10k in 2k out', { model: 'qwen3-coder-480b-a35b', requestsPerSecond: 2, inputTokens: 10000, outputTokens: 2000 }],
  ['llama 70b 12 rps, 2k/500, 1-year reserved, TPUs excluded', { model: L70, requestsPerSecond: 12, inputTokens: 2000, outputTokens: 500, pricing: 'rented', tier: 'reserved-1y', excludeVendors: ['google'] }],
  ['deepseek-v3.2 2 rps 32k/1k', { model: 'deepseek-v3.2', requestsPerSecond: 2, inputTokens: 32000, outputTokens: 1000 }],
  ['gpt-oss-120b 25 rps, weekends at half', { model: OSS, requestsPerSecond: 25, shape: 'weekly', weekendFraction: 0.5 }],
  ['llama 70b 5 rps over the week, business hours 9-6 CET', { model: L70, ...window(8, 17, 0.1, 5), horizon: 'week' }],
  ['lamma 3 70b 10 rps', refused('model', 'llama')],
  ['claude sonnet 20 rps 1k/1k', refused('model', 'claude')],
  ['llama 70b 10 rps 1e9 tokens output', refused('outputTokens', '1e9')],
];
export const FRESH_B_FOLLOW_UPS: readonly FollowUpRow[] = [
  ['what about 12k in?', { inputTokens: 12000 }],
  ['switch to mi355x', { platforms: ['mi355x'] }],
  ['halve the traffic', { requestsPerSecond: 15 }],
  ['make the ttft 2s', { ttftMs: 2000 }],
];
