/** `tokcost curve`: effective $ per 1M output tokens against mean load for each platform, and which degrades least. */
import { utilizationCurveReport, type UtilizationCurveReport } from '../../engine/reports/utilization-curve.ts';
import { formatDollars, formatTable } from '../../format.ts';
import { labelled, withAssumptions } from './planning-report.ts';
import { runReportCommand, type CliEnv, type ReportCommand } from './report-command.ts';
import type { CliResult } from '../cli-result.ts';

export function renderCurve(report: UtilizationCurveReport): string {
  const r = report.request;
  const head = `Utilization curve: ${r.modelId}, ${r.inputTokens} in / ${r.outputTokens} out, ${r.meanRequestsPerSecond} req/s mean. Effective $ / 1M output tokens vs mean load (100% = ${report.referenceRequestsPerSecond.toFixed(1)} req/s, the recommended fleet's peak capacity at the SLO).`;
  if (report.platforms.length === 0) return `${head}\n\n${report.verdict}`;
  const fractions = report.platforms[0]!.points.map((p) => p.loadFraction);
  const rows = [['platform', 'policy', ...fractions.map((f) => `${Math.round(f * 100)}%`), 'at your load', 'low/full']];
  for (const p of report.platforms) {
    rows.push([labelled(p), p.policy, ...p.points.map((x) => formatDollars(x.effectiveDollarsPerMillionOutputTokens)), formatDollars(p.dollarsPerMillionOutputTokensAtYourLoad), `${p.degradationMultiplier.toFixed(1)}x`]);
  }
  // The recommended fleet held fixed (cost / utilization), beside the re-sized rows above.
  const fixed = report.platforms.find((p) => p.platform === report.referencePlatform)?.fixedFleet;
  if (fixed) {
    const at = (f: number) => fixed.points.find((x) => Math.abs(x.loadFraction - f) < 1e-9)?.effectiveDollarsPerMillionOutputTokens ?? Number.NaN;
    const first = at(fractions[0]!);
    rows.push([`${labelled(report.platforms.find((p) => p.platform === report.referencePlatform)!)} x${fixed.gpus} held fixed`, 'fixed fleet', ...fractions.map((f) => formatDollars(at(f))), formatDollars(report.operatingPoint?.effectiveDollarsPerMillionOutputTokens ?? Number.NaN), `${(first / at(1)).toFixed(1)}x`]);
  }
  return `${head}\n\n${report.verdict}\n\n${formatTable(rows)}`;
}

export const CURVE_COMMAND: ReportCommand<'curve'> = {
  kind: 'curve',
  name: 'curve',
  example: 'tokcost curve "gpt-oss-120b, 2k in / 400 out, 30 rps, peaks 4x, p95 TTFT under 1 s, 50 tok/s per user"',
  defaultTop: 12,
  render: (report) => withAssumptions(renderCurve(report), report.assumptions),
  answered: () => true,
};

export const run = (argv: string[], env?: CliEnv): Promise<CliResult> => runReportCommand(CURVE_COMMAND, argv, env);
