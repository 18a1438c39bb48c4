/**
 * Load over the horizon (requests/s vs time of day or week) with the capacity each policy provisions as
 * stepped lines (pure). Series are reduced to at most ~720 points for drawing: load by bucket mean,
 * capacity by bucket max (never understate what is provisioned).
 */
import type { AdviceReport } from '../engine/advice-types.ts';
import { lineChartSpec, type LineSeries } from './line-chart-spec.ts';
import { seriesColor } from './palette.ts';
import type { ChartSpec } from './spec-types.ts';

export interface LoadSeriesInput {
  readonly stepMinutes: number;
  readonly requestsPerSecond: ArrayLike<number>;
}

/** One entry per policy, on the same steps as the load. */
export type CapacitySeriesInput = readonly { readonly label: string; readonly requestsPerSecond: ArrayLike<number> }[];

export interface LoadAndCapacityOptions {
  readonly title?: string;
}

const MAX_POINTS = 720;
const BUCKET_MINUTES = [1, 2, 5, 10, 15, 30, 60, 120] as const;

export function loadAndCapacitySpec(
  loadSeries: LoadSeriesInput | AdviceReport['loadSeries'],
  capacitySeries: CapacitySeriesInput | AdviceReport['capacitySeries'],
  options: LoadAndCapacityOptions = {},
): ChartSpec {
  const step = loadSeries.stepMinutes;
  const totalMinutes = loadSeries.requestsPerSecond.length * step;
  const isWeek = totalMinutes > 1440;
  const bucketMinutes = BUCKET_MINUTES.find((b) => b >= step && totalMinutes / b <= MAX_POINTS) ?? Math.ceil(totalMinutes / MAX_POINTS);
  const stepsPerBucket = Math.max(1, Math.round(bucketMinutes / step));
  const load = reduce(loadSeries.requestsPerSecond, stepsPerBucket, step, 'mean');
  const peak = Math.max(...Array.from(loadSeries.requestsPerSecond));
  const mean = Array.from(loadSeries.requestsPerSecond).reduce((sum, v) => sum + v, 0) / loadSeries.requestsPerSecond.length;
  const series: LineSeries[] = [
    { label: 'Load (requests/s)', points: load, color: seriesColor(0), fill: true },
    ...capacitySeries.map((capacity, index) => ({
      label: `Capacity: ${capacity.label}`,
      points: withEnd(reduce(capacity.requestsPerSecond, stepsPerBucket, step, 'max'), totalMinutes),
      color: seriesColor(index + 1),
      stepped: true,
      dashed: index % 2 === 1,
    })),
  ];
  return lineChartSpec({
    title: options.title ?? 'Load and provisioned capacity',
    subtitle: `Peak ${formatRate(peak)} req/s, mean ${formatRate(mean)} req/s (peak/mean ${(peak / mean).toFixed(1)}x); times in UTC`,
    xLabel: isWeek ? 'Day and time (UTC)' : 'Time of day (UTC)',
    yLabel: 'Requests per second',
    series,
    xFormat: isWeek ? 'weekday-clock' : 'clock',
    xRange: { min: 0, max: totalMinutes, step: isWeek ? 720 : 180 },
    yBeginAtZero: true,
  });
}

function reduce(values: ArrayLike<number>, stepsPerBucket: number, step: number, how: 'mean' | 'max') {
  const points: { x: number; y: number }[] = [];
  for (let start = 0; start < values.length; start += stepsPerBucket) {
    const end = Math.min(values.length, start + stepsPerBucket);
    let sum = 0;
    let max = -Infinity;
    for (let i = start; i < end; i++) {
      sum += values[i]!;
      max = Math.max(max, values[i]!);
    }
    points.push({ x: start * step, y: roundRate(how === 'mean' ? sum / (end - start) : max) });
  }
  return points;
}

/** A stepped line needs a closing point so its last step reaches the end of the horizon. */
function withEnd(points: { x: number; y: number }[], totalMinutes: number) {
  const last = points[points.length - 1];
  return last ? [...points, { x: totalMinutes, y: last.y }] : points;
}

function roundRate(value: number): number {
  return Number(value.toPrecision(6));
}

function formatRate(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}
