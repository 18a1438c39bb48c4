/**
 * Whether a load series is one stretch repeated: a week of seven identical days (a diurnal shape, or a
 * user's day tiled over the week). The fleet simulation is deterministic, so once its state at a period
 * boundary equals the state one period earlier, the rest of the horizon repeats that period exactly and
 * need not be stepped through minute by minute (the CLI's cold start is mostly this simulation).
 */

/** How many times the tried period fits the series: a week's series tried for one day. */
const REPEATS_TRIED = 7;

const periods = new WeakMap<ArrayLike<number>, number | null>();

/** The period in steps if the series is REPEATS_TRIED exact copies of its first stretch, otherwise null. */
export function repeatPeriodOf(series: ArrayLike<number>): number | null {
  const known = periods.get(series);
  if (known !== undefined) return known;
  const period = exactPeriod(series);
  periods.set(series, period);
  return period;
}

/**
 * Records that `derived` repeats as `source` does, `stepsPerSourceStep` source steps to one derived step
 * (a scaled copy: 1; buckets of 10 minutes: 10), where that is known without checking every value.
 */
export function inheritRepeatPeriod(source: ArrayLike<number>, derived: ArrayLike<number>, stepsPerSourceStep = 1): void {
  const period = repeatPeriodOf(source);
  const aligned = period !== null && period % stepsPerSourceStep === 0 && source.length % stepsPerSourceStep === 0;
  periods.set(derived, aligned ? period / stepsPerSourceStep : null);
}

function exactPeriod(series: ArrayLike<number>): number | null {
  const length = series.length;
  if (length < REPEATS_TRIED || length % REPEATS_TRIED !== 0) return null;
  const period = length / REPEATS_TRIED;
  for (let m = period; m < length; m++) if (series[m] !== series[m - period]) return null;
  return period;
}
