/**
 * Money in the sentences the engine still words itself: the verdicts of the utilization curve, TCO,
 * crossover and batch reports. Reasons and the summary are worded outside
 * the engine, in src/report-text/ with src/format.ts's rule; this follows the same rule (two decimals from
 * $0.10, two significant digits below, trailing zeros dropped) until the verdicts move there as well.
 */
import { enUsNumber } from '../number-text.ts';
export function money(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value >= 100) return `$${enUsNumber(Math.round(value))}`;
  return value >= 0.1 ? `$${value.toFixed(2)}` : `$${Number(value.toPrecision(2))}`;
}
