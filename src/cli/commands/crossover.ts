/** `tokcost crossover`: the cheapest platform over a grid of throughput and interactivity targets, and where it changes. */
import { crossoverReport, type CrossoverReport } from '../../engine/reports/crossover.ts';
import { formatDollars, formatTable } from '../../format.ts';
import { renderPng, runPlanningCommand, type PlanningCommand } from './planning-report.ts';

export function renderCrossover(report: CrossoverReport): string {
  const r = report.request;
  const head = `Crossover: ${r.modelId}, ${r.inputTokens} in / ${r.outputTokens} out${r.latency.ttftMs !== undefined ? `, p${r.latency.ttftPercentile ?? 95} TTFT <= ${r.latency.ttftMs} ms` : ''}. Cheapest platform and its $ / 1M output tokens; rows: steady req/s, columns: output tok/s per user. [ ] = your point.`;
  const rows = [['req/s \\ tok/s/user', ...report.outputTokensPerSecondPerUser.map((u) => `${Math.round(u)}`)]];
  for (let i = report.cells.length - 1; i >= 0; i--) {
    rows.push([`${report.requestsPerSecond[i]}`, ...report.cells[i]!.map((cell, j) => {
      const text = cell.cheapest ? `${cell.cheapest.shortName}${cell.cheapest.basis === 'spec-only' ? '*' : ''} ${formatDollars(cell.cheapest.dollarsPerMillionOutputTokens)}` : 'none';
      return i === report.yourCell.row && j === report.yourCell.column ? `[${text}]` : text;
    })]);
  }
  const crossings = report.crossovers.length ? report.crossovers.map((c) => `  - ${c.text}`).join('\n') : '  - none along your row and column';
  return `${head}\n\n${report.verdict}\n\n${formatTable(rows)}\n(* spec-only estimate)\n\nCrossover points:\n${crossings}`;
}

export const CROSSOVER_COMMAND: PlanningCommand<CrossoverReport> = {
  name: 'crossover',
  summary: 'Crossover: the cheapest platform at each throughput target (req/s) and interactivity target (tok/s per user), and where that changes.',
  build: crossoverReport,
  render: renderCrossover,
  chart: async (report) => renderPng((await import('../../chart/crossover-spec.ts')).crossoverSpec(report)),
};

export const run = (argv: string[]): Promise<number> => runPlanningCommand(CROSSOVER_COMMAND, argv);
