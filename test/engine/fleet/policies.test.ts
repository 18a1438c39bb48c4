import { describe, expect, it } from 'vitest';
import type { AdviceRequest, PolicyKind } from '../../../src/engine/advice-types.ts';
import { platformPricing } from '../../../src/engine/cost/platform-pricing.ts';
import { POLICIES, policiesFor, policyOf } from '../../../src/engine/fleet/policies/index.ts';
import { DEFAULT_POLICY_PARAMETERS } from '../../../src/engine/fleet/policy-parameters.ts';
import type { LoadProfile } from '../../../src/engine/fleet/simulate-fleet.ts';
import type { Pool } from '../../../src/engine/fleet/types.ts';
import { adviseCatalog, OTHER_VENDOR, SINGLE } from '../../fixtures/engine/advise-catalog.ts';

const pool: Pool = { role: 'replica', gpusPerWorker: 1, fullRequestsPerSecond: 10, ceilingFraction: 0.8, sloRequestsPerSecond: 8 };
// A day at 1-minute steps: 4 req/s at night, 40 req/s (5 workers at 8 req/s) for the middle 6 hours.
const series = Float64Array.from({ length: 1440 }, (_, m) => (m >= 540 && m < 900 ? 40 : 4));
const load: LoadProfile = { requestsPerSecond: series, peakRequestsPerSecond: 40, meanRequestsPerSecond: 13, baseRequestsPerSecond: 4 };
const request: AdviceRequest = { modelId: 'dense-8b', inputTokens: 1000, outputTokens: 200, meanRequestsPerSecond: 10, shape: { kind: 'flat' }, horizon: 'day', latency: {}, pricing: { kind: 'rented' } };

const range = (workers: ReturnType<(typeof POLICIES)[number]['workers']>) =>
  typeof workers === 'number' ? [workers, workers] : [Math.min(...workers.paid), Math.max(...workers.paid)];

describe('provisioning policies', () => {
  it('the registry holds one policy per kind, each found by its kind', () => {
    const kinds: PolicyKind[] = ['static-peak', 'reactive-autoscale', 'scale-to-zero', 'reserved-plus-burst'];
    expect(POLICIES.map((p) => p.kind).sort()).toEqual([...kinds].sort());
    for (const kind of kinds) expect(policyOf(kind).kind).toBe(kind);
  });

  it('static keeps the peak fleet (ceil(40 / 8) = 5 workers) all day, all at the base price', () => {
    const p = policyOf('static-peak');
    expect(range(p.workers(pool, load, 3, DEFAULT_POLICY_PARAMETERS))).toEqual([5, 5]);
    expect(p.baseWorkers(pool, load)).toBe(5);
    expect(p.elastic).toBe(false);
  });

  it('autoscaling follows demand between 1 and the peak; reserved-plus-burst never drops below its base', () => {
    expect(range(policyOf('reactive-autoscale').workers(pool, load, 3, DEFAULT_POLICY_PARAMETERS))).toEqual([1, 5]); // wants ceil(40 / (8 x 0.9)) = 6, capped at the peak fleet
    const burst = policyOf('reserved-plus-burst');
    expect(burst.baseWorkers(pool, load)).toBe(1);
    const zeroLoad: LoadProfile = { ...load, requestsPerSecond: series.map((v, m) => (m < 60 ? 0 : v)) };
    expect(range(policyOf('scale-to-zero').workers(pool, zeroLoad, 3, DEFAULT_POLICY_PARAMETERS))[0]).toBe(0);
  });

  it('elastic policies need an hourly price: a term tier scales on on-demand, never on the reservation', () => {
    const rented = platformPricing(request, adviseCatalog(), SINGLE);
    if ('missing' in rented) throw new Error('expected pricing');
    expect(policiesFor(rented, false)).toEqual(['static-peak', 'reactive-autoscale', 'reserved-plus-burst']);
    expect(policiesFor(rented, true)).toContain('scale-to-zero');
    const term = platformPricing({ ...request, pricing: { kind: 'rented', tier: 'rental-3y-neocloud' } }, adviseCatalog(), SINGLE);
    if ('missing' in term || term.kind !== 'rented') throw new Error('expected rented pricing');
    expect(policyOf('static-peak').prices(term).base.commitment).toBe('reserved-3y');
    expect(policyOf('reactive-autoscale').prices(term).base).toMatchObject({ commitment: 'on-demand', dollarsPerGpuHour: 3 });
    expect(term.notes.join(' ')).toMatch(/paid around the clock/);
    // Only an on-demand price: every policy pays it, and there is no reserved base to burst from.
    const hourly = platformPricing(request, adviseCatalog(), OTHER_VENDOR);
    if ('missing' in hourly) throw new Error('expected pricing');
    expect(policiesFor(hourly, false)).toEqual(['static-peak', 'reactive-autoscale']);
  });
});
