/**
 * Crossover chart (pure): a grid of throughput targets (rows, requests/s) by interactivity targets
 * (columns, output tokens/s per user), each cell coloured by its cheapest platform and labelled with it
 * and its $ per 1M output tokens; the user's own cell is outlined. A heat map drawn by the tokcostGrid
 * plugin on linear axes whose integer ticks carry the row and column labels.
 */
import type { CrossoverReport } from '../engine/reports/crossover.ts';
import { dollarsLabel } from './axis-format.ts';
import { BACKGROUND_COLOR, TEXT_COLOR, seriesColor } from './palette.ts';
import type { GridCell, ReportChartSpec } from './report-chart-types.ts';

const NONE_COLOR = '#dddddd';

export function crossoverSpec(report: CrossoverReport): ReportChartSpec {
  const winners: { platform: string; name: string; specOnly: boolean }[] = [];
  for (const row of report.cells) {
    for (const cell of row) {
      const c = cell.cheapest;
      if (c && !winners.some((w) => w.platform === c.platform)) winners.push({ platform: c.platform, name: c.shortName, specOnly: c.basis === 'spec-only' });
    }
  }
  const colorOf = (platform: string) => seriesColor(winners.findIndex((w) => w.platform === platform));
  const cells: GridCell[] = report.cells.flatMap((row, i) =>
    row.map((cell, j) => ({
      x: j,
      y: i,
      color: cell.cheapest ? colorOf(cell.cheapest.platform) : NONE_COLOR,
      lines: cell.cheapest ? [cell.cheapest.shortName, `${dollarsLabel(cell.cheapest.dollarsPerMillionOutputTokens)}/M`] : ['none meets', 'the targets'],
      ...(i === report.yourCell.row && j === report.yourCell.column ? { highlight: true } : {}),
    })),
  );
  const columns = report.outputTokensPerSecondPerUser.length;
  const rows = report.requestsPerSecond.length;
  const r = report.request;
  const datasets = winners.map((w) => ({
    label: `${w.name}${w.specOnly ? ' (spec-only)' : ''}`,
    data: [] as { x: number; y: number }[],
    backgroundColor: colorOf(w.platform),
    borderColor: colorOf(w.platform),
    pointStyle: 'rect' as const,
    showLine: false,
  }));
  const axis = (title: string, count: number) => ({
    type: 'linear' as const,
    min: -0.5,
    max: count - 0.5,
    title: { display: true, text: title, color: TEXT_COLOR, font: { size: 13 } },
    grid: { display: false },
    border: { display: false },
    ticks: { color: TEXT_COLOR, stepSize: 1, autoSkip: false },
  });
  return {
    type: 'line',
    data: { datasets },
    options: {
      animation: false,
      responsive: false,
      layout: { padding: { top: 4, right: 16, bottom: 4, left: 8 } },
      scales: {
        x: axis('Interactivity target: output tokens/s per user (TPOT = 1000 / that, ms)', columns),
        y: axis('Throughput target (req/s, steady)', rows),
      },
      plugins: {
        title: { display: true, text: 'Cheapest platform by throughput and interactivity target', color: TEXT_COLOR, font: { size: 17, weight: 'bold' }, padding: { top: 6, bottom: 2 } },
        subtitle: {
          display: true,
          text: `${r.modelId}, ${r.inputTokens} in / ${r.outputTokens} out${r.latency.ttftMs !== undefined ? `, p${r.latency.ttftPercentile ?? 95} TTFT ≤ ${r.latency.ttftMs} ms` : ''}. $ per 1M output tokens; outlined: your workload`,
          color: '#555555',
          font: { size: 12 },
          padding: { bottom: 6 },
        },
        legend: { display: true, position: 'bottom', labels: { color: TEXT_COLOR, usePointStyle: true, pointStyle: 'rect', padding: 14, font: { size: 12 } } },
        tooltip: { enabled: false },
        tokcostBackground: { color: BACKGROUND_COLOR },
        tokcostCategoryTicks: {
          x: report.outputTokensPerSecondPerUser.map((u) => `${Math.round(u)}`),
          y: report.requestsPerSecond.map((rate) => `${rate}`),
        },
        tokcostGrid: { cells },
      },
    },
  } as ReportChartSpec;
}
