/**
 * A generic line chart spec (pure): any number of x/y series, optional point markers with labels, and
 * optional log y. The building block of every tokcost chart.
 */
import type { ChartSpec, TickClockFormat } from './spec-types.ts';
import { BACKGROUND_COLOR, GRID_COLOR, MARKER_COLOR, TEXT_COLOR, seriesColor, withAlpha } from './palette.ts';

export interface LineSeries {
  readonly label: string;
  readonly points: readonly { readonly x: number; readonly y: number }[];
  readonly color?: string;
  /** Step after each point (capacity that holds until the next change). */
  readonly stepped?: boolean;
  /** Shade the area under the line. */
  readonly fill?: boolean;
  readonly dashed?: boolean;
}

export interface ChartMarker {
  readonly x: number;
  readonly y: number;
  readonly label: string;
  /** Legend entry for the marker; the label is drawn beside the point either way. */
  readonly legend?: string;
}

/** Numeric tick formats map to Intl.NumberFormat options; clock formats are applied by the renderer. */
export type AxisFormat = 'number' | 'percent' | 'dollars' | TickClockFormat;

export interface LineChartInput {
  readonly title: string;
  readonly subtitle?: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly LineSeries[];
  readonly markers?: readonly ChartMarker[];
  readonly yLog?: boolean;
  readonly xFormat?: AxisFormat;
  readonly yFormat?: AxisFormat;
  readonly xRange?: { readonly min: number; readonly max: number; readonly step?: number };
  readonly yBeginAtZero?: boolean;
}

const NUMBER_FORMATS: Partial<Record<AxisFormat, Intl.NumberFormatOptions>> = {
  percent: { style: 'unit', unit: 'percent', maximumFractionDigits: 0 },
  dollars: { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 3 },
  number: { maximumFractionDigits: 2 },
};

export function lineChartSpec(input: LineChartInput): ChartSpec {
  const lines = input.series.map((series, index) => lineDataset(series, series.color ?? seriesColor(index)));
  const markers = (input.markers ?? []).map((marker) => ({
    label: marker.legend ?? marker.label,
    data: [{ x: marker.x, y: marker.y }],
    borderColor: MARKER_COLOR,
    backgroundColor: MARKER_COLOR,
    showLine: false,
    pointStyle: 'rectRot' as const,
    pointRadius: 8,
    pointBorderWidth: 2,
    parsing: false as const,
  }));
  const clock = [input.xFormat].filter((f): f is TickClockFormat => f === 'clock' || f === 'weekday-clock')[0];
  return {
    type: 'line',
    data: { datasets: [...lines, ...markers] },
    options: {
      animation: false,
      responsive: false,
      layout: { padding: { top: 4, right: 28, bottom: 4, left: 8 } },
      elements: { point: { radius: 0 }, line: { tension: 0 } },
      scales: {
        x: {
          type: 'linear',
          ...(input.xRange ? { min: input.xRange.min, max: input.xRange.max } : {}),
          title: { display: true, text: input.xLabel, color: TEXT_COLOR, font: { size: 13 } },
          grid: { color: GRID_COLOR },
          ticks: {
            color: TEXT_COLOR,
            maxRotation: 0,
            ...(input.xRange?.step ? { stepSize: input.xRange.step } : {}),
            ...(NUMBER_FORMATS[input.xFormat ?? 'number'] ? { format: NUMBER_FORMATS[input.xFormat ?? 'number'] } : {}),
          },
        },
        y: {
          type: input.yLog ? 'logarithmic' : 'linear',
          ...(input.yBeginAtZero && !input.yLog ? { beginAtZero: true } : {}),
          title: { display: true, text: input.yLabel, color: TEXT_COLOR, font: { size: 13 } },
          grid: { color: GRID_COLOR },
          ticks: { color: TEXT_COLOR, format: NUMBER_FORMATS[input.yFormat ?? 'number'] ?? {} },
        },
      },
      plugins: {
        title: { display: true, text: input.title, color: TEXT_COLOR, font: { size: 17, weight: 'bold' }, padding: { top: 6, bottom: input.subtitle ? 2 : 8 } },
        ...(input.subtitle ? { subtitle: { display: true, text: input.subtitle, color: '#555555', font: { size: 12 }, padding: { bottom: 6 } } } : {}),
        legend: { display: true, position: 'bottom', labels: { color: TEXT_COLOR, boxWidth: 18, boxHeight: 3, padding: 12, font: { size: 12 } } },
        tooltip: { enabled: false },
        tokcostBackground: { color: BACKGROUND_COLOR },
        ...(clock ? { tokcostTickFormat: { x: clock } } : {}),
        ...(input.markers?.length ? { tokcostLabels: input.markers.map((m) => ({ x: m.x, y: m.y, text: m.label, color: MARKER_COLOR })) } : {}),
      },
    },
  };
}

function lineDataset(series: LineSeries, color: string) {
  return {
    label: series.label,
    data: series.points.map((point) => ({ x: point.x, y: point.y })),
    borderColor: color,
    backgroundColor: series.fill ? withAlpha(color, 0.15) : color,
    borderWidth: 2.5,
    fill: series.fill ? ('origin' as const) : false,
    ...(series.stepped ? { stepped: 'after' as const } : {}),
    ...(series.dashed ? { borderDash: [6, 4] } : {}),
    parsing: false as const,
    normalized: true,
  };
}
