/** What every listener needs, built once by the app factory. */
import type { Logger } from 'pino';
import type { TokcostStore } from '../store/store.ts';
import type { Advisor } from './advisor.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { RetryPolicy } from './slack-retry.ts';
import { enUsNumber } from '../engine/number-text.ts';

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
  /** Users allowed to change workspace settings; empty: the workspace's Slack admins and owners. */
  readonly admins: readonly string[];
  /** Runs work for one key (a thread) in arrival order. */
  readonly serial: <T>(key: string, work: () => Promise<T>) => Promise<T>;
}

/** Counts an error for App Home without letting a broken store hide the original failure. */
export async function noteError(deps: ListenerDeps, teamId: string): Promise<void> {
  try {
    await deps.store.recordUsage(teamId, 'error');
  } catch (error) {
    deps.logger.warn({ err: error }, 'could not record an error in usage');
  }
}

export const tooLongText = (chars: number): string =>
  `That message is ${enUsNumber(chars)} characters long; I read questions up to ${enUsNumber(MAX_QUESTION_CHARS)}. Please give just the model, tokens in/out, traffic and latency target, e.g. _gpt-oss-120b, 2k in / 400 out, 30 rps, peaks 4x, p95 TTFT under 1 s_.`;

export const UNKNOWN_TEAM = 'unknown-team';
