import { describe, expect, it } from 'vitest';
import { loadCatalogOrThrow } from '../../../src/catalog/index.ts';
import { errorSummary, crossValidate, sourceOf } from '../../../src/engine/performance/cross-validate.ts';
import { fitDataOf, servingSettingsOf } from '../../../src/engine/performance/calibrate-table.ts';
import { PRIOR_ENGINE_MULTIPLIERS } from '../../../src/engine/performance/efficiency.ts';

// Leave-one-source-out: each publication is predicted by a fit that saw none of its rows (no shared
// tables, releases or harness). These are the README's headline figures; the targets (saturated
// median 10 % / p90 30 %, partial-load TPOT 25 % / TTFT 40 %) are reached at partial load and not for
// saturated throughput; these bounds assert what is, so that a change that makes held-out error worse fails here.
describe('calibration against data/benchmarks.json, held out by source', () => {
  const data = fitDataOf(loadCatalogOrThrow());
  const errors = crossValidate(data, PRIOR_ENGINE_MULTIPLIERS, 0, 'source');

  it('scores every row with a fit that saw no row of its publication', () => {
    expect(new Set(data.points.map(sourceOf)).size).toBeGreaterThan(15);
    expect(errors.length).toBe(data.points.length);
  });

  it('predicts saturated throughput of unseen publications (reached 2026-12-05: median 11.2 %, p90 35.3 %)', () => {
    const saturated = errors.filter((e) => e.point.scenario === 'saturated' && e.throughputLogError !== null);
    const summary = errorSummary(saturated.map((e) => e.throughputLogError!));
    expect(summary.count).toBeGreaterThan(400);
    expect(summary.medianAbsFraction).toBeLessThanOrEqual(0.125);
    expect(summary.p90AbsFraction).toBeLessThanOrEqual(0.38);
  });

  // Rows run with speculative decoding or a shared-prefix dataset are reported apart (issue 24): the 3 MI300X
  // DeepSeek-R1 MTP-3 rows are ~4x off with their source held out (the MI300X fit then holds only early-2025
  // software), which moves the all-rows median from 23.5 % to 25.4 %.
  it('predicts TPOT at partial load of unseen publications within the issue 18 bar on plain rows (reached: median 23.5 %; all rows 25.4 %)', () => {
    const tpotOf = (keep: (e: (typeof errors)[number]) => boolean) => errors.flatMap((e) => (e.tpotLogError === undefined || !keep(e) ? [] : [e.tpotLogError]));
    const plain = errorSummary(tpotOf((e) => servingSettingsOf(e.point) === 'plain'));
    expect(plain.count).toBeGreaterThan(150);
    expect(plain.medianAbsFraction).toBeLessThanOrEqual(0.25);
    expect(errorSummary(tpotOf(() => true)).medianAbsFraction).toBeLessThanOrEqual(0.26);
  });

  it('predicts TTFT at partial load of unseen publications within the issue 18 bar (reached: median 37.5 %; plain rows 36.5 %)', () => {
    const ttft = errors.flatMap((e) => (e.ttftLogError === undefined ? [] : [e.ttftLogError]));
    expect(errorSummary(ttft).count).toBeGreaterThan(100);
    expect(errorSummary(ttft).medianAbsFraction).toBeLessThanOrEqual(0.4);
  });

  it('finds few measured configurations infeasible', () => {
    expect(errors.filter((e) => e.throughputLogError === null).length).toBeLessThan(3);
  });
});
