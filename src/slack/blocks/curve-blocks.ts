/** `/tokcost curve`: effective $ per 1M output tokens against mean load per platform, with the verdict. Pure. */
import type { UtilizationCurveReport } from '../../engine/reports/utilization-curve.ts';
import { formatDollars } from './format-slack.ts';
import { section, type SlackMessage } from './message.ts';
import { fittedTable, platformCell, reportMessage } from './report-blocks-common.ts';

/** Load fractions shown in the table (the chart has all ten). */
const SHOWN = [0.1, 0.3, 0.5, 0.7, 1];

export function curveMessage(report: UtilizationCurveReport): SlackMessage {
  const rows = [['Platform', ...SHOWN.map((f) => `${Math.round(f * 100)}%`), 'Yours', 'Low/full']];
  for (const p of report.platforms) {
    const at = (f: number) => p.points.find((x) => Math.abs(x.loadFraction - f) < 1e-9)?.effectiveDollarsPerMillionOutputTokens ?? Number.NaN;
    rows.push([platformCell(p), ...SHOWN.map((f) => formatDollars(at(f))), formatDollars(p.dollarsPerMillionOutputTokensAtYourLoad), `${p.degradationMultiplier.toFixed(1)}x`]);
  }
  const body = report.platforms.length ? [section(`*$ / 1M output tokens at mean load* (100% = ${report.referenceRequestsPerSecond.toFixed(1)} req/s)\n${fittedTable(rows, rows[0]!.map((_, i) => i > 0))}`)] : [];
  return reportMessage({
    title: 'Utilization curve',
    request: report.request,
    verdict: report.verdict,
    body,
    notes: ["Each platform keeps its cheapest configuration and policy and is re-sized at every load; 100 % = the recommended fleet's peak capacity at the SLO.", '* spec-only estimate. Chart in the thread.'],
    assumptions: report.assumptions,
  });
}
