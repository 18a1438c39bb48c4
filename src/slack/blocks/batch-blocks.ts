/** `/tokcost batch`: cost per token vs batch size, memory- vs compute-bound, and the mixed-length pattern. Pure. */
import type { BatchEfficiencyReport } from '../../engine/reports/batch-efficiency.ts';
import { formatDollars } from './format-slack.ts';
import { section, type SlackMessage } from './message.ts';
import { fittedTable, platformCell, reportMessage } from './report-blocks-common.ts';

export function batchMessage(report: BatchEfficiencyReport): SlackMessage {
  const rows = [['Platform', 'Batch@1', '$/M@1', 'SLO batch', '$/M there', 'Bound', 'Compute from', 'Mixed', 'Penalty']];
  for (const p of report.platforms) {
    const one = p.points[0];
    rows.push([
      platformCell(p), `${one?.batch ?? 1}`, formatDollars(one?.dollarsPerMillionOutputTokens ?? Number.NaN), `${p.sloBatch}`, formatDollars(p.sloDollarsPerMillionOutputTokens), p.sloBound,
      p.computeBoundFromBatch === null ? 'never' : `${p.computeBoundFromBatch}`, p.mix ? formatDollars(p.mix.dollarsPerMillionOutputTokens) : 'n/a', p.mix ? `${p.mix.penaltyFraction >= 0 ? '+' : ''}${(p.mix.penaltyFraction * 100).toFixed(1)}%` : 'n/a',
    ]);
  }
  const body = report.platforms.length ? [section(`*$ / 1M output tokens, fully busy replica*\n${fittedTable(rows, [false, true, true, true, true, false, true, true, true])}`)] : [];
  return reportMessage({
    title: 'Batch efficiency',
    request: report.request,
    verdict: report.verdict,
    body,
    notes: [
      `SLO batch: largest meeting ${report.tpotTargetMs !== null ? `TPOT ≤ ${Math.round(report.tpotTargetMs)} ms` : 'memory'}. Bound: what limits the decode step there. Mixed: lognormal lengths (CV ${report.mix.lengthSpreadFraction}) around your means.`,
      '* spec-only estimate. Chart in the thread.',
    ],
    assumptions: report.assumptions,
  });
}
