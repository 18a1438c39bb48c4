/**
 * Whether a price is stale: older than `staleAfterDays` (default DEFAULT_STALE_AFTER_DAYS, 90 days)
 * before the request's reference date. GPU rental and API prices move monthly, so an old figure is
 * flagged next to itself and in the assumptions; `tokcost data refresh` brings the catalog up to date.
 */
import type { SourceRef } from '../catalog/types.ts';
import { DEFAULT_STALE_AFTER_DAYS, priceAgeDays } from '../cost/api-pricing.ts';

export interface PriceAge {
  readonly asOf: string;
  readonly ageDays: number;
  readonly stale: boolean;
}

/** The price's age against `asOfDate`; null without a reference date or with an unreadable as-of. */
export function priceAge(source: SourceRef, asOfDate: string | undefined, staleAfterDays: number = DEFAULT_STALE_AFTER_DAYS): PriceAge | null {
  if (asOfDate === undefined) return null;
  const ageDays = priceAgeDays(source.asOf, asOfDate);
  return ageDays === null ? null : { asOf: source.asOf, ageDays, stale: ageDays > staleAfterDays };
}

/** " (as of 2026-04, 246 days old: possibly stale)" for a stale price, else "". */
export function staleSuffix(source: SourceRef, asOfDate: string | undefined, staleAfterDays?: number): string {
  const age = priceAge(source, asOfDate, staleAfterDays);
  return age?.stale ? ` (as of ${age.asOf}, ${age.ageDays} days old: possibly stale)` : '';
}
