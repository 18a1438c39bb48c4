/** `--speculative METHOD:K` and `--acceptance-rate A`: the flags door of speculative decoding (perf and advise). */
import type { SpeculativeSettings } from '../engine/catalog/types.ts';
import { parseSpeculativeSetting } from '../engine/performance/speculative-syntax.ts';
import { ACCEPTANCE_RATE_BOUND, outOfBound } from '../advice/bounds.ts';
import { positiveNumber, UsageError } from './args.ts';

/** The settings the two flags say, or a usage error naming what was wrong with an example that works. */
export function speculativeFlags(speculative: string | undefined, acceptance: string | undefined): { speculative?: SpeculativeSettings } {
  if (speculative === undefined) {
    if (acceptance !== undefined) throw new UsageError('--acceptance-rate needs --speculative (e.g. --speculative eagle3:3 --acceptance-rate 0.7)');
    return {};
  }
  const parsed = parseSpeculativeSetting(speculative);
  if (!parsed.ok) throw new UsageError(`--speculative: ${parsed.message}`);
  if (acceptance === undefined) return { speculative: parsed.settings };
  const rate = acceptanceRateFlag(acceptance);
  return { speculative: { ...parsed.settings, acceptanceRate: rate } };
}

function acceptanceRateFlag(raw: string): number {
  const value = positiveNumber('--acceptance-rate', raw);
  const bound = ACCEPTANCE_RATE_BOUND;
  const wrong = outOfBound(value, bound);
  if (wrong) throw new UsageError(`--acceptance-rate: ${wrong} (example: --acceptance-rate ${bound.example})`);
  return value;
}
