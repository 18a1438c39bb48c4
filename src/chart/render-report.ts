/**
 * Renders the planning-report charts (bar charts and grids as well as lines) to PNG: registers the bar
 * components and the report plugins on top of render.ts's setup, and turns the spec's category tick
 * labels into Chart.js callbacks (a JSON spec holds no functions). Same canvas, fonts and size defaults.
 */
import { canvasFor } from './canvas-pool.ts';
import { BarController, BarElement, CategoryScale, Chart, type ChartConfiguration } from 'chart.js';
import { barTotalsPlugin, gridPlugin } from './report-plugins.ts';
import type { ReportChartSpec } from './report-chart-types.ts';
import { renderChartPng, setupChartRendering, type RenderOptions } from './render.ts';
import type { ChartSpec } from './spec-types.ts';

let registered = false;

function setup(): void {
  setupChartRendering();
  if (registered) return;
  Chart.register(BarController, BarElement, CategoryScale, gridPlugin, barTotalsPlugin);
  registered = true;
}

/** PNG of a report chart spec (default 800 x 450 logical pixels at device pixel ratio 2). */
export function renderReportChartPng(spec: ReportChartSpec | ChartSpec, options: RenderOptions = {}): Buffer {
  setup();
  const ticks = (spec.options?.plugins as { tokcostCategoryTicks?: { x?: readonly string[]; y?: readonly string[] } } | undefined)?.tokcostCategoryTicks;
  if (spec.type === 'line' && !ticks) return renderChartPng(spec as ChartSpec, options);
  const { widthPx = 800, heightPx = 450, devicePixelRatio = 2 } = options;
  const canvas = canvasFor(widthPx, heightPx);
  const config = structuredClone(spec) as ChartConfiguration;
  for (const axis of ['x', 'y'] as const) {
    const labels = ticks?.[axis];
    const scale = config.options?.scales?.[axis];
    if (!labels || !scale) continue;
    // One tick per row or column at its integer centre (a linear axis with min -0.5 would tick the edges).
    Object.assign(scale, { afterBuildTicks: (axisScale: { ticks: { value: number }[] }) => { axisScale.ticks = labels.map((_, value) => ({ value })); } });
    scale.ticks = { ...scale.ticks, callback: (value) => labels[Math.round(Number(value))] ?? '' };
  }
  config.options = { ...config.options, devicePixelRatio, responsive: false, animation: false };
  const chart = new Chart(canvas as unknown as ConstructorParameters<typeof Chart>[0], config);
  try {
    return canvas.toBuffer('image/png');
  } finally {
    chart.destroy();
  }
}
