/**
 * The Slack message of the API break-even report (src/slack/blocks/api-blocks.ts): golden file and Slack's
 * limits. Lives here beside the report's engine tests; the golden file is test/golden/slack/api-break-even.json.
 */
import { describe, expect, it } from 'vitest';
import type { ApiPrice } from '../../../src/engine/catalog/types.ts';
import { apiBreakEven } from '../../../src/engine/reports/api-break-even.ts';
import { breakEvenSentence } from '../../../src/report-text/api-text.ts';
import { apiBreakEvenMessage } from '../../../src/slack/blocks/api-blocks.ts';
import { validateMessage } from '../../../src/slack/blocks/validate-blocks.ts';
import { adviseCatalog, FIXTURE_CALIBRATION } from '../../fixtures/engine/advise-catalog.ts';
import { expectGolden } from '../../slack/golden.ts';

const source = (asOf: string, title = 'fixture: API list price'): ApiPrice['source'] => ({ title, url: 'https://example.com/prices', asOf, basis: 'vendor-claim' });
const prices: ApiPrice[] = [
  { id: 'a', modelId: 'dense-8b', provider: 'Fixture API', dollarsPerMillionInputTokens: 0.2, dollarsPerMillionOutputTokens: 1.6, dollarsPerMillionCachedInputTokens: 0.05, source: source('2026-08-01') },
  { id: 'b', modelId: 'dense-8b', provider: 'Old Cloud', dollarsPerMillionInputTokens: 0.1, dollarsPerMillionOutputTokens: 1.9, source: { ...source('2025-01-15', 'fixture: old list <2025>'), note: 'tier: turbo' } },
  { id: 'c', modelId: 'dense-8b', provider: 'Fast & Dear', dollarsPerMillionInputTokens: 0.5, dollarsPerMillionOutputTokens: 4, outputTokensPerSecondPerUser: 900, source: source('2026-08-01') },
];
const request = {
  modelId: 'dense-8b', inputTokens: 1000, outputTokens: 200, meanRequestsPerSecond: 0.5, prefixCacheHitFraction: 0.3,
  shape: { kind: 'flat' as const }, horizon: 'day' as const, latency: { tpotMs: 20 }, pricing: { kind: 'rented' as const }, platforms: ['single'],
};

describe('apiBreakEvenMessage', () => {
  it('matches its golden file and Slack’s limits', () => {
    const report = apiBreakEven(request, { ...adviseCatalog(), apiPrices: prices }, FIXTURE_CALIBRATION, { asOfDate: '2026-09-01' });
    const message = apiBreakEvenMessage(report);
    expect(validateMessage(message)).toEqual([]);
    expect(message.text).toBe(breakEvenSentence(report));
    expect(JSON.stringify(message.blocks)).toMatch(/Fast &amp; Dear/);
    expectGolden('api-break-even', message);
  });

  it('stays within limits with many providers and no break-even', () => {
    const many = Array.from({ length: 60 }, (_, i): ApiPrice => ({ id: `p${i}`, modelId: 'dense-8b', provider: `Provider with a rather long marketing name ${i}`, dollarsPerMillionInputTokens: 50 + i, dollarsPerMillionOutputTokens: 90 + i, source: source('2024-01-01', `title ${i} `.repeat(40)) }));
    const report = apiBreakEven(request, { ...adviseCatalog(), apiPrices: many }, FIXTURE_CALIBRATION, { asOfDate: '2026-09-01', maxFactor: 4 });
    expect(report.breakEven).toBeNull();
    const message = apiBreakEvenMessage(report);
    expect(validateMessage(message)).toEqual([]);
    expect(JSON.stringify(message)).toMatch(/52 more providers not shown/);
  });
});
