/**
 * What the question did not say, as the engine's assumptions: each default the parser or the request
 * mapping filled in, named with its value and why, sourced as a tokcost default (not a measurement).
 */
import type { Assumption as EngineAssumption } from '../engine/advice-types.ts';
import type { Assumption } from './schema.ts';

const FIELD_LABELS: Record<string, string> = {
  model: 'model', precision: 'precision', inputTokens: 'input tokens', outputTokens: 'output tokens',
  requestsPerSecond: 'requests/s', concurrentUsers: 'concurrent users', peakToAverage: 'peak-to-average',
  shape: 'load shape', peakHourUtc: 'peak hour (UTC)', ttftMs: 'TTFT target (ms)', ttftPercentile: 'TTFT percentile',
  tpotMs: 'TPOT target (ms)', tokensPerSecondPerUser: 'tokens/s per user', platforms: 'platforms', vendors: 'vendors',
  excludePlatforms: 'excluded platforms', excludeVendors: 'excluded vendors', pricing: 'pricing', tier: 'price tier',
  dollarsPerKwh: '$ per kWh', powerUsageEffectiveness: 'PUE', amortizationYears: 'amortization (years)',
  dollarsPerGpuHour: '$ per GPU-hour', horizon: 'horizon',
};

export const fieldLabel = (field: string): string => FIELD_LABELS[field] ?? field;

export function showValue(value: unknown): string {
  if (value === undefined || value === null) return 'none';
  if (typeof value === 'number') return value.toLocaleString('en-US', { maximumFractionDigits: 3 });
  if (Array.isArray(value)) return value.length > 0 ? value.map(showValue).join(', ') : 'none';
  if (typeof value === 'object') return Object.entries(value).map(([k, v]) => `${k} ${showValue(v)}`).join(', ');
  return String(value);
}


/** The parser's and the request mapping's assumptions, for a report's assumption list (`asOf`: today). */
export function statedAssumptions(assumptions: readonly Assumption[], asOf: string): EngineAssumption[] {
  return assumptions.map((a) => ({
    name: fieldLabel(a.field),
    value: `${showValue(a.value)} (${a.reason})`,
    source: { title: 'Not stated in the question; tokcost default', asOf, basis: 'estimate' },
  }));
}
