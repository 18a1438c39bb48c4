/**
 * Chart specs (pure): Chart.js configurations as plain JSON data, built from engine report data.
 * Render them with render.ts; golden-test them as JSON.
 */
export { lineChartSpec, type AxisFormat, type ChartMarker, type LineChartInput, type LineSeries } from './line-chart-spec.ts';
export { costVsLoadSpec, type CostCurve, type CostVsLoadOptions, type OperatingPoint } from './cost-vs-load-spec.ts';
export { loadAndCapacitySpec, type CapacitySeriesInput, type LoadAndCapacityOptions, type LoadSeriesInput } from './load-capacity-spec.ts';
export type { ChartLabel, ChartSpec, TickClockFormat } from './spec-types.ts';
