import { describe, expect, it } from 'vitest';
import { reasonText } from '../../../src/report-text/reason-text.ts';
import { apiSloText, breakEvenNotes, breakEvenSentence } from '../../../src/report-text/api-text.ts';
import type { AdviceRequest } from '../../../src/engine/advice-types.ts';
import { advise } from '../../../src/engine/advise.ts';
import type { ApiPrice, Catalog } from '../../../src/engine/catalog/types.ts';
import { apiOption, apiOptionsFor, cheapestApiOption, priceAgeDays } from '../../../src/engine/cost/api-pricing.ts';
import { apiBreakEven } from '../../../src/engine/reports/api-break-even.ts';
import { searchBreakEven } from '../../../src/engine/reports/api-break-even-search.ts';
import { adviseCatalog, FIXTURE_CALIBRATION } from '../../fixtures/engine/advise-catalog.ts';

function apiPrice(overrides: Partial<ApiPrice> = {}): ApiPrice {
  return {
    id: 'fixture-api',
    modelId: 'dense-8b',
    provider: 'Fixture API',
    dollarsPerMillionInputTokens: 0.2,
    dollarsPerMillionOutputTokens: 1.6,
    source: { title: 'fixture: API list price', asOf: '2026-08-01', basis: 'vendor-claim' },
    ...overrides,
  };
}

function catalogWith(...prices: ApiPrice[]): Catalog {
  return { ...adviseCatalog(), apiPrices: prices };
}

/** Flat load on the 'single' fixture platform: 1-GPU units, static fleet at the $2/GPU-hour committed price. */
const FLAT: AdviceRequest = {
  modelId: 'dense-8b',
  inputTokens: 1000,
  outputTokens: 200,
  meanRequestsPerSecond: 0.5,
  shape: { kind: 'flat' },
  horizon: 'day',
  latency: {},
  pricing: { kind: 'rented' },
  platforms: ['single'],
};

describe('API prices on the workload mix (hand-worked)', () => {
  // 1000 in / 200 out at $0.20 in, $1.60 out: $ per request = (1000 x 0.2 + 200 x 1.6) / 1e6 = 520e-6.
  //   blended $/M total  = 520 / 1200 = 0.43333;   $/M output (input included) = 520 / 200 = 2.6.
  it('blended $/M total and $/M output tokens', () => {
    const o = apiOption(apiPrice(), { inputTokens: 1000, outputTokens: 200 });
    expect(o.blendedDollarsPerMillionTokens).toBeCloseTo(520 / 1200, 12);
    expect(o.effectiveDollarsPerMillionOutputTokens).toBeCloseTo(2.6, 12);
    expect(o.cachedInputPriced).toBe(false);
  });

  // Half the input from the prefix cache at $0.05: input $/M = 0.5 x 0.2 + 0.5 x 0.05 = 0.125;
  //   $ per request = (125 + 320) / 1e6 = 445e-6 -> $/M output 2.225, blended 445 / 1200 = 0.370833.
  it('uses the cached-input price when the workload reuses prefixes and the provider lists one', () => {
    const cached = apiOption(apiPrice({ dollarsPerMillionCachedInputTokens: 0.05 }), { inputTokens: 1000, outputTokens: 200, prefixCacheHitFraction: 0.5 });
    expect(cached.cachedInputPriced).toBe(true);
    expect(cached.effectiveDollarsPerMillionInputTokens).toBeCloseTo(0.125, 12);
    expect(cached.effectiveDollarsPerMillionOutputTokens).toBeCloseTo(2.225, 12);
    expect(cached.blendedDollarsPerMillionTokens).toBeCloseTo(445 / 1200, 12);
    // No cached price listed: full input price.
    expect(apiOption(apiPrice(), { inputTokens: 1000, outputTokens: 200, prefixCacheHitFraction: 0.5 }).effectiveDollarsPerMillionOutputTokens).toBeCloseTo(2.6, 12);
    // Listed, but no reuse: full input price.
    expect(apiOption(apiPrice({ dollarsPerMillionCachedInputTokens: 0.05 }), { inputTokens: 1000, outputTokens: 200 }).cachedInputPriced).toBe(false);
  });

  it('flags prices older than the stated age before the reference date as possibly stale', () => {
    expect(priceAgeDays('2026-01-01', '2026-09-01')).toBe(243);
    expect(priceAgeDays('2026-08', '2026-09-01')).toBe(31);
    const old = apiOption(apiPrice({ source: { title: 'fixture', asOf: '2026-01-01', basis: 'vendor-claim' } }), FLAT, { asOfDate: '2026-09-01' });
    expect(old).toMatchObject({ ageDays: 243, stale: true });
    expect(apiOption(apiPrice(), FLAT, { asOfDate: '2026-09-01' })).toMatchObject({ ageDays: 31, stale: false });
    expect(apiOption(apiPrice(), FLAT, { asOfDate: '2026-09-01', staleAfterDays: 30 }).stale).toBe(true);
    expect(apiOption(apiPrice(), FLAT)).toMatchObject({ ageDays: null, stale: false });
  });

  it('sorts cheapest per million output tokens first and skips an API slower than the TPOT target', () => {
    const options = apiOptionsFor([apiPrice({ id: 'b', dollarsPerMillionOutputTokens: 3 }), apiPrice({ id: 'fast-but-slow', dollarsPerMillionOutputTokens: 1, outputTokensPerSecondPerUser: 20 }), apiPrice({ id: 'other-model', modelId: 'x' })], 'dense-8b', FLAT);
    expect(options.map((o) => o.id)).toEqual(['fast-but-slow', 'b']);
    expect(cheapestApiOption(options, 20)?.id).toBe('b'); // 20 tok/s < 1000 / 20 ms = 50 tok/s
    expect(cheapestApiOption(options)?.id).toBe('fast-but-slow');
  });
});

