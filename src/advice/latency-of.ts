/**
 * The latency targets of a workload: what was said, else the interactive default (by prompt length)
 * unless the workload is batch/offline. The default is the first assumption listed: it decides the
 * fleet more than any other.
 */
import type { LatencyTargets } from '../engine/advice-types.ts';
import type { AssumptionList } from './assumption-list.ts';
import { DEFAULT_REASONS, INTERACTIVE_DEFAULT_SOURCE, interactiveLatencyDefault, WORKLOAD_DEFAULTS } from './defaults.ts';
import type { DraftFields } from './workload-draft.ts';
import { enUsNumber } from '../engine/number-text.ts';

export interface LatencyOf {
  readonly targets: LatencyTargets;
  /** TPOT the targets imply (ms), for Little's law over concurrent users. */
  readonly tpotMs?: number;
}

export function latencyOf(f: DraftFields, inputTokens: number, assumptions: AssumptionList): LatencyOf {
  const statedTpot = f.tpotMs ?? (f.tokensPerSecondPerUser !== undefined && f.tokensPerSecondPerUser > 0 ? 1000 / f.tokensPerSecondPerUser : undefined);
  let ttftMs = f.ttftMs;
  let ttftPercentile = f.ttftPercentile;
  let tpotMs = statedTpot;
  if (f.latencyClass !== 'batch') {
    const d = interactiveLatencyDefault(inputTokens);
    const why = `${f.latencyClass === 'interactive' ? '"interactive"' : 'no latency target stated'}; chat-style default for ${enUsNumber(inputTokens)}-token prompts (say "batch" or "offline" for none)`;
    if (ttftMs === undefined) {
      ttftMs = d.ttftMs;
      ttftPercentile ??= d.ttftPercentile;
      assumptions.leading('latency', `p${ttftPercentile} TTFT under ${d.ttftMs} ms`, why, INTERACTIVE_DEFAULT_SOURCE);
    }
    if (tpotMs === undefined) {
      tpotMs = 1000 / d.tokensPerSecondPerUser;
      assumptions.leading('tokensPerSecondPerUser', `${d.tokensPerSecondPerUser} tok/s per user (TPOT ${tpotMs} ms)`, why, INTERACTIVE_DEFAULT_SOURCE);
    }
  }
  if (ttftMs !== undefined && ttftPercentile === undefined) {
    ttftPercentile = WORKLOAD_DEFAULTS.ttftPercentile;
    assumptions.default('ttftPercentile', ttftPercentile, DEFAULT_REASONS.ttftPercentile);
  }
  return {
    targets: {
      ...(ttftMs !== undefined ? { ttftMs } : {}),
      ...(ttftPercentile !== undefined && ttftMs !== undefined ? { ttftPercentile } : {}),
      ...(tpotMs !== undefined ? { tpotMs } : {}),
    },
    ...(tpotMs !== undefined ? { tpotMs } : {}),
  };
}
