/**
 * The chart spec: a Chart.js line-chart configuration made only of plain JSON data (no functions), so it
 * can be golden-tested and sent anywhere. Behaviour that Chart.js would express as callbacks is declared
 * in three tokcost plugin options that render.ts interprets.
 */
import type { ChartConfiguration, ChartType } from 'chart.js';

/** How an axis labels its ticks; numeric formats use Chart.js `ticks.format` (Intl.NumberFormat) directly. */
export type TickClockFormat = 'clock' | 'weekday-clock';

export interface ChartLabel {
  /** Data coordinates of the anchor. */
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly color: string;
}

export interface TokcostPluginOptions {
  /** Minutes from the start -> "14:00" or "Mon 12:00" (weeks start Monday 00:00 UTC). */
  tokcostTickFormat?: { x?: TickClockFormat };
  /** Text drawn next to data points (the operating point). */
  tokcostLabels?: ChartLabel[];
  /** Fill behind everything, so PNGs are not transparent. */
  tokcostBackground?: { color: string };
}

declare module 'chart.js' {
  // Type parameter name must match Chart.js's own declaration for the merge.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> extends TokcostPluginOptions {}
}

export type ChartSpec = ChartConfiguration<'line', { x: number; y: number }[]>;
