/**
 * The mean load at which self-hosting becomes cheaper than an API, by doubling then bisection on the rate.
 * Self-hosted $/M output falls with load (idle capacity is paid for) in a saw-tooth (whole GPUs); the API's
 * is flat. From the user's rate r0: if the API is cheaper there, double until self-hosting is cheaper; else
 * halve until the API is; then bisect the factor-2 bracket geometrically (mid = sqrt(lo x hi)) until
 * hi / lo <= 1 + tolerance. The answer is hi: the lowest rate found where self-hosting is cheaper, with
 * the API cheaper just below it.
 */

export type BreakEvenSearch =
  | { readonly kind: 'found'; readonly requestsPerSecond: number; readonly evaluatedRequestsPerSecond: readonly number[] }
  /** Self-hosting is dearer at every rate tried up to `upToRequestsPerSecond`. */
  | { readonly kind: 'never'; readonly upToRequestsPerSecond: number; readonly evaluatedRequestsPerSecond: readonly number[] }
  /** Self-hosting is cheaper at every rate tried down to `downToRequestsPerSecond`. */
  | { readonly kind: 'always'; readonly downToRequestsPerSecond: number; readonly evaluatedRequestsPerSecond: readonly number[] };

export interface BreakEvenSearchOptions {
  /** How far from the user's rate to look, as a factor either way (default 1024 = 2^10). */
  readonly maxFactor?: number;
  /** Bisection stops when hi / lo <= 1 + this (default 0.02). */
  readonly toleranceFraction?: number;
}

/**
 * `selfHostedDollarsPerMillionOutputTokens(rate)` (Infinity when nothing meets the targets) against a flat
 * API price, both per million output tokens of the workload.
 */
export function searchBreakEven(selfHostedDollarsPerMillionOutputTokens: (requestsPerSecond: number) => number, apiDollarsPerMillionOutputTokens: number, userRequestsPerSecond: number, options: BreakEvenSearchOptions = {}): BreakEvenSearch {
  const maxFactor = options.maxFactor ?? 1024;
  const tolerance = options.toleranceFraction ?? 0.02;
  const evaluated: number[] = [];
  const selfCheaper = (rate: number) => {
    evaluated.push(rate);
    return selfHostedDollarsPerMillionOutputTokens(rate) <= apiDollarsPerMillionOutputTokens;
  };
  let lo: number;
  let hi: number;
  if (!selfCheaper(userRequestsPerSecond)) {
    hi = userRequestsPerSecond;
    do {
      hi *= 2;
      if (hi > userRequestsPerSecond * maxFactor * (1 + 1e-9)) return { kind: 'never', upToRequestsPerSecond: hi / 2, evaluatedRequestsPerSecond: evaluated };
    } while (!selfCheaper(hi));
    lo = hi / 2;
  } else {
    lo = userRequestsPerSecond;
    do {
      lo /= 2;
      if (lo < (userRequestsPerSecond / maxFactor) * (1 - 1e-9)) return { kind: 'always', downToRequestsPerSecond: lo * 2, evaluatedRequestsPerSecond: evaluated };
    } while (selfCheaper(lo));
    hi = lo * 2;
  }
  while (hi / lo > 1 + tolerance) {
    const mid = Math.sqrt(lo * hi);
    if (selfCheaper(mid)) hi = mid;
    else lo = mid;
  }
  return { kind: 'found', requestsPerSecond: hi, evaluatedRequestsPerSecond: evaluated };
}