describe('searchBreakEven', () => {
  // Self-hosted $/M output = $2/h / (r x 200 x 3600 / 1e6) = 2.7778 / r; API 2.6 -> r* = 2.7778 / 2.6 = 1.06838 req/s.
  const selfHosted = (rate: number) => 2 / ((rate * 200 * 3600) / 1e6);
  it('doubles from the user rate and bisects to within the tolerance', () => {
    const found = searchBreakEven(selfHosted, 2.6, 0.5);
    expect(found.kind).toBe('found');
    if (found.kind !== 'found') return;
    expect(found.requestsPerSecond).toBeGreaterThanOrEqual(1.068376 * (1 - 1e-9));
    expect(found.requestsPerSecond).toBeLessThanOrEqual(1.068376 * 1.02);
    // From above the break-even it halves instead and finds the same point.
    const down = searchBreakEven(selfHosted, 2.6, 10);
    expect(down.kind === 'found' && down.requestsPerSecond / 1.068376).toBeGreaterThan(0.999);
  });
  it('says never or always when the price lines do not cross in range', () => {
    expect(searchBreakEven(() => 5, 2.6, 1, { maxFactor: 64 })).toMatchObject({ kind: 'never', upToRequestsPerSecond: 64 });
    expect(searchBreakEven(() => 1, 2.6, 1, { maxFactor: 64 })).toMatchObject({ kind: 'always', downToRequestsPerSecond: 1 / 64 });
  });
});

