/**
 * Queueing delay ahead of the first token, as a percentile, and the utilization ceiling rho* that holds
 * a TTFT percentile target. Closed forms only: Kingman's G/G/1 mean with an exponential tail, and the
 * Erlang-C multi-server queue with the Allen-Cunneen variability factor (ca2 + cs2) / 2.
 * Every public model is optimistic above rho ~0.8 (../shared/ENGINE.md); callers say so.
 */

/** Highest utilization any policy plans for, even with no TTFT target: a queue at rho -> 1 grows without bound. */
export const MAX_UTILIZATION_CEILING_FRACTION = 0.95;

/** Utilization above which the closed forms are known to underestimate TTFT. */
export const OPTIMISTIC_ABOVE_FRACTION = 0.8;

/**
 * p-quantile of the wait in a G/G/1 queue (one server, e.g. a prefill worker): Kingman's mean
 * E[W] = s x rho/(1-rho) x (ca2+cs2)/2, with P(W > t) ~ rho x exp(-t rho / E[W]), so
 * t_p = (E[W]/rho) x ln(rho / (1-p)) when rho > 1-p, else 0. Seconds. (Kingman 1961; exponential tail as in
 * the heavy-traffic approximation.)
 */
export function singleServerWaitQuantileSeconds(serviceSeconds: number, rho: number, variability: number, percentile: number): number {
  if (rho <= 0) return 0;
  if (rho >= 1) return Number.POSITIVE_INFINITY;
  const tail = 1 - percentile / 100;
  if (rho <= tail) return 0;
  const meanWaitGivenWait = (serviceSeconds * variability) / (1 - rho);
  return meanWaitGivenWait * Math.log(rho / tail);
}

/** Erlang C: probability an arrival waits in M/M/c with offered load a = c x rho (Erlang B recursion). */
export function erlangC(servers: number, rho: number): number {
  if (rho <= 0) return 0;
  if (rho >= 1) return 1;
  const offered = servers * rho;
  let blocking = 1;
  for (let k = 1; k <= servers; k++) blocking = (offered * blocking) / (k + offered * blocking);
  return blocking / (1 - rho * (1 - blocking));
}

/**
 * p-quantile of the wait for one of `slots` batch slots, each held `holdSeconds` (M/G/c, Allen-Cunneen):
 * P(W > t) ~ C x exp(-t (c/hold)(1-rho) / v), v = (ca2+cs2)/2, so t_p = v x hold / (c (1-rho)) x ln(C / (1-p)).
 * Seconds.
 */
export function slotWaitQuantileSeconds(slots: number, holdSeconds: number, rho: number, variability: number, percentile: number): number {
  if (rho <= 0) return 0;
  if (rho >= 1) return Number.POSITIVE_INFINITY;
  const waiting = erlangC(slots, rho);
  const tail = 1 - percentile / 100;
  if (waiting <= tail) return 0;
  return ((variability * holdSeconds) / (slots * (1 - rho))) * Math.log(waiting / tail);
}

/**
 * Largest rho in (0, max] with ttftAt(rho) <= target, by bisection (ttftAt increases with rho); 0 when even
 * an empty system misses the target. 30 halvings: rho to ~1e-9.
 */
export function utilizationCeiling(ttftSecondsAt: (rho: number) => number, targetSeconds: number | undefined, max = MAX_UTILIZATION_CEILING_FRACTION): number {
  if (targetSeconds === undefined) return max;
  if (ttftSecondsAt(1e-6) > targetSeconds) return 0;
  if (ttftSecondsAt(max) <= targetSeconds) return max;
  let low = 1e-6;
  let high = max;
  for (let i = 0; i < 30; i++) {
    const middle = (low + high) / 2;
    if (ttftSecondsAt(middle) <= targetSeconds) low = middle;
    else high = middle;
  }
  return low;
}
