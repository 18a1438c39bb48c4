import { describe, expect, it } from 'vitest';
import { dollarsPerMillionTokens, fleetCost } from '../../../src/engine/cost/fleet-cost.ts';
import { platformPricing } from '../../../src/engine/cost/platform-pricing.ts';
import { fleetEnergyJoules, powerModel } from '../../../src/engine/cost/power.ts';
import type { AdviceRequest } from '../../../src/engine/advice-types.ts';
import type { FleetRun } from '../../../src/engine/fleet/types.ts';
import { adviseCatalog, NODE, OTHER_VENDOR, SINGLE } from '../../fixtures/engine/advise-catalog.ts';

const request: AdviceRequest = { modelId: 'dense-8b', inputTokens: 1000, outputTokens: 200, meanRequestsPerSecond: 10, shape: { kind: 'flat' }, horizon: 'day', latency: {}, pricing: { kind: 'rented' } };

function run(policy: FleetRun['policy'], base: number, elastic: number, peakGpus: number, fullLoad: number): FleetRun {
  return { policy, minutes: 1440, baseGpuMinutes: base, elasticGpuMinutes: elastic, peakGpus, minGpus: peakGpus, servedRequests: 1, demandedRequests: 1, sloMissMinutes: 0, fullLoadGpuMinutes: fullLoad, ceilingGpuMinutes: fullLoad, roundedGpuMinutes: fullLoad, peakWorkers: [peakGpus] };
}

describe('dollarsPerMillionTokens', () => {
  it('is $/GPU-hour / (tokens/s x 3600 / 1e6) (InferenceX formula): $1.95/h at 27,083 tok/s is two cents', () => {
    expect(dollarsPerMillionTokens(1.95, 1.95 / 0.02 / 3600 * 1e6)).toBeCloseTo(0.02, 12);
    expect(dollarsPerMillionTokens(2, 0)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('platformPricing', () => {
  it('rented: committed price for static, on-demand for elastic, a reserved tier for the base', () => {
    const pricing = platformPricing(request, adviseCatalog(), SINGLE);
    if ('missing' in pricing || pricing.kind !== 'rented') throw new Error('expected rented pricing');
    expect(pricing.committed.dollarsPerGpuHour).toBe(2);
    expect(pricing.elastic?.dollarsPerGpuHour).toBe(3);
    expect(pricing.reserved?.dollarsPerGpuHour).toBe(2);
  });

  it('says so when reserved-plus-burst has no reserved tier, and when there is no price at all', () => {
    const pricing = platformPricing(request, adviseCatalog(), OTHER_VENDOR);
    if ('missing' in pricing || pricing.kind !== 'rented') throw new Error('expected rented pricing');
    expect(pricing.reserved).toBeNull();
    expect(pricing.notes.join(' ')).toMatch(/reserved-plus-burst/);
    const noPrices = { ...adviseCatalog(), prices: [] };
    expect(platformPricing(request, noPrices, NODE)).toHaveProperty('missing');
  });

  it('a user price applies to every policy; owned amortizes the purchase price', () => {
    const user = platformPricing({ ...request, dollarsPerGpuHourOverrides: { single: 1.5 } }, adviseCatalog(), SINGLE);
    if ('missing' in user || user.kind !== 'rented') throw new Error('expected rented pricing');
    expect([user.committed.dollarsPerGpuHour, user.elastic?.dollarsPerGpuHour]).toEqual([1.5, 1.5]);
    const owned = platformPricing({ ...request, pricing: { kind: 'owned' } }, adviseCatalog(), SINGLE);
    if ('missing' in owned || owned.kind !== 'owned') throw new Error('expected owned pricing');
    expect(owned.capitalDollarsPerGpuHour).toBeCloseTo(30_000 / (4 * 8766), 9);
  });
});

describe('power and fleet cost', () => {
  it('P(u) = Pidle + (Pfull - Pidle) u: all-in watts include the facility, idle gets PUE', () => {
    const power = powerModel(SINGLE, 1.2);
    expect(power).toEqual({ idleWatts: 310 * 1.2, fullWatts: 1730, basis: 'all-in' });
    // 1 GPU for 60 minutes, half of it at full load: (372 x 60 + (1730 - 372) x 30) x 60 s
    expect(fleetEnergyJoules(power, 60, 30)).toBeCloseTo((372 * 60 + (1730 - 372) * 30) * 60, 6);
  });

  it('rented: base hours at the committed price, elastic hours on demand', () => {
    const pricing = platformPricing(request, adviseCatalog(), SINGLE);
    if ('missing' in pricing) throw new Error('expected pricing');
    const power = powerModel(SINGLE, 1.2);
    expect(fleetCost(run('static-peak', 600, 0, 10, 300), pricing, power).dollars).toBeCloseTo(10 * 2, 9);
    expect(fleetCost(run('reactive-autoscale', 0, 600, 10, 300), pricing, power).dollars).toBeCloseTo(10 * 3, 9);
    expect(fleetCost(run('reserved-plus-burst', 600, 600, 10, 300), pricing, power).dollars).toBeCloseTo(20 + 30, 9);
  });

  it('owned: the peak fleet is paid all horizon, plus energy', () => {
    const pricing = platformPricing({ ...request, pricing: { kind: 'owned' } }, adviseCatalog(), SINGLE);
    if ('missing' in pricing || pricing.kind !== 'owned') throw new Error('expected owned pricing');
    const power = powerModel(SINGLE, 1.2);
    const cost = fleetCost(run('reactive-autoscale', 0, 1440, 4, 720), pricing, power);
    const capital = 4 * 24 * pricing.capitalDollarsPerGpuHour;
    const energy = (fleetEnergyJoules(power, 1440, 720) / 3.6e6) * 0.08;
    expect(cost.dollars).toBeCloseTo(capital + energy, 9);
  });
});