describe('apiBreakEven on a flat load, one platform, one provider (hand-worked)', () => {
  const catalog = catalogWith(apiPrice());
  const report = apiBreakEven(FLAT, catalog, FIXTURE_CALIBRATION, { asOfDate: '2026-09-01' });

  it('prices the fleet and the API at the user load', () => {
    // One GPU at $2/h (static, committed price) serves 0.5 req/s x 200 output tokens x 3600 s = 0.36M output tokens/h:
    //   self-hosted $/M output = 2 / 0.36 = 5.5556; per month 2 x 730.5 h = $1,461.
    // API: 2.6 $/M output; per month 0.5 req/s x 3600 x 730.5 h x 520e-6 $ = $683.748; the API saves 1 - 683.748 / 1461 = 53.2 %.
    expect(report.selfHosted?.effectiveDollarsPerMillionOutputTokens).toBeCloseTo(2 / 0.36, 9);
    expect(report.cheapestApi?.effectiveDollarsPerMillionOutputTokens).toBeCloseTo(2.6, 12);
    expect(report.comparison).toMatchObject({ cheaper: 'api', provider: 'Fixture API' });
    expect(report.comparison!.apiDollarsPerMonth).toBeCloseTo(683.748, 6);
    expect(report.comparison!.selfHostedDollarsPerMonth).toBeCloseTo(1461, 6);
    expect(report.comparison!.savingFraction).toBeCloseTo(0.532, 9);
  });

  it('finds the break-even at 2.7778 / 2.6 = 1.068 req/s (within the 2 % bisection tolerance)', () => {
    const be = report.breakEven!;
    expect(be.requestsPerSecond).toBeGreaterThanOrEqual(1.068376 * (1 - 1e-9));
    expect(be.requestsPerSecond).toBeLessThanOrEqual(1.068376 * 1.02);
    // tokens/day = rate x 86,400 s x (1000 + 200) tokens.
    expect(be.tokensPerDay).toBeCloseTo(be.requestsPerSecond * 86_400 * 1200, 3);
    expect(be.outputTokensPerDay).toBeCloseTo(be.requestsPerSecond * 86_400 * 200, 3);
    expect(be).toMatchObject({ platform: 'single', provider: 'Fixture API', policy: 'static-peak' });
    expect(be.selfHostedDollarsPerMillionOutputTokens).toBeLessThanOrEqual(2.6);
    expect(report.breakEvenMissing).toBeNull();
    expect(breakEvenSentence(report)).toMatch(/^At 0\.5 req\/s, Fixture API's API at \$2\.60 per 1M output tokens \(input included\) would cost 53% less than the cheapest dedicated fleet .*; self-hosting wins above 1\.0[5-9] req\/s/);
    expect(apiSloText(report)).toMatch(/^not stated/);
  });

  it('advise carries the comparison and the api-cheaper sentence second among the reasons', () => {
    const advice = advise(FLAT, catalog, FIXTURE_CALIBRATION);
    expect(advice.reasons[1]?.code).toBe('api-cheaper');
    expect(reasonText(advice.reasons[1]!, advice)).toMatch(/would cost 53% less than the cheapest dedicated fleet/);
    // The fixed 1-GPU fleet's cost is exactly 2.7778 / r, so the curve interpolation (log-log) is exact.
    expect(advice.apiComparison!.approximateBreakEvenRequestsPerSecond).toBeCloseTo(2 / 0.72 / 2.6, 6);
    const busy = advise({ ...FLAT, meanRequestsPerSecond: 5 }, catalog, FIXTURE_CALIBRATION);
    expect(busy.apiComparison?.cheaper).toBe('self-hosted');
    expect(busy.reasons.at(-1)?.code).toBe('self-hosting-cheaper');
    // No API price for the model: no comparison, reasons unchanged.
    expect(advise(FLAT, adviseCatalog(), FIXTURE_CALIBRATION).apiComparison).toBeUndefined();
  });

  it('flags a stale cheapest price in the sentence and the notes', () => {
    const stale = apiBreakEven(FLAT, catalogWith(apiPrice({ source: { title: 'fixture', asOf: '2025-01-15', basis: 'vendor-claim' } })), FIXTURE_CALIBRATION, { asOfDate: '2026-09-01' });
    expect(stale.cheapestApi?.stale).toBe(true);
    expect(breakEvenSentence(stale)).toMatch(/dates from 2025-01-15: possibly stale/);
    expect(breakEvenNotes(stale).some((n) => /1 of 1 API prices are more than 90 days older than 2026-09-01/.test(n))).toBe(true);
    const dated = advise({ ...FLAT, asOfDate: '2026-09-01' }, catalogWith(apiPrice({ source: { title: 'fixture', asOf: '2025-01-15', basis: 'vendor-claim' } })), FIXTURE_CALIBRATION);
    expect(dated.apiComparison?.priceStale).toBe(true);
    expect(reasonText(dated.reasons[1]!, dated)).toMatch(/possibly stale/);
  });

  it('uses the cached-input price when the workload has prefix reuse', () => {
    const cached = apiBreakEven({ ...FLAT, prefixCacheHitFraction: 0.5 }, catalogWith(apiPrice({ dollarsPerMillionCachedInputTokens: 0.05 })), FIXTURE_CALIBRATION);
    expect(cached.cheapestApi?.cachedInputPriced).toBe(true);
    expect(cached.cheapestApi?.effectiveDollarsPerMillionOutputTokens).toBeCloseTo(2.225, 12);
    expect(breakEvenNotes(cached).some((n) => /1 of 1 providers list a cached-input price/.test(n))).toBe(true);
  });

  it('says why when there is no API price', () => {
    const none = apiBreakEven(FLAT, adviseCatalog(), FIXTURE_CALIBRATION);
    expect(none.breakEven).toBeNull();
    expect(none.breakEvenMissing?.reason).toBe('no-api-price');
  });
});

describe('a spikier load never lowers the break-even', () => {
  const rateOf = (r: ReturnType<typeof apiBreakEven>) => r.breakEven?.requestsPerSecond ?? (r.breakEvenMissing?.reason === 'self-hosting-never-wins' ? Infinity : Number.NaN);
  for (const outputPrice of [1.6, 0.2, 0.1]) {
    it(`API at $${outputPrice}/M output: flat <= diurnal 2x <= diurnal 4x`, () => {
      const catalog = catalogWith(apiPrice({ dollarsPerMillionInputTokens: outputPrice / 8, dollarsPerMillionOutputTokens: outputPrice }));
      const shapes: AdviceRequest['shape'][] = [{ kind: 'flat' }, { kind: 'diurnal', peakToAverage: 2 }, { kind: 'diurnal', peakToAverage: 4 }];
      const rates = shapes.map((shape) => rateOf(apiBreakEven({ ...FLAT, shape }, catalog, FIXTURE_CALIBRATION)));
      for (const r of rates) expect(Number.isNaN(r)).toBe(false);
      // Within the bisection tolerance (2 %).
      expect(rates[1]!).toBeGreaterThanOrEqual(rates[0]! * 0.98);
      expect(rates[2]!).toBeGreaterThanOrEqual(rates[1]! * 0.98);
    });
  }
});
