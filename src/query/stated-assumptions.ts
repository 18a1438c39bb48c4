/**
 * What the question did not say, as the engine's assumptions: each default the parser or the request
 * mapping filled in, named with its value and why, sourced as a tokcost default (not a measurement).
 */
import type { Assumption as EngineAssumption } from '../engine/advice-types.ts';
import type { Assumption } from './schema.ts';

import { fieldLabel, showValue } from '../advice/field-labels.ts';

export { fieldLabel, showValue };

/** The parser's and the request mapping's assumptions, for a report's assumption list (`asOf`: today). */
export function statedAssumptions(assumptions: readonly Assumption[], asOf: string): EngineAssumption[] {
  return assumptions.map((a) => ({
    name: fieldLabel(a.field),
    value: `${showValue(a.value)} (${a.reason})`,
    source: { title: 'Not stated in the question; tokcost default', asOf, basis: 'estimate' },
  }));
}
