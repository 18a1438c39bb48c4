/** `tokcost tco`: price per 1M tokens (input, output, total), J/token and $/GB of HBM and KV cache per platform, rented and owned. */
import { tcoReport, type TcoFigures, type TcoReport } from '../../engine/reports/tco.ts';
import { formatDollars, formatPercent, formatTable } from '../../format.ts';
import { labelled, withAssumptions } from './planning-report.ts';
import { runReportCommand, type CliEnv, type ReportCommand } from './report-command.ts';
import type { CliResult } from '../cli-result.ts';

const joules = (value: number) => (Number.isFinite(value) ? value.toFixed(3) : 'n/a');
const perGb = (value: number) => (Number.isFinite(value) ? `$${value.toFixed(4)}` : 'n/a');

function table(report: TcoReport, pricing: 'rented' | 'owned'): string {
  const rows = [['platform', 'mode/policy', '$/M in', '$/M out', '$/M total', 'prefill GPU%', 'util', 'J/token', '$/h per GB HBM', '$/h per GB KV', '$/GPU-h']];
  for (const row of report.rows) {
    const f: TcoFigures | null = row[pricing];
    if (!f) continue;
    rows.push([
      labelled(row), `${f.servingMode === 'aggregated' ? 'agg' : 'disagg'}/${f.policy}`,
      formatDollars(f.dollarsPerMillionInputTokens), formatDollars(f.dollarsPerMillionOutputTokens), formatDollars(f.dollarsPerMillionTotalTokens),
      formatPercent(f.prefillGpuTimeFraction), formatPercent(f.meanUtilizationFraction), joules(f.joulesPerTotalToken),
      perGb(f.dollarsPerHourPerHbmGigabyte), perGb(f.dollarsPerHourPerKvCacheGigabyte), `$${f.dollarsPerGpuHour.toFixed(2)}`,
    ]);
  }
  return rows.length > 1 ? `${pricing === 'rented' ? 'Rented' : 'Owned (purchase amortized + power)'}:\n${formatTable(rows)}` : `${pricing === 'rented' ? 'Rented' : 'Owned'}: no platform priced`;
}

export function renderTco(report: TcoReport): string {
  const r = report.request;
  const order: ('rented' | 'owned')[] = report.primaryPricing === 'owned' ? ['owned', 'rented'] : ['rented', 'owned'];
  return [
    `TCO across vendors: ${r.modelId}, ${r.inputTokens} in / ${r.outputTokens} out tokens, ${r.meanRequestsPerSecond} req/s mean, at your load`,
    '',
    report.verdict,
    '',
    'Input vs output: the fleet cost is split by the GPU-time share of prefill (input) vs decode (output); total = all cost / all tokens. J/token per total token.',
    ...order.map((p) => `\n${table(report, p)}`),
  ].join('\n');
}

export const TCO_COMMAND: ReportCommand<'tco'> = {
  kind: 'tco',
  name: 'tco',
  example: 'tokcost tco "gpt-oss-120b, 2k in / 400 out, 30 rps, peaks 4x, p95 TTFT under 1 s, 50 tok/s per user"',
  defaultTop: 12,
  render: (report) => withAssumptions(renderTco(report), report.assumptions),
  answered: () => true,
};

export const run = (argv: string[], env?: CliEnv): Promise<CliResult> => runReportCommand(TCO_COMMAND, argv, env);
