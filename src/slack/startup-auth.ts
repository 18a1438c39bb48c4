/**
 * The one auth.test at start: it proves the bot token works and gives the bot's ids (passed to Bolt,
 * which then makes no auth.test of its own, whose failure would surface as an unhandled
 * WebAPIRequestError stack trace). Slack unreachable, a 5xx or a 429 is retried with backoff, each
 * retry said in one line; a refused token, or the last failed try, ends in one line naming the cause.
 */
import { LogLevel, type Logger, WebClient } from '@slack/web-api';
import { slackErrorName } from './slack-retry.ts';

export interface BotIdentity {
  readonly botId: string;
  readonly botUserId: string;
  readonly teamId?: string;
}

/** Start cannot go on: `message` is the one line to print (no stack trace). */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

export interface AuthTestOptions {
  readonly botToken: string;
  /** Web API base URL (default Slack's). */
  readonly apiUrl?: string;
  /** Tries in all (default 6: about 30 s of backoff). */
  readonly attempts?: number;
  readonly firstDelayMs?: number;
  readonly timeoutMs?: number;
  /** Where retry notices go (stderr in main). */
  readonly say: (line: string) => void;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** The WebClient's own console warnings would repeat what the retry line says. */
const SILENT: Logger = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => LogLevel.ERROR, setName() {} };

const TOKEN_REFUSED = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'no_permission', 'missing_scope', 'not_allowed_token_type']);

type ErrorLike = { code?: string; statusCode?: number; retryAfter?: number; data?: { error?: string }; original?: { message?: string; code?: string; cause?: { code?: string; message?: string } } };

/** What went wrong, in words: "connect ECONNREFUSED 127.0.0.1:9", "HTTP 500", "rate limited". */
function describeFailure(error: unknown): string {
  const e = error as ErrorLike;
  if (e?.code === 'slack_webapi_http_error') return `HTTP ${e.statusCode ?? '?'}`;
  if (e?.code === 'slack_webapi_rate_limited_error') return `rate limited (Retry-After ${e.retryAfter ?? '?'} s)`;
  if (e?.code === 'slack_webapi_request_error') {
    const cause = e.original?.cause?.code ?? e.original?.code ?? e.original?.cause?.message;
    const name = slackErrorName(error);
    return name === 'timeout' ? 'no answer (timeout)' : (cause ?? e.original?.message ?? 'request failed');
  }
  if (e?.code === 'slack_webapi_platform_error') return e.data?.error ?? 'error';
  return error instanceof Error ? error.message : String(error);
}

export async function authTestWithRetry(options: AuthTestOptions): Promise<BotIdentity> {
  const apiUrl = options.apiUrl ?? 'https://slack.com/api/';
  const attempts = options.attempts ?? 6;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const client = new WebClient(options.botToken, { slackApiUrl: apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, timeout: options.timeoutMs ?? 10_000, logger: SILENT });
  let delayMs = options.firstDelayMs ?? 1000;
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await client.auth.test();
      if (typeof result.user_id !== 'string' || typeof result.bot_id !== 'string') {
        throw new StartupError(`tokcost cannot start: auth.test at ${apiUrl} did not return a bot (is SLACK_BOT_TOKEN a bot token, xoxb-…?)`);
      }
      return { botId: result.bot_id, botUserId: result.user_id, ...(typeof result.team_id === 'string' ? { teamId: result.team_id } : {}) };
    } catch (error) {
      if (error instanceof StartupError) throw error;
      const e = error as ErrorLike;
      const why = describeFailure(error);
      if (e?.code === 'slack_webapi_platform_error' && TOKEN_REFUSED.has(e.data?.error ?? '')) {
        throw new StartupError(`tokcost cannot start: Slack refused the bot token (${why}); set SLACK_BOT_TOKEN to the Bot User OAuth Token (OAuth & Permissions)`);
      }
      if (attempt >= attempts) {
        throw new StartupError(`tokcost cannot start: Slack did not answer auth.test at ${apiUrl} after ${attempts} tries (last: ${why}); check the network, or SLACK_API_URL`);
      }
      const waitMs = e?.code === 'slack_webapi_rate_limited_error' && e.retryAfter ? Math.max(delayMs, e.retryAfter * 1000) : delayMs;
      options.say(`tokcost: Slack unreachable at ${apiUrl} (auth.test: ${why}); retrying in ${Math.round(waitMs / 1000)} s (try ${attempt + 1} of ${attempts})`);
      await sleep(waitMs);
      delayMs = Math.min(delayMs * 2, 15_000);
    }
  }
}
