/**
 * The core chart: effective $ per 1M output tokens against mean load (% of the recommended fleet's
 * capacity at the SLO). Per leading platform a dashed line re-sized for each load; for the operating
 * platform also a solid line of its fleet held fixed (cost / utilization, the thesis: never rises with
 * load). The "You" marker is drawn on the line it belongs to, and that line passes through it (pure).
 */
import type { AdviceReport } from '../engine/advice-types.ts';
import { dollarsLabel } from './axis-format.ts';
import { lineChartSpec, type LineSeries } from './line-chart-spec.ts';
import type { ChartSpec } from './spec-types.ts';
import { compareText } from '../engine/text-order.ts';

export type CostCurve = AdviceReport['costCurve'];

export interface OperatingPoint {
  readonly platform: string;
  /** Mean load as a fraction of the recommended fleet's capacity at the SLO (0..1). */
  readonly loadFraction: number;
  readonly effectiveDollarsPerMillionOutputTokens: number;
  /** The line the point lies on (default: the re-sized line). */
  readonly onLine?: 'fixed-fleet' | 're-sized';
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
/** The fixed fleet is the thesis line: drawn solid and dark, the re-sized lines dashed in the palette. */
const FIXED_FLEET_COLOR = '#222222';

export function costVsLoadSpec(costCurve: CostCurve, operatingPoint: OperatingPoint | null, options: CostVsLoadOptions = {}): ChartSpec {
  const rankAt = operatingPoint?.loadFraction ?? 1;
  const ranked = costCurve
    .map((curve) => ({ curve, cost: costAt(curve.points, rankAt) }))
    .filter((entry) => entry.curve.points.length > 0)
    .sort((a, b) => a.cost - b.cost || compareText(a.curve.platform, b.curve.platform));
  const shown = ranked.slice(0, options.maxPlatforms ?? 5);
  const mine = ranked.find((entry) => entry.curve.platform === operatingPoint?.platform);
  if (mine && !shown.includes(mine)) shown[shown.length - 1] = mine;
  const name = (id: string) => options.platformNames?.[id] ?? id;
  const lowest = Math.min(MIN_LOAD_FRACTION, operatingPoint?.loadFraction ?? 1);
  const inRange = (p: { loadFraction: number }) => p.loadFraction >= lowest - 1e-9 && p.loadFraction <= 1 + 1e-9;
  const xy = (p: { loadFraction: number; effectiveDollarsPerMillionOutputTokens: number }) => ({ x: round(p.loadFraction * 100), y: p.effectiveDollarsPerMillionOutputTokens });
  const fixedCurve = mine?.curve.fixedFleet;
  const markerOnFixed = operatingPoint?.onLine === 'fixed-fleet' && fixedCurve !== undefined;
  const hasFixed = fixedCurve !== undefined;
  const resizedLabel = (id: string) => (hasFixed ? `${name(id)}, re-sized for each load` : name(id));
  const covers = fixedCurve ? Math.round(fixedCurve.coversPeakUpToLoadFraction * 100) : 100;
  const fixedLabel = fixedCurve && operatingPoint ? `${name(operatingPoint.platform)}, ${fixedCurve.gpus} GPUs held fixed${covers < 100 ? ` (covers your peak up to ${covers}%)` : ''}` : '';
  const series: LineSeries[] = shown.map(({ curve }) => {
    const points = curve.points.filter(inRange).map(xy);
    // The user's own point is the re-sized line's value at scale 1: drawn through it when the marker sits there.
    const own = operatingPoint && !markerOnFixed && curve.platform === operatingPoint.platform && inRange(operatingPoint) ? [xy(operatingPoint)] : [];
    return { label: resizedLabel(curve.platform), points: [...points, ...own].sort((a, b) => a.x - b.x), ...(hasFixed ? { dashed: true } : {}) };
  });
  if (fixedCurve) series.unshift({ label: fixedLabel, points: fixedCurve.points.filter(inRange).map(xy), color: FIXED_FLEET_COLOR });
  const ys = series.flatMap((s) => s.points.map((p) => p.y)).concat(operatingPoint ? [operatingPoint.effectiveDollarsPerMillionOutputTokens] : []);
  const spread = Math.max(...ys) / Math.min(...ys);
  const yLog = options.yLog === undefined || options.yLog === 'auto' ? spread > 10 : options.yLog;
  // Whole percent: the load itself is an estimate, more digits would claim precision it lacks.
  const opPercent = operatingPoint ? Math.round(operatingPoint.loadFraction * 100) : undefined;
  const xMin = opPercent !== undefined && opPercent < 10 ? 0 : 10;
  return lineChartSpec({
    title: options.title ?? 'Effective cost per token vs load',
    subtitle: operatingPoint
      ? `Lower is better. Your mean load: ${opPercent}% of the ${name(operatingPoint.platform)} fleet's capacity at the SLO, ${dollarsLabel(operatingPoint.effectiveDollarsPerMillionOutputTokens)} per 1M output tokens`
      : 'Lower is better. Idle capacity is paid for: cost per token rises as load falls',
    xLabel: operatingPoint ? "Mean load (% of the recommended fleet's capacity at the SLO)" : 'Mean load (% of the fleet capacity at the SLO)',
    yLabel: yLog ? '$ per 1M output tokens (log scale)' : '$ per 1M output tokens',
    series,
    markers: operatingPoint
      ? [{ x: round(operatingPoint.loadFraction * 100), y: operatingPoint.effectiveDollarsPerMillionOutputTokens, label: `You: ${opPercent}%, ${dollarsLabel(operatingPoint.effectiveDollarsPerMillionOutputTokens)}/M`, legend: hasFixed ? `You (on "${markerOnFixed ? fixedLabel : resizedLabel(operatingPoint.platform)}")` : 'Your operating point' }]
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
