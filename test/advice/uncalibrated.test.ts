/** Issue 25: without data/calibration.json the answer says so first, never quietly runs uncalibrated. */
import { describe, expect, it } from 'vitest';
import { answer } from '../../src/advice/answer.ts';
import { buildWorkload } from '../../src/advice/build-workload.ts';
import { draftOf } from '../../src/advice/workload-draft.ts';
import { loadCatalogOrThrow } from '../../src/catalog/index.ts';
import { loadCalibration } from '../../src/catalog/load-calibration.ts';
import { EMPTY_CALIBRATION } from '../../src/engine/performance/calibration.ts';

describe('a missing calibration is loud in the answer', () => {
  const catalog = loadCatalogOrThrow();
  const built = buildWorkload(draftOf({ model: 'llama-3.3-70b', inputTokens: 2000, outputTokens: 500, requestsPerSecond: 5, platforms: ['h100-sxm'] }), catalog, { door: 'flags', asOfDate: '2026-12-03' });
  if (!built.ok) throw new Error('fixture workload must build');

  it('puts the missing calibration first among the assumptions', () => {
    const report = answer(built.workload, catalog, EMPTY_CALIBRATION, 'advise');
    expect(report.assumptions[0]?.name).toBe('calibration');
    expect(report.assumptions[0]?.value).toMatch(/MISSING.*spec-only/);
  });

  it('says nothing of it when the fitted calibration is there', () => {
    const report = answer(built.workload, catalog, loadCalibration(), 'advise');
    expect(report.assumptions.some((a) => a.name === 'calibration')).toBe(false);
  });
});
