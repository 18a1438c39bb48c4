/**
 * Bounded retries for Slack Web API calls. The WebClient runs with rejectRateLimitedCalls so a 429
 * surfaces here: we wait Retry-After (capped) and try again, at most `attempts` times in all.
 * Transient failures (network, 5xx, internal_error) back off briefly; anything else fails at once.
 * A call that posts something (not idempotent) is not retried after a timeout or a dropped connection:
 * Slack may have acted on it, and a retry would post twice. Only failures that prove nothing happened
 * (429, HTTP 5xx, connection refused) are retried for those.
 */

export interface RetryPolicy {
  readonly attempts: number;
  /** Longest Retry-After we are willing to wait, seconds; longer -> give up. */
  readonly maxRetryAfterSeconds: number;
  readonly backoffMs: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, maxRetryAfterSeconds: 10, backoffMs: 250 };

/**
 * Which failures a call may be retried after: 'any' transient one (reads, idempotent calls); 'unsent'
 * (posts: only failures that prove nothing happened: 429, HTTP 5xx, connection refused); 'rate-limited'
 * (a call whose 5xx may still have acted, like files.completeUploadExternal: only 429 and refused).
 */
export type RetryMode = 'any' | 'unsent' | 'rate-limited';

const modeOf = (idempotent: boolean | RetryMode): RetryMode => (idempotent === true ? 'any' : idempotent === false ? 'unsent' : idempotent);

const TRANSIENT_API_ERRORS = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'ratelimited']);

interface SlackishError {
  code?: string;
  retryAfter?: number;
  statusCode?: number;
  data?: { error?: string };
  original?: { name?: string; code?: string; cause?: { code?: string } };
}

/** A request error where the request surely never reached Slack (nothing can have been posted). */
function neverSent(e: SlackishError): boolean {
  const code = e.original?.cause?.code ?? e.original?.code;
  return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
}

/** The call gave up waiting (client timeout): Slack may or may not have acted on it. */
export function isTimeout(error: unknown): boolean {
  const e = error as SlackishError;
  return e?.code === 'slack_webapi_request_error' && (e.original?.name === 'TimeoutError' || e.original?.name === 'AbortError');
}

/** Slack's error name ('not_in_channel', 'ratelimited', ...) or the client's error code. */
export function slackErrorName(error: unknown): string {
  const e = error as SlackishError;
  if (isTimeout(error)) return 'timeout';
  return e?.data?.error ?? e?.code ?? 'unknown';
}

/** How long to wait before retrying, or undefined when the error is not worth retrying. */
export function retryDelayMs(error: unknown, attempt: number, policy: RetryPolicy, idempotent: boolean | RetryMode = true): number | undefined {
  const e = error as SlackishError;
  const mode = modeOf(idempotent);
  if (mode !== 'any' && e?.code === 'slack_webapi_request_error' && !neverSent(e)) return undefined;
  if (mode === 'rate-limited' && e?.code !== 'slack_webapi_rate_limited_error' && !(e?.code === 'slack_webapi_request_error' && neverSent(e))) return undefined;
  if (e?.code === 'slack_webapi_rate_limited_error') {
    const seconds = e.retryAfter ?? 1;
    return seconds <= policy.maxRetryAfterSeconds ? seconds * 1000 : undefined;
  }
  const transient =
    e?.code === 'slack_webapi_request_error' ||
    (e?.code === 'slack_webapi_http_error' && (e.statusCode ?? 0) >= 500) ||
    (e?.code === 'slack_webapi_platform_error' && TRANSIENT_API_ERRORS.has(e.data?.error ?? ''));
  return transient ? policy.backoffMs * 2 ** (attempt - 1) : undefined;
}

export async function withSlackRetry<T>(call: () => Promise<T>, policy: RetryPolicy = DEFAULT_RETRY, idempotent: boolean | RetryMode = true): Promise<T> {
  const sleep = policy.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const delay = attempt < policy.attempts ? retryDelayMs(error, attempt, policy, idempotent) : undefined;
      if (delay === undefined) throw error;
      await sleep(delay);
    }
  }
}
