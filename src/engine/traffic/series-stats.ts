/**
 * Summary statistics over a load series (requests/s per step). Pure; accepts any array-like of numbers.
 */

/** Largest value; 0 for an empty series. */
export function peakOf(series: ArrayLike<number>): number {
  let peak = series.length > 0 ? -Infinity : 0;
  for (let i = 0; i < series.length; i++) if (series[i]! > peak) peak = series[i]!;
  return peak;
}

/** Arithmetic mean; 0 for an empty series. */
export function meanOf(series: ArrayLike<number>): number {
  if (series.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < series.length; i++) sum += series[i]!;
  return sum / series.length;
}

/**
 * The q-quantile (0..1) with linear interpolation between order statistics (Hyndman-Fan type 7,
 * the default of R and NumPy). 0 for an empty series.
 */
export function quantileOf(series: ArrayLike<number>, q: number): number {
  if (series.length === 0) return 0;
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile must be within 0..1, got ${q}`);
  const sorted = Float64Array.from(series).sort();
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const weight = position - below;
  return sorted[below]! * (1 - weight) + sorted[above]! * weight;
}
