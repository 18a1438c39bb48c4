/**
 * Chart.js plugins for the planning-report charts: coloured grid cells with centred text (crossover),
 * and totals at the end of horizontal bar stacks (TCO). Drawing only; no canvas library imported here.
 */
import type { Chart, Plugin } from 'chart.js';
import type { GridCell } from './report-chart-types.ts';

/** Relative luminance test: dark text on light fills, white on dark. */
function textColorOn(hex: string): string {
  const value = Number.parseInt(hex.replace('#', '').slice(0, 6), 16);
  const [r, g, b] = [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? '#111111' : '#ffffff';
}

export const gridPlugin: Plugin<'line', { cells?: readonly GridCell[] }> = {
  id: 'tokcostGrid',
  beforeDatasetsDraw(chart: Chart, _args, options) {
    const cells = options?.cells ?? [];
    const x = chart.scales.x;
    const y = chart.scales.y;
    if (!x || !y || cells.length === 0) return;
    const { ctx } = chart;
    ctx.save();
    for (const cell of cells) {
      const left = x.getPixelForValue(cell.x - 0.5);
      const right = x.getPixelForValue(cell.x + 0.5);
      const top = y.getPixelForValue(cell.y + 0.5);
      const bottom = y.getPixelForValue(cell.y - 0.5);
      ctx.fillStyle = cell.color;
      ctx.fillRect(left + 1.5, top + 1.5, right - left - 3, bottom - top - 3);
      if (cell.highlight) {
        ctx.lineWidth = 3;
        ctx.strokeStyle = '#111111';
        ctx.strokeRect(left + 2.5, top + 2.5, right - left - 5, bottom - top - 5);
      }
      ctx.fillStyle = textColorOn(cell.color);
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      const lineHeight = 14;
      const middle = (top + bottom) / 2 - ((cell.lines.length - 1) * lineHeight) / 2;
      cell.lines.forEach((line, i) => {
        ctx.font = `${i === 0 ? 'bold ' : ''}12px ${chart.options.font?.family ?? 'sans-serif'}`;
        ctx.fillText(line, (left + right) / 2, middle + i * lineHeight);
      });
    }
    ctx.restore();
  },
};

export const barTotalsPlugin: Plugin<'bar', { labels?: readonly { stack: string; index: number; text: string }[] }> = {
  id: 'tokcostBarTotals',
  afterDatasetsDraw(chart: Chart, _args, options) {
    const labels = options?.labels ?? [];
    if (labels.length === 0) return;
    const { ctx } = chart;
    ctx.save();
    ctx.font = `11px ${chart.options.font?.family ?? 'sans-serif'}`;
    ctx.fillStyle = '#222222';
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    for (const label of labels) {
      // The stack's last visible dataset holds the bar end.
      let end: { x: number; y: number } | undefined;
      chart.data.datasets.forEach((dataset, d) => {
        if ((dataset as { stack?: string }).stack !== label.stack || !chart.isDatasetVisible(d)) return;
        const element = chart.getDatasetMeta(d).data[label.index] as unknown as { x: number; y: number } | undefined;
        if (element && (!end || element.x > end.x)) end = { x: element.x, y: element.y };
      });
      if (end) ctx.fillText(label.text, end.x + 4, end.y);
    }
    ctx.restore();
  },
};
