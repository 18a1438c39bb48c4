/**
 * Per-user question limit (per workspace): at most `perMinute` questions in any 60-second window.
 * In memory (one process); a restart forgets, which errs on the side of answering.
 */

export interface RateLimitVerdict {
  readonly allowed: boolean;
  /** When refused: seconds until the oldest question in the window leaves it. */
  readonly retryAfterSeconds: number;
}

export interface RateLimiter {
  /** Counts a question by `userId` in `teamId`; refused once the window is full (refusals don't count). */
  take(teamId: string, userId: string): RateLimitVerdict;
}

const WINDOW_MS = 60_000;

export function createRateLimiter(perMinute: number, nowMs: () => number = Date.now): RateLimiter {
  const windows = new Map<string, number[]>();
  let sincePrune = 0;
  const prune = (now: number) => {
    for (const [key, times] of windows) if ((times.at(-1) ?? 0) <= now - WINDOW_MS) windows.delete(key);
  };
  return {
    take(teamId, userId) {
      if (perMinute <= 0) return { allowed: true, retryAfterSeconds: 0 };
      const now = nowMs();
      if (++sincePrune >= 1000) {
        sincePrune = 0;
        prune(now);
      }
      const key = `${teamId}\u0000${userId}`;
      const times = (windows.get(key) ?? []).filter((t) => t > now - WINDOW_MS);
      if (times.length >= perMinute) {
        windows.set(key, times);
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((times[0]! + WINDOW_MS - now) / 1000)) };
      }
      times.push(now);
      windows.set(key, times);
      return { allowed: true, retryAfterSeconds: 0 };
    },
  };
}

/** The friendly refusal. */
export const rateLimitedText = (perMinute: number, retryAfterSeconds: number): string =>
  `You’ve asked ${perMinute} questions in the last minute, which is as many as I answer per person per minute. Please try again in ${retryAfterSeconds} s.`;
