import { describe, expect, it } from 'vitest';
import type { AdviceRequest } from '../../../src/engine/advice-types.ts';
import type { Catalog, OwnedCostDefaults, SourceRef } from '../../../src/engine/catalog/types.ts';
import { platformPricing } from '../../../src/engine/cost/platform-pricing.ts';
import { adviseCatalog, SINGLE } from '../../fixtures/engine/advise-catalog.ts';

const source: SourceRef = { title: 'fixture', asOf: '2026-06', basis: 'estimate' };
const ownedCosts: OwnedCostDefaults = {
  serverShareOfAcceleratorPrice: { value: 0.32, source },
  networkShareOfAcceleratorPrice: { value: 0.35, source },
  facilityDollarsPerKw: { value: 25_000, source },
  facilityLifeYears: { value: 15, source },
  operationsFractionOfHardwarePerYear: { value: 0.1, source },
};
const request: AdviceRequest = { modelId: 'dense-8b', inputTokens: 1000, outputTokens: 200, meanRequestsPerSecond: 10, shape: { kind: 'flat' }, horizon: 'day', latency: {}, pricing: { kind: 'owned' } };
const HOURS = 8766;

function owned(catalog: Catalog, pricing: AdviceRequest['pricing'] = request.pricing) {
  const p = platformPricing({ ...request, pricing }, catalog, SINGLE);
  if ('missing' in p || p.kind !== 'owned') throw new Error('expected owned pricing');
  return p;
}

describe('owned hardware pricing', () => {
  it('adds server, network, facility and operations shares to an accelerator-only price', () => {
    const p = owned({ ...adviseCatalog(), ownedCosts });
    const s = p.shares;
    // $30,000 accelerator over 4 years; server 32 % and network 35 % of it; SINGLE: 1730 W all-in / PUE 1.2 of IT power.
    expect(s.acceleratorDollarsPerGpuHour).toBeCloseTo(30_000 / (4 * HOURS), 9);
    expect(s.serverDollarsPerGpuHour).toBeCloseTo((30_000 * 0.32) / (4 * HOURS), 9);
    expect(s.networkDollarsPerGpuHour).toBeCloseTo((30_000 * 0.35) / (4 * HOURS), 9);
    expect(s.facilityDollarsPerGpuHour).toBeCloseTo(((1730 / 1.2 / 1000) * 25_000) / (15 * HOURS), 9);
    expect(s.operationsDollarsPerGpuHour).toBeCloseTo((30_000 * 1.67 * 0.1) / HOURS, 9);
    const sum = s.acceleratorDollarsPerGpuHour + s.serverDollarsPerGpuHour + s.networkDollarsPerGpuHour + s.facilityDollarsPerGpuHour + s.operationsDollarsPerGpuHour;
    expect(p.capitalDollarsPerGpuHour).toBeCloseTo(sum, 12);
  });

  it('a server-inclusive price gets no second server share; the operations estimate can be overridden', () => {
    const catalog = { ...adviseCatalog(), ownedCosts };
    const inclusive = { ...catalog, purchasePrices: [{ acceleratorId: 'single', dollarsPerAccelerator: 46_250, source: { ...source, note: '8-GPU server divided by 8 (includes the server/rack share)' } }] };
    const p = owned(inclusive);
    expect(p.shares.purchaseIncludesServer).toBe(true);
    expect(p.shares.serverDollarsPerGpuHour).toBe(0);
    expect(p.shares.networkDollarsPerGpuHour).toBeCloseTo(((46_250 / 1.32) * 0.35) / (4 * HOURS), 9);
    expect(owned(catalog, { kind: 'owned', operationsFractionPerYear: 0 }).shares.operationsDollarsPerGpuHour).toBe(0);
  });

  it('without the defaults only the purchase price counts, and the notes say so', () => {
    const p = owned(adviseCatalog());
    expect(p.capitalDollarsPerGpuHour).toBeCloseTo(30_000 / (4 * HOURS), 9);
    expect(p.notes.join(' ')).toMatch(/only the accelerator purchase price and power are counted/);
  });
});
