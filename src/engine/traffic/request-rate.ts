/**
 * Converts the ways people state volume ("2M requests a day", "50k a week", "300 a minute",
 * "1B tokens a day at 1,500 tokens per request") into requests per second.
 */

export interface RequestVolume {
  readonly perMinute?: number;
  readonly perDay?: number;
  readonly perWeek?: number;
  /** Tokens a day (of the kind the caller means); needs `tokensPerRequest`. */
  readonly tokensPerDay?: number;
  readonly tokensPerRequest?: number;
}

export type RequestRateResult =
  | { readonly ok: true; readonly requestsPerSecond: number }
  | { readonly ok: false; readonly problem: 'no-volume' | 'several-volumes' | 'missing-tokens-per-request' | 'not-positive' };

const SECONDS_PER_MINUTE = 60;
const SECONDS_PER_DAY = 86_400;
const SECONDS_PER_WEEK = 7 * SECONDS_PER_DAY;

/**
 * requests/s from exactly one stated volume: perMinute / 60, perDay / 86400, perWeek / 604800, or
 * tokensPerDay / tokensPerRequest / 86400. Says which figure is missing or conflicting instead of guessing.
 */
export function requestsPerSecondFrom(volume: RequestVolume): RequestRateResult {
  const stated = (['perMinute', 'perDay', 'perWeek', 'tokensPerDay'] as const).filter(
    (key) => volume[key] !== undefined,
  );
  if (stated.length === 0) return { ok: false, problem: 'no-volume' };
  if (stated.length > 1) return { ok: false, problem: 'several-volumes' };
  let requestsPerSecond: number;
  if (volume.perMinute !== undefined) requestsPerSecond = volume.perMinute / SECONDS_PER_MINUTE;
  else if (volume.perDay !== undefined) requestsPerSecond = volume.perDay / SECONDS_PER_DAY;
  else if (volume.perWeek !== undefined) requestsPerSecond = volume.perWeek / SECONDS_PER_WEEK;
  else {
    if (volume.tokensPerRequest === undefined) return { ok: false, problem: 'missing-tokens-per-request' };
    if (!(volume.tokensPerRequest > 0)) return { ok: false, problem: 'not-positive' };
    requestsPerSecond = volume.tokensPerDay! / volume.tokensPerRequest / SECONDS_PER_DAY;
  }
  if (!(requestsPerSecond > 0) || !Number.isFinite(requestsPerSecond)) return { ok: false, problem: 'not-positive' };
  return { ok: true, requestsPerSecond };
}
