/**
 * Per-user question limit (per workspace): at most `perMinute` questions in any 60-second window,
 * counted in the store so every replica sees the same count. A request replayed by another replica
 * (its work key is the ticket) is not counted twice.
 */
import type { RateVerdict, TokcostStore } from '../store/store.ts';
import { currentWorkKey } from './work-claims.ts';

export type RateLimitVerdict = RateVerdict;

export interface RateLimiter {
  /** Counts a question by `userId` in `teamId`; refused once the window is full (refusals don't count). */
  take(teamId: string, userId: string): Promise<RateLimitVerdict>;
}

export function createRateLimiter(store: TokcostStore, perMinute: number, nowMs: () => number = Date.now): RateLimiter {
  return {
    // A store that can't count (a full disk) errs on the side of answering, as the in-memory limit did after a restart.
    take: (teamId, userId) => store.takeRateLimit(teamId, userId, perMinute, nowMs(), currentWorkKey()).catch(() => ({ allowed: true, retryAfterSeconds: 0 })),
  };
}

/** The friendly refusal. */
export const rateLimitedText = (perMinute: number, retryAfterSeconds: number): string =>
  `You’ve asked ${perMinute} questions in the last minute, which is as many as I answer per person per minute. Please try again in ${retryAfterSeconds} s.`;
