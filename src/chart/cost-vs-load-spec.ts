/**
 * The core chart: effective $ per 1M output tokens against mean load (% of the fleet's provisioned
 * capacity), one line per leading platform, with the user's operating point marked (pure).
 */
import type { AdviceReport } from '../engine/advice-types.ts';
import { dollarsLabel } from './axis-format.ts';
import { lineChartSpec, type LineSeries } from './line-chart-spec.ts';
import type { ChartSpec } from './spec-types.ts';

export type CostCurve = AdviceReport['costCurve'];

export interface OperatingPoint {
  readonly platform: string;
  /** Mean load as a fraction of provisioned capacity (0..1). */
  readonly loadFraction: number;
  readonly effectiveDollarsPerMillionOutputTokens: number;
}

export interface CostVsLoadOptions {
  readonly title?: string;
  /** Display names by platform id (legend); ids are shown where absent. */
  readonly platformNames?: Readonly<Record<string, string>>;
  /** How many platforms to draw, cheapest at the operating load first (default 5). */
  readonly maxPlatforms?: number;
  /** 'auto' (default): log y when the highest shown cost is more than 10x the lowest. */
  readonly yLog?: boolean | 'auto';
}

const MIN_LOAD_FRACTION = 0.1;

export function costVsLoadSpec(costCurve: CostCurve, operatingPoint: OperatingPoint | null, options: CostVsLoadOptions = {}): ChartSpec {
  const rankAt = operatingPoint?.loadFraction ?? 1;
  const ranked = costCurve
    .map((curve) => ({ curve, cost: costAt(curve.points, rankAt) }))
    .filter((entry) => entry.curve.points.length > 0)
    .sort((a, b) => a.cost - b.cost || a.curve.platform.localeCompare(b.curve.platform));
  const shown = ranked.slice(0, options.maxPlatforms ?? 5);
  const mine = ranked.find((entry) => entry.curve.platform === operatingPoint?.platform);
  if (mine && !shown.includes(mine)) shown[shown.length - 1] = mine;
  const name = (id: string) => options.platformNames?.[id] ?? id;
  const series: LineSeries[] = shown.map(({ curve }) => ({
    label: name(curve.platform),
    points: curve.points
      .filter((p) => p.loadFraction >= MIN_LOAD_FRACTION - 1e-9 && p.loadFraction <= 1 + 1e-9)
      .map((p) => ({ x: round(p.loadFraction * 100), y: p.effectiveDollarsPerMillionOutputTokens })),
  }));
  const ys = series.flatMap((s) => s.points.map((p) => p.y)).concat(operatingPoint ? [operatingPoint.effectiveDollarsPerMillionOutputTokens] : []);
  const spread = Math.max(...ys) / Math.min(...ys);
  const yLog = options.yLog === undefined || options.yLog === 'auto' ? spread > 10 : options.yLog;
  // Whole percent: the load itself is an estimate, more digits would claim precision it lacks.
  const opPercent = operatingPoint ? Math.round(operatingPoint.loadFraction * 100) : undefined;
  const xMin = opPercent !== undefined && opPercent < 10 ? 0 : 10;
  return lineChartSpec({
    title: options.title ?? 'Effective cost per token vs load',
    subtitle: operatingPoint
      ? `Lower is better. Your load: ${opPercent}% of capacity on ${name(operatingPoint.platform)}, ${dollarsLabel(operatingPoint.effectiveDollarsPerMillionOutputTokens)} per 1M output tokens`
      : 'Lower is better. Idle capacity is paid for: cost per token rises as load falls',
    xLabel: 'Mean load (% of provisioned capacity)',
    yLabel: yLog ? '$ per 1M output tokens (log scale)' : '$ per 1M output tokens',
    series,
    markers: operatingPoint
      ? [{ x: opPercent!, y: operatingPoint.effectiveDollarsPerMillionOutputTokens, label: `You: ${opPercent}%, ${dollarsLabel(operatingPoint.effectiveDollarsPerMillionOutputTokens)}/M`, legend: 'Your operating point' }]
      : [],
    yLog,
    xFormat: 'percent',
    yFormat: 'dollars',
    xRange: { min: xMin, max: 100, step: 10 },
    yBeginAtZero: true,
  });
}

/** Cost at `loadFraction`, linear between the curve's points, flat beyond its ends. */
function costAt(points: CostCurve[number]['points'], loadFraction: number): number {
  const sorted = [...points].sort((a, b) => a.loadFraction - b.loadFraction);
  const first = sorted[0];
  if (!first) return Infinity;
  if (loadFraction <= first.loadFraction) return first.effectiveDollarsPerMillionOutputTokens;
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    if (loadFraction <= b.loadFraction) {
      const w = (loadFraction - a.loadFraction) / (b.loadFraction - a.loadFraction);
      return a.effectiveDollarsPerMillionOutputTokens * (1 - w) + b.effectiveDollarsPerMillionOutputTokens * w;
    }
  }
  return sorted[sorted.length - 1]!.effectiveDollarsPerMillionOutputTokens;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
