/**
 * Resampling a user's load series (any step) to 1-minute steps without rescaling it.
 */

/**
 * 1-minute values from samples `stepMinutes` apart. Coarser steps (> 1 min): each sample holds for its whole
 * step (the minute whose middle falls in it), so the mean and the peak stay exactly the series' own when the
 * step is a whole number of minutes; interpolating would shave peaks that size the fleet.
 * Finer steps (< 1 min): the mean of the samples that start within each minute.
 */
export function resampleToMinutes(values: readonly number[], stepMinutes: number): Float64Array {
  if (values.length === 0) throw new RangeError('a load series needs at least one value');
  if (!(stepMinutes > 0) || !Number.isFinite(stepMinutes)) throw new RangeError(`stepMinutes must be > 0, got ${stepMinutes}`);
  for (const value of values) {
    if (!(value >= 0) || !Number.isFinite(value)) throw new RangeError(`load values must be finite and >= 0, got ${value}`);
  }
  const minutes = Math.max(1, Math.round(values.length * stepMinutes));
  return stepMinutes < 1 ? averageIntoMinutes(values, stepMinutes, minutes) : holdEachStep(values, stepMinutes, minutes);
}

function holdEachStep(values: readonly number[], stepMinutes: number, minutes: number): Float64Array {
  const out = new Float64Array(minutes);
  for (let m = 0; m < minutes; m++) out[m] = values[Math.min(values.length - 1, Math.floor((m + 0.5) / stepMinutes))]!;
  return out;
}

function averageIntoMinutes(values: readonly number[], stepMinutes: number, minutes: number): Float64Array {
  const sums = new Float64Array(minutes);
  const counts = new Float64Array(minutes);
  for (let i = 0; i < values.length; i++) {
    const minute = Math.min(minutes - 1, Math.floor(i * stepMinutes + 1e-9));
    sums[minute]! += values[i]!;
    counts[minute]! += 1;
  }
  // A minute with no sample start (only possible through rounding) takes its left neighbour's value.
  for (let m = 0; m < minutes; m++) sums[m] = counts[m]! > 0 ? sums[m]! / counts[m]! : m > 0 ? sums[m - 1]! : 0;
  return sums;
}
