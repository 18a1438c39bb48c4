/** `/tokcost tco`: price per 1M tokens (input, output, total), J/token and memory cost per platform, rented and owned. Pure. */
import type { TcoFigures, TcoReport } from '../../engine/reports/tco.ts';
import { formatDollars } from './format-slack.ts';
import { section, type SlackMessage } from './message.ts';
import { fittedTable, platformCell, reportMessage } from './report-blocks-common.ts';

const MAX_ROWS = 10;

function table(report: TcoReport, pricing: 'rented' | 'owned'): string | null {
  const rows = [['Platform', '$/M in', '$/M out', '$/M total', 'J/tok', '$/h·GB HBM', '$/h·GB KV']];
  for (const row of report.rows) {
    const f: TcoFigures | null = row[pricing];
    if (!f || rows.length > MAX_ROWS) continue;
    rows.push([
      platformCell(row), formatDollars(f.dollarsPerMillionInputTokens), formatDollars(f.dollarsPerMillionOutputTokens), formatDollars(f.dollarsPerMillionTotalTokens),
      Number.isFinite(f.joulesPerTotalToken) ? f.joulesPerTotalToken.toFixed(2) : 'n/a', `$${f.dollarsPerHourPerHbmGigabyte.toFixed(4)}`,
      Number.isFinite(f.dollarsPerHourPerKvCacheGigabyte) ? `$${f.dollarsPerHourPerKvCacheGigabyte.toFixed(4)}` : 'n/a',
    ]);
  }
  return rows.length > 1 ? fittedTable(rows, [false, true, true, true, true, true, true], 1400) : null;
}

export function tcoMessage(report: TcoReport): SlackMessage {
  const order: ('rented' | 'owned')[] = report.primaryPricing === 'owned' ? ['owned', 'rented'] : ['rented', 'owned'];
  const body = order.flatMap((p) => {
    const text = table(report, p);
    const title = p === 'rented' ? '*Rented* (at your load)' : '*Owned* (purchase amortized + power, at your load)';
    return text ? [section(`${title}\n${text}`)] : [section(`${title}: no platform priced`)];
  });
  return reportMessage({
    title: 'TCO across vendors',
    request: report.request,
    verdict: report.verdict,
    body,
    notes: [
      'Input vs output: fleet cost split by GPU time in prefill vs decode; total = all cost / all tokens. J per total token. KV = HBM left after weights.',
      '* spec-only estimate (no benchmark nearby). Chart in the thread.',
    ],
    assumptions: report.assumptions,
  });
}
