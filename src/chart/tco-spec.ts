/**
 * TCO chart (pure): price per 1M tokens per platform as horizontal bars, rented and owned side by side,
 * each bar split into the input (prefill) and output (decode) part of the price by GPU-time share, with
 * the total written at the bar's end. Spec-only platforms carry an asterisk.
 */
import type { TcoFigures, TcoReport } from '../engine/reports/tco.ts';
import { dollarsLabel } from './axis-format.ts';
import { BACKGROUND_COLOR, GRID_COLOR, TEXT_COLOR } from './palette.ts';
import type { ReportChartSpec } from './report-chart-types.ts';

const COLORS = {
  rented: { output: '#0072B2', input: '#56B4E9' },
  owned: { output: '#D55E00', input: '#E69F00' },
} as const;

export interface TcoSpecOptions {
  /** Platforms drawn, cheapest by the report's primary pricing first (default 8). */
  readonly maxPlatforms?: number;
}

type PricingKind = 'rented' | 'owned';

export function tcoSpec(report: TcoReport, options: TcoSpecOptions = {}): ReportChartSpec {
  const rows = report.rows.slice(0, options.maxPlatforms ?? 8);
  const total = report.request.inputTokens + report.request.outputTokens;
  const pricings: PricingKind[] = report.primaryPricing === 'owned' ? ['owned', 'rented'] : ['rented', 'owned'];
  const shown = pricings.filter((p) => rows.some((r) => r[p]));
  const figures = (row: TcoReport['rows'][number], p: PricingKind): TcoFigures | null => row[p];
  const part = (f: TcoFigures | null, kind: 'input' | 'output') =>
    f === null ? null : kind === 'input' ? (f.dollarsPerMillionInputTokens * report.request.inputTokens) / total : (f.dollarsPerMillionOutputTokens * report.request.outputTokens) / total;
  const datasets = shown.flatMap((p) =>
    (['input', 'output'] as const).map((kind) => ({
      label: `${p} · ${kind === 'input' ? 'input (prefill)' : 'output (decode)'}`,
      data: rows.map((r) => part(figures(r, p), kind)),
      backgroundColor: COLORS[p][kind],
      borderWidth: 0,
      stack: p,
      barPercentage: 0.9,
      categoryPercentage: 0.8,
    })),
  );
  const labels = shown.flatMap((p) =>
    rows.flatMap((r, index) => {
      const f = figures(r, p);
      return f ? [{ stack: p, index, text: dollarsLabel(f.dollarsPerMillionTotalTokens) }] : [{ stack: p, index, text: `no ${p} price` }];
    }),
  );
  const r = report.request;
  return {
    type: 'bar',
    data: { labels: rows.map((row) => `${row.shortName}${row.basis === 'spec-only' ? ' *' : ''}`), datasets },
    options: {
      indexAxis: 'y',
      animation: false,
      responsive: false,
      layout: { padding: { top: 4, right: 56, bottom: 4, left: 8 } },
      scales: {
        x: {
          type: 'linear',
          stacked: true,
          beginAtZero: true,
          title: { display: true, text: '$ per 1M tokens (input + output) at your load', color: TEXT_COLOR, font: { size: 13 } },
          grid: { color: GRID_COLOR },
          ticks: { color: TEXT_COLOR, format: { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 3 } },
        },
        y: { type: 'category', stacked: true, grid: { display: false }, ticks: { color: TEXT_COLOR, font: { size: 12 } } },
      },
      plugins: {
        title: { display: true, text: 'Price per 1M tokens by platform: rented vs owned', color: TEXT_COLOR, font: { size: 17, weight: 'bold' }, padding: { top: 6, bottom: 2 } },
        subtitle: {
          display: true,
          text: `${r.modelId}, ${r.inputTokens} in / ${r.outputTokens} out, ${r.meanRequestsPerSecond} req/s. Bars split by GPU time: prefill (input) vs decode (output). * spec-only estimate`,
          color: '#555555',
          font: { size: 12 },
          padding: { bottom: 6 },
        },
        legend: { display: true, position: 'bottom', labels: { color: TEXT_COLOR, boxWidth: 14, boxHeight: 10, padding: 12, font: { size: 12 } } },
        tooltip: { enabled: false },
        tokcostBackground: { color: BACKGROUND_COLOR },
        tokcostBarTotals: { labels },
      },
    },
  } as ReportChartSpec;
}
