/**
 * Spec types of the planning-report charts (TCO bars, crossover grid, batch sweep): Chart.js
 * configurations of plain JSON data like spec-types.ts, plus two tokcost plugin options that
 * render-report.ts interprets: category tick labels on linear axes, and coloured grid cells with text.
 */
import type { ChartConfiguration, ChartType } from 'chart.js';

/** One cell of a grid drawn behind the datasets, centred on (x, y) in data units, 1 x 1 in size. */
export interface GridCell {
  readonly x: number;
  readonly y: number;
  readonly color: string;
  /** Up to two lines, centred. */
  readonly lines: readonly string[];
  /** Outline the cell (the user's own point). */
  readonly highlight?: boolean;
}

export interface ReportPluginOptions {
  /** Labels for integer ticks 0, 1, 2 ... of linear axes (a grid's rows and columns). */
  tokcostCategoryTicks?: { x?: readonly string[]; y?: readonly string[] };
  tokcostGrid?: { cells: readonly GridCell[] };
  /** Text at the end of each horizontal bar stack: one label per stack and category. */
  tokcostBarTotals?: { labels: readonly { readonly stack: string; readonly index: number; readonly text: string }[] };
}

declare module 'chart.js' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> extends ReportPluginOptions {}
}

export type ReportChartSpec = ChartConfiguration<'bar' | 'line', unknown[], unknown>;
