/** What every listener needs, built once by the app factory. */
import type { Logger } from 'pino';
import type { TokcostStore } from '../store/store.ts';
import type { Advisor } from './advisor.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { RetryPolicy } from './slack-retry.ts';

/** Longest question (slash command text, mention, DM) tokcost reads. */
export const MAX_QUESTION_CHARS = 2000;

export interface ListenerDeps {
  readonly store: TokcostStore;
  readonly advisor: Advisor;
  readonly logger: Logger;
  readonly retry: RetryPolicy;
  /** Runs advisor work with bounded concurrency (the engine and chart rendering are CPU-bound). */
  readonly limit: <T>(work: () => Promise<T>) => Promise<T>;
  /** After this long without an answer, tell the user we're still working. */
  readonly slowNoticeMs: number;
  /** Questions per user per workspace per minute. */
  readonly rateLimit: RateLimiter;
  readonly rateLimitPerMinute: number;
  /** Users allowed to change workspace settings; empty: everyone. */
  readonly admins: readonly string[];
  /** Runs work for one key (a thread) in arrival order. */
  readonly serial: <T>(key: string, work: () => Promise<T>) => Promise<T>;
}

/** Counts an error for App Home without letting a broken store hide the original failure. */
export function noteError(deps: ListenerDeps, teamId: string): void {
  try {
    deps.store.recordUsage(teamId, 'error');
  } catch (error) {
    deps.logger.warn({ err: error }, 'could not record an error in usage');
  }
}

export const tooLongText = (chars: number): string =>
  `That message is ${chars.toLocaleString('en-US')} characters long; I read questions up to ${MAX_QUESTION_CHARS.toLocaleString('en-US')}. Please give just the model, tokens in/out, traffic and latency target, e.g. _gpt-oss-120b, 2k in / 400 out, 30 rps, peaks 4x, p95 TTFT under 1 s_.`;

/** Settings changes: only listed admins (when any are listed), and never for a request without a workspace. */
export function mayChangeSettings(deps: ListenerDeps, teamId: string, userId: string): string | undefined {
  if (teamId === UNKNOWN_TEAM) return 'I can’t tell which workspace this came from, so I won’t change its settings.';
  if (deps.admins.length > 0 && !deps.admins.includes(userId)) {
    return `Only this workspace’s tokcost admins can change its settings (${deps.admins.map((id) => `<@${id}>`).join(', ')}). You can still ask with your own prices in the question, e.g. _… h100 at $1.99/hr_.`;
  }
  return undefined;
}

export const UNKNOWN_TEAM = 'unknown-team';
