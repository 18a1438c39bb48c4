/**
 * Chart rendering speed: median of 20 renders per chart (after 3 warm-ups), 800x450 logical at device pixel
 * ratio 2 (1600x900 PNG) and 1. Target: < 150 ms per chart on a 2-core machine.
 * Run: npx tsx bench/chart.bench.ts
 */
import { cpus } from 'node:os';
import { renderChartPng } from '../src/chart/render.ts';
import { costVsLoadSpec, loadAndCapacitySpec, type ChartSpec } from '../src/chart/spec.ts';
import { PLATFORM_NAMES, SAMPLE_OPERATING_POINT, sampleCostCurve, sampleLoad } from '../test/chart/sample-data.ts';

const RUNS = 20;
const day = sampleLoad('day');
const week = sampleLoad('week');
const charts: Record<string, ChartSpec> = {
  'cost vs load (log y)': costVsLoadSpec(sampleCostCurve(), SAMPLE_OPERATING_POINT, { platformNames: PLATFORM_NAMES }),
  'load + capacity, day': loadAndCapacitySpec(day.loadSeries, day.capacitySeries),
  'load + capacity, week': loadAndCapacitySpec(week.loadSeries, week.capacitySeries),
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

console.log(`chart render, median of ${RUNS} (${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'})`);
for (const devicePixelRatio of [2, 1]) {
  for (const [name, spec] of Object.entries(charts)) {
    for (let i = 0; i < 3; i++) renderChartPng(spec, { devicePixelRatio });
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      bytes = renderChartPng(spec, { devicePixelRatio }).length;
      times.push(performance.now() - start);
    }
    console.log(`  ${name.padEnd(24)} dpr ${devicePixelRatio}: ${median(times).toFixed(1)} ms  (${(bytes / 1024).toFixed(0)} KiB PNG)`);
  }
}
