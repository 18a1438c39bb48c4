/** A price older than the stated age (default 90 days) before the reference date is flagged. */
import { describe, expect, it } from 'vitest';
import { priceAge, staleSuffix } from '../../src/engine/recommend/price-staleness.ts';

const source = (asOf: string) => ({ title: 'fixture', asOf, basis: 'vendor-claim' as const });

describe('price staleness', () => {
  it('counts days from the as-of (a month reads as its 1st) and flags past 90 by default', () => {
    expect(priceAge(source('2026-09-04'), '2026-12-03')).toEqual({ asOf: '2026-09-04', ageDays: 90, stale: false });
    expect(priceAge(source('2026-09-03'), '2026-12-03')).toEqual({ asOf: '2026-09-03', ageDays: 91, stale: true });
    expect(priceAge(source('2026-04'), '2026-12-03')).toMatchObject({ ageDays: 246, stale: true });
    expect(priceAge(source('2026-11-01'), '2026-12-03', 30)).toMatchObject({ ageDays: 32, stale: true });
    expect(priceAge(source('2026-04'), undefined)).toBeNull();
  });

  it('says so next to the figure only when stale', () => {
    expect(staleSuffix(source('2026-04'), '2026-12-03')).toBe(' (as of 2026-04, 246 days old: possibly stale)');
    expect(staleSuffix(source('2026-11-20'), '2026-12-03')).toBe('');
    expect(staleSuffix(source('2026-04'), undefined)).toBe('');
  });
});
