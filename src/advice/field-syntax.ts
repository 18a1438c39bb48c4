/**
 * How each workload field is said through each door, so a refusal's example is one the user can paste
 * back where they typed: words ("30 rps"), a CLI flag (--requests-per-second 30) or a form field.
 */
import type { DraftField } from './workload-draft.ts';

export type Door = 'words' | 'flags' | 'form' | 'follow-up';

interface Syntax {
  readonly flag?: string;
  /** Words with {v} for the value. */
  readonly words: string;
}

const SYNTAX: Partial<Record<DraftField, Syntax>> = {
  model: { flag: '--model', words: '{v}' },
  inputTokens: { flag: '--input-tokens', words: '{v} in' },
  outputTokens: { flag: '--output-tokens', words: '{v} out' },
  requestsPerSecond: { flag: '--requests-per-second', words: '{v} rps' },
  concurrentUsers: { words: '{v} concurrent users' },
  peakToAverage: { flag: '--peak-to-average', words: 'peaks {v}x' },
  peakHourUtc: { flag: '--peak-hour', words: 'peak at {v}:00 UTC' },
  weekendFraction: { flag: '--weekend-fraction', words: 'weekends at {v} of weekdays' },
  spikeRiseMinutes: { words: 'spike rising over {v} minutes' },
  spikeDurationMinutes: { words: 'spike lasting {v} minutes' },
  ttftMs: { flag: '--ttft-ms', words: 'TTFT under {v} ms' },
  ttftPercentile: { flag: '--ttft-percentile', words: 'p{v} TTFT under 1 s' },
  tpotMs: { flag: '--tpot-ms', words: 'TPOT {v} ms' },
  tokensPerSecondPerUser: { words: '{v} tok/s per user' },
  dollarsPerKwh: { flag: '--dollars-per-kwh', words: 'owned at ${v}/kWh' },
  powerUsageEffectiveness: { flag: '--pue', words: 'PUE {v}' },
  amortizationYears: { flag: '--years', words: 'amortized over {v} years' },
  dollarsPerGpuHour: { flag: '--price', words: 'h100 at ${v}/hr' },
  prefixCacheHitFraction: { flag: '--prefix-cache-hit-rate', words: '{v} prefix cache hit rate' },
  speculative: { flag: '--speculative', words: 'speculative decoding {v}' },
  lengthSpreadFraction: { flag: '--length-spread', words: 'length spread {v}' },
  platforms: { flag: '--platforms', words: 'on {v}' },
  horizon: { flag: '--horizon', words: 'over a {v}' },
  shape: { flag: '--shape', words: '{v} load' },
  series: { flag: '--load-csv', words: '{v}' },
};

/** An example for `field` with `value`, in the door's own syntax. */
export function exampleFor(door: Door, field: DraftField | string, value: string | number): string {
  const syntax = SYNTAX[field as DraftField];
  const v = String(value);
  if (door === 'flags') {
    if (field === 'dollarsPerGpuHour') return `--price h100-sxm=${v}`;
    return syntax?.flag ? `${syntax.flag} ${v}` : v;
  }
  if (door === 'form') return v;
  return syntax ? syntax.words.replace('{v}', v) : v;
}

/** The name the door uses for a field: the flag for the CLI, else a readable label. */
export function fieldName(door: Door, field: DraftField | string, label: string): string {
  const flag = SYNTAX[field as DraftField]?.flag;
  return door === 'flags' && flag ? flag : label;
}
