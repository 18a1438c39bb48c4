/**
 * The Slack app's scheduled price refresh (TOKCOST_REFRESH_CRON, UTC): each run downloads every
 * source, writes the catalog when prices moved, logs what changed (the same diff the CLI prints) and
 * calls `onWritten` so the advisor reloads data/. A failed run logs the source and field and leaves the
 * catalog as it was; runs never overlap.
 */
import { Cron } from 'croner';
import { DEFAULT_DATA_DIR } from '../catalog/load-catalog.ts';
import { diffText } from './diff.ts';
import type { FetchText } from './read-response.ts';
import { refreshPrices, type RefreshOutcome } from './refresh.ts';
import { PRICE_SOURCES } from './sources.ts';

export interface RefreshLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface PriceRefreshSchedule {
  /** Runs one refresh now (what each tick does). */
  runOnce(): Promise<RefreshOutcome | null>;
  stop(): void;
}

export interface ScheduleOptions {
  readonly cron: string;
  readonly logger: RefreshLogger;
  readonly onWritten: () => void;
  readonly now?: () => Date;
  readonly dataDir?: string;
  readonly fetcher?: FetchText;
}

export function schedulePriceRefresh(options: ScheduleOptions): PriceRefreshSchedule {
  const now = options.now ?? (() => new Date());
  const runOnce = async (): Promise<RefreshOutcome | null> => {
    try {
      const outcome = await refreshPrices({
        dataDir: options.dataDir ?? DEFAULT_DATA_DIR,
        sources: PRICE_SOURCES,
        sourcesNamed: false,
        asOf: now().toISOString().slice(0, 10),
        dryRun: false,
        ...(options.fetcher ? { fetcher: options.fetcher } : {}),
      });
      const changed = outcome.diffs.reduce((n, d) => n + d.added.length + d.changed.length + d.removed.length, 0);
      options.logger.info({ written: outcome.written, changed, diff: outcome.diffs.map(diffText).join('\n'), notes: outcome.notes }, 'price refresh done');
      if (outcome.written.length > 0) options.onWritten();
      return outcome;
    } catch (error) {
      options.logger.warn({ err: error }, 'price refresh failed; the catalog is unchanged');
      return null;
    }
  };
  const job = new Cron(options.cron, { timezone: 'UTC', protect: true }, () => void runOnce());
  return { runOnce, stop: () => job.stop() };
}
