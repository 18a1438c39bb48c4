/** Workload fields as people read them, and values shown in assumptions and "what changed" lines. */
import { enUsNumber } from '../engine/number-text.ts';
const FIELD_LABELS: Record<string, string> = {
  model: 'model', precision: 'precision', engine: 'serving engine', inputTokens: 'input tokens', outputTokens: 'output tokens',
  requestsPerSecond: 'requests/s', concurrentUsers: 'concurrent users', peakToAverage: 'peak-to-average',
  shape: 'load shape', peakHourUtc: 'peak hour (UTC)', weekendFraction: 'weekend load', spike: 'spike timing',
  spikeRiseMinutes: 'spike rise (minutes)', spikeDurationMinutes: 'spike duration (minutes)', series: 'load series',
  latency: 'latency target', latencyClass: 'latency class', ttftMs: 'TTFT target (ms)', ttftPercentile: 'TTFT percentile',
  tpotMs: 'TPOT target (ms)', tokensPerSecondPerUser: 'tokens/s per user', platforms: 'platforms', vendors: 'vendors',
  excludePlatforms: 'excluded platforms', excludeVendors: 'excluded vendors', pricing: 'pricing', tier: 'price tier',
  dollarsPerKwh: '$ per kWh', powerUsageEffectiveness: 'PUE', amortizationYears: 'amortization (years)',
  dollarsPerGpuHour: '$ per GPU-hour', horizon: 'horizon', prefixCacheHitFraction: 'prefix-cache hit fraction',
  lengthSpreadFraction: 'length spread', speculative: 'speculative decoding', speculativeDraftTokens: 'speculative draft tokens',
};

export const fieldLabel = (field: string): string => FIELD_LABELS[field] ?? field;

export function showValue(value: unknown): string {
  if (value === undefined || value === null) return 'none';
  if (typeof value === 'number') return enUsNumber(value, 3);
  if (Array.isArray(value)) return value.length > 0 ? value.map(showValue).join(', ') : 'none';
  if (typeof value === 'object') {
    if ('requestsPerSecond' in value && Array.isArray((value as { requestsPerSecond: unknown }).requestsPerSecond)) {
      const s = value as { requestsPerSecond: unknown[]; stepMinutes: number; label?: string };
      return `${s.label ? `${s.label}: ` : ''}${s.requestsPerSecond.length} steps of ${s.stepMinutes} min`;
    }
    return Object.entries(value).map(([k, v]) => `${k} ${showValue(v)}`).join(', ');
  }
  return String(value);
}
