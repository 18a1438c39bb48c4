/**
 * The planning reports agree with the advice engine: same model, same prices, same fleets. Oracle: advise
 * itself (the reports must call its machinery, not copy it); tolerances are float round-off.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalogOrThrow } from '../../../src/catalog/index.ts';
import { loadCalibration } from '../../../src/catalog/load-calibration.ts';
import { EXAMPLE_REQUEST } from '../../../src/cli/advice-flags.ts';
import type { AdviceReport, AdviceRequest, Candidate } from '../../../src/engine/advice-types.ts';
import { advise } from '../../../src/engine/advise.ts';
import { batchEfficiencyReport } from '../../../src/engine/reports/batch-efficiency.ts';
import { crossoverReport } from '../../../src/engine/reports/crossover.ts';
import { lengthMix, lognormalLevels } from '../../../src/engine/reports/length-mix.ts';
import { shortPlatformName } from '../../../src/engine/reports/report-common.ts';
import { tcoReport } from '../../../src/engine/reports/tco.ts';
import { utilizationCurveReport } from '../../../src/engine/reports/utilization-curve.ts';

const catalog = loadCatalogOrThrow();
const calibration = loadCalibration();
const request: AdviceRequest = { ...EXAMPLE_REQUEST, horizon: 'day' };
const advice = advise(request, catalog, calibration);

/** advise's cheapest SLO-meeting candidate of a platform (ranking order). */
function bestOf(report: AdviceReport, platform: string, keep: (c: Candidate) => boolean = () => true): Candidate {
  return report.candidates.find((c) => c.platform === platform && c.meetsSlo && keep(c))!;
}

function close(a: number, b: number, relative = 1e-9): void {
  if (Number.isNaN(b)) expect(a).toBeNaN(); // no power figure (TPUs, Inferentia): n/a on both sides
  else expect(Math.abs(a - b)).toBeLessThanOrEqual(relative * Math.abs(b));
}

describe('TCO report', () => {
  const tco = tcoReport(request, catalog, calibration);

  it('shows advise\'s cost for every platform (rented), cheapest first, the recommendation on top', () => {
    expect(tco.rows[0]!.platform).toBe(advice.recommendation!.platform);
    for (const row of tco.rows.filter((r) => r.rented)) {
      const c = bestOf(advice, row.platform);
      close(row.rented!.effectiveDollarsPerMillionOutputTokens, c.effectiveDollarsPerMillionOutputTokens);
      close(row.rented!.dollarsPerMillionTotalTokens, c.effectiveDollarsPerMillionTotalTokens);
      close(row.rented!.joulesPerOutputToken, c.joulesPerOutputToken);
    }
  });

  it('splits the cost into input and output parts that add back up to the total', () => {
    const { inputTokens, outputTokens } = request;
    for (const row of tco.rows) {
      for (const f of [row.rented, row.owned]) {
        if (!f) continue;
        expect(f.prefillGpuTimeFraction).toBeGreaterThan(0);
        expect(f.prefillGpuTimeFraction).toBeLessThan(1);
        close(f.dollarsPerMillionInputTokens * inputTokens + f.dollarsPerMillionOutputTokens * outputTokens, f.dollarsPerMillionTotalTokens * (inputTokens + outputTokens), 1e-9);
        expect(f.dollarsPerHourPerKvCacheGigabyte).toBeGreaterThan(f.dollarsPerHourPerHbmGigabyte);
      }
    }
  });

  it('owned figures are advise with purchase prices', () => {
    const owned = advise({ ...request, pricing: { kind: 'owned' } }, catalog, calibration);
    const row = tco.rows.find((r) => r.owned)!;
    close(row.owned!.effectiveDollarsPerMillionOutputTokens, bestOf(owned, row.platform).effectiveDollarsPerMillionOutputTokens);
  });
});

