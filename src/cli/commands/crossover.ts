/** `tokcost crossover`: the cheapest platform over a grid of throughput and interactivity targets, and where it changes. */
import { crossoverReport, type CrossoverReport } from '../../engine/reports/crossover.ts';
import { formatDollars, formatTable } from '../../format.ts';
import { withAssumptions } from './planning-report.ts';
import { runReportCommand, type CliEnv, type ReportCommand } from './report-command.ts';
import type { CliResult } from '../cli-result.ts';

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

export const CROSSOVER_COMMAND: ReportCommand<'crossover'> = {
  kind: 'crossover',
  name: 'crossover',
  example: 'tokcost crossover "gpt-oss-120b, 2k in / 400 out, 30 rps, peaks 4x, p95 TTFT under 1 s, 50 tok/s per user"',
  defaultTop: 12,
  render: (report) => withAssumptions(renderCrossover(report), report.assumptions),
  answered: () => true,
};

export const run = (argv: string[], env?: CliEnv): Promise<CliResult> => runReportCommand(CROSSOVER_COMMAND, argv, env);
