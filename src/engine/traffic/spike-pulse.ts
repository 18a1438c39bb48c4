/**
 * A launch spike: the extra load on top of the base, as a 0..1 pulse at 1-minute steps.
 * Shape (t = minutes since the spike starts): linear rise `t / riseMinutes` for t < rise; a plateau at 1
 * for the first third of `durationMinutes`; then exponential decay `exp(-(t - rise - hold) / tau)` with
 * tau = (2/9) * durationMinutes, so the pulse is down to e^-3 (~5 %) when `durationMinutes` have passed
 * since the peak. The tail is kept, so the mean accounts for it.
 */

export interface SpikeTiming {
  readonly riseMinutes: number;
  readonly durationMinutes: number;
  readonly startMinute: number;
}

/** The pulse over `horizonMinutes` points; values in 0..1. */
export function spikePulse(timing: SpikeTiming, horizonMinutes: number): Float64Array {
  const { riseMinutes, durationMinutes, startMinute } = timing;
  for (const [name, value] of Object.entries(timing)) {
    if (!(value >= 0) || !Number.isFinite(value)) throw new RangeError(`spike ${name} must be >= 0, got ${value}`);
  }
  const holdMinutes = durationMinutes / 3;
  const tauMinutes = (2 / 9) * durationMinutes;
  const pulse = new Float64Array(horizonMinutes);
  for (let m = 0; m < horizonMinutes; m++) {
    const t = m - startMinute;
    if (t < 0) continue;
    if (t < riseMinutes) pulse[m] = t / riseMinutes;
    else if (t < riseMinutes + holdMinutes || (tauMinutes === 0 && t === riseMinutes)) pulse[m] = 1;
    else if (tauMinutes > 0) pulse[m] = Math.exp(-(t - riseMinutes - holdMinutes) / tauMinutes);
  }
  return pulse;
}
