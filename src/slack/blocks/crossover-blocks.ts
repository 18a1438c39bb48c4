/** `/tokcost crossover`: the cheapest platform per throughput x interactivity cell and the crossover points. Pure. */
import type { CrossoverReport } from '../../engine/reports/crossover.ts';
import { escapeMrkdwn, formatDollars } from './format-slack.ts';
import { section, type SlackMessage } from './message.ts';
import { fittedTable, reportMessage } from './report-blocks-common.ts';

export function crossoverMessage(report: CrossoverReport): SlackMessage {
  const rows = [['req/s', ...report.outputTokensPerSecondPerUser.map((u) => `${Math.round(u)} tok/s`)]];
  for (let i = report.cells.length - 1; i >= 0; i--) {
    rows.push([`${report.requestsPerSecond[i]}`, ...report.cells[i]!.map((cell, j) => {
      const text = cell.cheapest ? `${cell.cheapest.shortName}${cell.cheapest.basis === 'spec-only' ? '*' : ''} ${formatDollars(cell.cheapest.dollarsPerMillionOutputTokens)}` : '—';
      return i === report.yourCell.row && j === report.yourCell.column ? `[${text}]` : text;
    })]);
  }
  const crossings = report.crossovers.map((c) => `• ${escapeMrkdwn(c.text)}`).join('\n') || '• none along your row and column';
  const body = report.cells.length
    ? [section(`*Cheapest platform, $ / 1M output tokens*: rows are steady req/s, columns tok/s per user; [ ] = your point\n${fittedTable(rows, rows[0]!.map(() => false))}`), section(`*Crossover points*\n${crossings}`)]
    : [];
  return reportMessage({
    title: 'Crossover',
    request: report.request,
    verdict: report.verdict,
    body,
    notes: ['Rows: steady requests/s; columns: output tokens/s per user (TPOT = 1000 / that, ms); your TTFT target in every cell. Each cell: 60 minutes of flat load through the advise search.', '* spec-only estimate. Chart in the thread.'],
    assumptions: report.assumptions,
  });
}
