/** What every listener needs, built once by the app factory. */
import type { Logger } from 'pino';
import type { TokcostStore } from '../store/store.ts';
import type { Advisor } from './advisor.ts';
import type { RetryPolicy } from './slack-retry.ts';

export interface ListenerDeps {
  readonly store: TokcostStore;
  readonly advisor: Advisor;
  readonly logger: Logger;
  readonly retry: RetryPolicy;
  /** Runs advisor work with bounded concurrency (the engine and chart rendering are CPU-bound). */
  readonly limit: <T>(work: () => Promise<T>) => Promise<T>;
  /** After this long without an answer, tell the user we're still working. */
  readonly slowNoticeMs: number;
}

/** Counts an error for App Home without letting a broken store hide the original failure. */
export function noteError(deps: ListenerDeps, teamId: string): void {
  try {
    deps.store.recordUsage(teamId, 'error');
  } catch (error) {
    deps.logger.warn({ err: error }, 'could not record an error in usage');
  }
}
