/**
 * Arrival times of a homogeneous Poisson process, for queueing checks.
 * Inter-arrival gaps are exponential: gap = -ln(1 - u) / rate, u uniform in [0, 1) from the seeded
 * source passed in (inverse-CDF sampling; e.g. Ross, "Simulation", ch. 5).
 */

/** Arrival times in seconds, ascending, within [0, seconds). Empty when the rate is 0. */
export function poissonArrivals(ratePerSecond: number, seconds: number, random: () => number): number[] {
  if (!(ratePerSecond >= 0) || !Number.isFinite(ratePerSecond)) {
    throw new RangeError(`rate must be a finite number >= 0, got ${ratePerSecond}`);
  }
  if (!(seconds >= 0) || !Number.isFinite(seconds)) {
    throw new RangeError(`seconds must be a finite number >= 0, got ${seconds}`);
  }
  const arrivals: number[] = [];
  if (ratePerSecond === 0) return arrivals;
  let time = -Math.log(1 - random()) / ratePerSecond;
  while (time < seconds) {
    arrivals.push(time);
    time += -Math.log(1 - random()) / ratePerSecond;
  }
  return arrivals;
}
