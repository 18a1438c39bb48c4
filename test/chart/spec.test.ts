import { describe, expect, it } from 'vitest';
import { costVsLoadSpec, lineChartSpec, loadAndCapacitySpec } from '../../src/chart/spec.ts';
import { clockLabel, dollarsLabel, weekdayClockLabel } from '../../src/chart/axis-format.ts';
import { expectGolden } from './golden.ts';
import { PLATFORM_NAMES, SAMPLE_OPERATING_POINT, sampleCostCurve, sampleCostCurveWithFixedFleet, sampleLoad } from './sample-data.ts';

describe('costVsLoadSpec', () => {
  it('matches the golden spec (three platforms, operating point, auto log y)', () => {
    expectGolden('cost-vs-load', costVsLoadSpec(sampleCostCurve(), SAMPLE_OPERATING_POINT, { platformNames: PLATFORM_NAMES }));
  });

  it('is plain JSON data (no functions), so it can be stored and compared', () => {
    const spec = costVsLoadSpec(sampleCostCurve(), SAMPLE_OPERATING_POINT, { platformNames: PLATFORM_NAMES });
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });

  it('orders platforms cheapest first at the operating load, names them, and marks the point', () => {
    const spec = costVsLoadSpec(sampleCostCurve(['h200', 'b200', 'mi355x']), SAMPLE_OPERATING_POINT, { platformNames: PLATFORM_NAMES });
    expect(spec.data.datasets.map((d) => d.label)).toEqual(['NVIDIA B200', 'AMD MI355X', 'NVIDIA H200', 'Your operating point']);
    expect(spec.data.datasets[3]!.data).toEqual([{ x: 35, y: 0.1486 }]);
    expect(spec.options?.plugins?.tokcostLabels).toEqual([{ x: 35, y: 0.1486, text: 'You: 35%, $0.15/M', color: '#111111' }]);
    expect(spec.data.datasets[0]!.data[0]).toEqual({ x: 10, y: 0.52 });
  });

  it('uses log y only when the spread exceeds 10x (or when told), and labels axes with units', () => {
    const wide = costVsLoadSpec(sampleCostCurve(), null);
    expect(wide.options?.scales?.y?.type).toBe('logarithmic');
    const narrow = costVsLoadSpec(sampleCostCurve().map((c) => ({ ...c, points: c.points.filter((p) => p.loadFraction >= 0.5) })), null);
    expect(narrow.options?.scales?.y?.type).toBe('linear');
    expect(costVsLoadSpec(sampleCostCurve(), null, { yLog: false }).options?.scales?.y?.type).toBe('linear');
    const x = wide.options?.scales?.x as { title: { text: string } };
    const y = wide.options?.scales?.y as { title: { text: string } };
    expect(x.title.text).toBe('Mean load (% of the fleet capacity at the SLO)');
    expect(y.title.text).toMatch(/^\$ per 1M output tokens/);
  });

  it('draws the fixed fleet solid, re-sized lines dashed, and the You marker on its own line (which passes through it)', () => {
    const onFixed = { ...SAMPLE_OPERATING_POINT, onLine: 'fixed-fleet' as const };
    const spec = costVsLoadSpec(sampleCostCurveWithFixedFleet(), onFixed, { platformNames: PLATFORM_NAMES });
    expectGolden('cost-vs-load-fixed-fleet', spec);
    const labels = spec.data.datasets.map((d) => d.label);
    expect(labels[0]).toBe('NVIDIA B200, 8 GPUs held fixed (covers your peak up to 25%)');
    expect(labels).toContain('NVIDIA B200, re-sized for each load');
    expect(labels[labels.length - 1]).toBe('You (on "NVIDIA B200, 8 GPUs held fixed (covers your peak up to 25%)")');
    const fixedLine = spec.data.datasets[0]!.data as { x: number; y: number }[];
    expect(fixedLine).toContainEqual({ x: 35, y: SAMPLE_OPERATING_POINT.effectiveDollarsPerMillionOutputTokens });
    // On an elastic recommendation the marker sits on the re-sized line, which is drawn through it.
    const onResized = costVsLoadSpec(sampleCostCurveWithFixedFleet(), { ...SAMPLE_OPERATING_POINT, effectiveDollarsPerMillionOutputTokens: 0.12, onLine: 're-sized' }, { platformNames: PLATFORM_NAMES });
    const resized = onResized.data.datasets.find((d) => d.label === 'NVIDIA B200, re-sized for each load')!.data as { x: number; y: number }[];
    expect(resized).toContainEqual({ x: 35, y: 0.12 });
    expect(onResized.data.datasets.at(-1)!.label).toBe('You (on "NVIDIA B200, re-sized for each load")');
    expect(onResized.options?.plugins?.subtitle).toMatchObject({ text: expect.stringMatching(/Your mean load: 35% of the NVIDIA B200 fleet's capacity at the SLO/) });
  });

  it('keeps the operating platform even when it is not among the leaders', () => {
    const point = { platform: 'h100', loadFraction: 0.5, effectiveDollarsPerMillionOutputTokens: 0.4 };
    const spec = costVsLoadSpec(sampleCostCurve(['b200', 'h200', 'mi355x', 'h100']), point, { maxPlatforms: 2 });
    expect(spec.data.datasets.map((d) => d.label)).toEqual(['b200', 'h100', 'Your operating point']);
  });
});

describe('loadAndCapacitySpec', () => {
  it('matches the golden spec for a day (diurnal 4x, two policies)', () => {
    const { loadSeries, capacitySeries } = sampleLoad('day');
    expectGolden('load-capacity-day', loadAndCapacitySpec(loadSeries, capacitySeries));
  });

  it('matches the golden spec for a week, reduced to <= 720 points per line', () => {
    const { loadSeries, capacitySeries } = sampleLoad('week');
    const spec = loadAndCapacitySpec(loadSeries, capacitySeries);
    expectGolden('load-capacity-week', spec);
    for (const dataset of spec.data.datasets) expect(dataset.data.length).toBeLessThanOrEqual(721);
    expect(spec.options?.plugins?.tokcostTickFormat).toEqual({ x: 'weekday-clock' });
  });

  it('draws capacity as stepped lines that never understate the provisioned maximum', () => {
    const { loadSeries, capacitySeries } = sampleLoad('week');
    const spec = loadAndCapacitySpec(loadSeries, capacitySeries);
    const reactive = spec.data.datasets[2]!;
    expect(reactive.stepped).toBe('after');
    expect(Math.max(...reactive.data.map((p) => p.y))).toBe(Math.max(...capacitySeries[1]!.requestsPerSecond));
    expect(reactive.data.at(-1)!.x).toBe(10080);
  });
});

describe('lineChartSpec', () => {
  it('matches the golden spec for a generic chart with a marker and log y', () => {
    expectGolden(
      'line-generic',
      lineChartSpec({
        title: 'Cost per token vs batch size',
        xLabel: 'Concurrent requests per replica',
        yLabel: '$ per 1M output tokens',
        series: [
          { label: 'B200', points: [1, 8, 64, 256].map((b) => ({ x: b, y: 2 / Math.sqrt(b) })) },
          { label: 'MI355X', points: [1, 8, 64, 256].map((b) => ({ x: b, y: 2.6 / Math.sqrt(b) })), dashed: true },
        ],
        markers: [{ x: 64, y: 0.25, label: 'chosen' }],
        yLog: true,
        yFormat: 'dollars',
      }),
    );
  });
});

describe('axis labels', () => {
  it('formats minutes as clock and weekday times, and dollars for labels', () => {
    expect(clockLabel(840)).toBe('14:00');
    expect(clockLabel(1440 + 75)).toBe('01:15');
    expect(weekdayClockLabel(0)).toBe('Mon 00:00');
    expect(weekdayClockLabel(2160)).toBe('Tue 12:00');
    expect(weekdayClockLabel(10080)).toBe('Mon 00:00');
    expect(dollarsLabel(0.42)).toBe('$0.42');
    expect(dollarsLabel(0.052)).toBe('$0.052');
    // The CLI's and Slack's rule (format.ts): no trailing zero ("$0.09", not "$0.090"), whole dollars from $100.
    expect(dollarsLabel(0.0903)).toBe('$0.09');
    expect(dollarsLabel(1461.2)).toBe('$1,461');
  });
});
