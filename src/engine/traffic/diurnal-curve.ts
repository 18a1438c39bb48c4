/**
 * The shape of one day of traffic, at 1-minute steps, as a unit-mean curve.
 *
 * Family: a von Mises (circular normal) bump, `f(m) = exp(kappa * (cos(2*pi*(m - peakMinute)/1440) - 1))`,
 * normalized to mean 1. It is smooth, periodic, strictly positive, peaks at `peakMinute` with its trough
 * 12 h away, and one parameter spans the whole range: kappa = 0 is flat (peak/mean 1); as kappa grows
 * peak/mean = e^kappa / I0(kappa) ~ sqrt(2*pi*kappa) (Abramowitz & Stegun 9.7.1), so ~10 needs kappa ~16.
 * kappa is solved by bisection on the sampled curve, so peak/mean holds on the 1-minute grid itself.
 * Trough/mean for reference: 2x -> 0.33, 4x -> 0.02 (deep night lull), 1.5x -> 0.65.
 */

export const MINUTES_PER_DAY = 1440;

/**
 * Curves already solved, by peak/mean and peak hour: one answer builds the same day several times (the
 * advice, the break-even sweep's day), and each solve is ~35 passes of 1,440 exp(). Callers get a copy.
 */
const solved = new Map<string, Float64Array>();
const SOLVED_KEPT = 32;

/** Unit-mean day curve (1440 points) whose max/mean equals `peakToAverage` (>= 1). */
export function unitDayCurve(peakToAverage: number, peakHourUtc = 14): Float64Array {
  if (!(peakToAverage >= 1) || !Number.isFinite(peakToAverage)) {
    throw new RangeError(`peakToAverage must be a finite number >= 1, got ${peakToAverage}`);
  }
  if (!(peakHourUtc >= 0 && peakHourUtc < 24)) throw new RangeError(`peakHourUtc must be within 0..24, got ${peakHourUtc}`);
  const key = `${peakToAverage}/${peakHourUtc}`;
  let curve = solved.get(key);
  if (!curve) {
    curve = solvedDayCurve(peakToAverage, peakHourUtc);
    if (solved.size >= SOLVED_KEPT) solved.delete(solved.keys().next().value!);
    solved.set(key, curve);
  }
  return new Float64Array(curve);
}

function solvedDayCurve(peakToAverage: number, peakHourUtc: number): Float64Array {
  const cosines = new Float64Array(MINUTES_PER_DAY);
  const peakMinute = peakHourUtc * 60;
  for (let m = 0; m < MINUTES_PER_DAY; m++) {
    cosines[m] = Math.cos((2 * Math.PI * (m - peakMinute)) / MINUTES_PER_DAY) - 1;
  }
  const kappa = solveKappa(cosines, peakToAverage);
  const curve = new Float64Array(MINUTES_PER_DAY);
  let sum = 0;
  for (let m = 0; m < MINUTES_PER_DAY; m++) sum += curve[m] = Math.exp(kappa * cosines[m]!);
  const scale = MINUTES_PER_DAY / sum;
  for (let m = 0; m < MINUTES_PER_DAY; m++) curve[m]! *= scale;
  return curve;
}

function peakToMean(cosines: Float64Array, kappa: number): number {
  let sum = 0;
  let peak = 0;
  for (let m = 0; m < cosines.length; m++) {
    const value = Math.exp(kappa * cosines[m]!);
    sum += value;
    if (value > peak) peak = value;
  }
  return (peak * cosines.length) / sum;
}

/** Bisection on kappa; peak/mean is increasing in kappa. Relative tolerance 1e-9. */
function solveKappa(cosines: Float64Array, target: number): number {
  if (target === 1) return 0;
  let low = 0;
  let high = 16;
  while (peakToMean(cosines, high) < target && high < 1e7) high *= 4;
  for (let i = 0; i < 100 && high - low > 1e-9 * high; i++) {
    const middle = (low + high) / 2;
    if (peakToMean(cosines, middle) < target) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}