describe('utilization curve report', () => {
  const curve = utilizationCurveReport(request, catalog, calibration);

  it('draws advise\'s cost curves unchanged and adds other vendors\' platforms on the same load axis', () => {
    for (const drawn of advice.costCurve) {
      const mine = curve.platforms.find((p) => p.platform === drawn.platform)!;
      expect(mine.points).toEqual(drawn.points);
    }
    expect(curve.platforms.length).toBeGreaterThan(advice.costCurve.length);
    expect(new Set(curve.platforms.map((p) => p.vendor)).size).toBeGreaterThan(1);
    expect(curve.operatingPoint).toEqual(advice.costCurveOperatingPoint);
  });

  it('its cost at your load is advise\'s, and the verdict names who degrades least', () => {
    for (const p of curve.platforms) close(p.dollarsPerMillionOutputTokensAtYourLoad, bestOf(advice, p.platform).effectiveDollarsPerMillionOutputTokens);
    expect(curve.verdict).toMatch(/degrades least/);
  });
});

describe('batch efficiency report', () => {
  const batch = batchEfficiencyReport(request, catalog, calibration);

  it('at the SLO batch the cost is advise\'s full-load cost of the aggregated candidate', () => {
    expect(batch.platforms.length).toBeGreaterThan(1);
    for (const p of batch.platforms) {
      close(p.sloDollarsPerMillionOutputTokens, bestOf(advice, p.platform, (c) => c.servingMode === 'aggregated').fullLoadDollarsPerMillionOutputTokens, 1e-9);
      const atSlo = p.points.find((x) => x.batch === p.sloBatch)!;
      close(atSlo.dollarsPerMillionOutputTokens, p.sloDollarsPerMillionOutputTokens, 1e-9);
    }
  });

  it('small batches are memory-bound and cost more per token; batches past the SLO miss TPOT', () => {
    for (const p of batch.platforms) {
      expect(p.points[0]).toMatchObject({ batch: 1, bound: 'memory' });
      expect(p.points[0]!.dollarsPerMillionOutputTokens).toBeGreaterThan(p.sloDollarsPerMillionOutputTokens * 1.5);
      expect(p.points.filter((x) => x.batch > p.sloBatch).every((x) => !x.meetsTpot)).toBe(true);
      expect(p.mix!.dollarsPerMillionOutputTokens).toBeGreaterThan(0);
    }
  });
});

describe('crossover report', () => {
  const crossover = crossoverReport(request, catalog, calibration);

  it('your cell is what advise answers for the same targets and the same load shape', () => {
    const cell = crossover.cells[crossover.yourCell.row]![crossover.yourCell.column]!;
    const same = advise(request, catalog, calibration);
    expect(cell.cheapest!.platform).toBe(same.recommendation!.platform);
    close(cell.cheapest!.dollarsPerMillionOutputTokens, same.recommendation!.effectiveDollarsPerMillionOutputTokens, 1e-6);
  });

  it('covers the grid and states each change of the cheapest platform in words', () => {
    expect(crossover.cells).toHaveLength(5);
    for (const row of crossover.cells) expect(row).toHaveLength(crossover.outputTokensPerSecondPerUser.length);
    expect(crossover.outputTokensPerSecondPerUser).toContain(50);
    for (const c of crossover.crossovers) {
      expect(c.from).not.toBe(c.to);
      expect(c.text).toMatch(/overtakes|no longer/);
    }
    expect(crossover.verdict).toMatch(/cheapest/);
  });
});

describe('report helpers', () => {
  it('lognormal levels keep the mean and spread out with the CV', () => {
    const levels = lognormalLevels(2000, 0.5);
    expect(levels.reduce((a, b) => a + b, 0) / 5).toBeCloseTo(2000, -1);
    expect(levels[4]! / levels[0]!).toBeGreaterThan(2.5);
    const mix = lengthMix(2000, 400, 0.5);
    expect(mix).toHaveLength(25);
    expect(mix.reduce((a, k) => a + k.weight, 0)).toBeCloseTo(1, 12);
  });

  it('short platform names drop vendor and packaging', () => {
    expect(shortPlatformName('NVIDIA H100 SXM 80GB')).toBe('H100 SXM');
    expect(shortPlatformName('AMD Instinct MI355X')).toBe('MI355X');
    expect(shortPlatformName('Google Cloud TPU v6e (Trillium)')).toBe('TPU v6e');
    expect(shortPlatformName('NVIDIA B200 (HGX/DGX B200)')).toBe('B200');
  });
});
