import { describe, expect, it } from 'vitest';
import { hasSharedData } from '../shared-data-for-tests.ts';

describe.skipIf(!hasSharedData)('perf over the published set-ups of ../shared/data/benchmarks*.json', () => {
  it('answers at least 95 % of (model, accelerator, GPU count, precision) set-ups (issue 26)', async () => {
    // Imported here: the script reads ../shared/data when it loads.
    const { perfCoverage } = await import('../../scripts/perf-coverage.ts');
    const coverage = perfCoverage();
    expect(coverage.setUps).toBeGreaterThan(150);
    expect(coverage.answered / coverage.setUps).toBeGreaterThanOrEqual(0.95);
    // What still fails fails for a stated reason: a heterogeneous MLPerf system, or a stated precision that does not fit.
    for (const failure of coverage.failures) expect(failure).toMatch(/unknown-platform: unknown platform "mixed-AMD"|does-not-fit/);
  });
});
