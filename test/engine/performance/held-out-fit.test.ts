import { describe, expect, it } from 'vitest';
import { PRIOR_EFFICIENCIES, PRIOR_ENGINE_MULTIPLIERS } from '../../../src/engine/performance/efficiency.ts';
import { engineKey, heldOutFitFor, platformsToFit } from '../../../src/engine/performance/fit.ts';

const h100 = { ...PRIOR_EFFICIENCIES, memoryBandwidthFraction: 0.82 };
const h100Trt = { ...PRIOR_EFFICIENCIES, memoryBandwidthFraction: 0.8 };

describe('held-out rows are predicted as the product would answer for their platform', () => {
  const fitted = new Map([
    ['h100-sxm', h100],
    [engineKey('h100-sxm', 'trtllm'), h100Trt],
  ]);

  it('uses the platform\'s own fit when the fold has one', () => {
    const own = new Map([...fitted, ['gh200', { ...PRIOR_EFFICIENCIES, memoryBandwidthFraction: 0.86 }]]);
    expect(heldOutFitFor(own, 'gh200', 'vllm', PRIOR_ENGINE_MULTIPLIERS)?.efficiencies.memoryBandwidthFraction).toBe(0.86);
  });

  it('borrows the same-silicon sibling\'s fit (engine fit first) for a platform the fold never saw', () => {
    expect(heldOutFitFor(fitted, 'gh200', 'trtllm', PRIOR_ENGINE_MULTIPLIERS)?.efficiencies).toBe(h100Trt);
    expect(heldOutFitFor(fitted, 'gh200', 'sglang', PRIOR_ENGINE_MULTIPLIERS)).toEqual({ efficiencies: h100, engines: PRIOR_ENGINE_MULTIPLIERS });
  });

  it('falls to the prior (null) for a platform with neither its own fit nor a sibling', () => {
    expect(heldOutFitFor(fitted, 'a100', 'trtllm', PRIOR_ENGINE_MULTIPLIERS)).toBeNull();
  });

  it('fits the siblings a fold will borrow from, alongside the platforms it scores', () => {
    expect([...platformsToFit(['gh200', 'a100'])].sort()).toEqual(['a100', 'gh200', 'h100-sxm']);
  });
});
