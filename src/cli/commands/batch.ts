/** `tokcost batch`: cost per token against batch size per platform, memory- vs compute-bound, and the mixed-length pattern. */
import { batchEfficiencyReport, type BatchEfficiencyReport } from '../../engine/reports/batch-efficiency.ts';
import { formatDollars, formatMs, formatTable } from '../../format.ts';
import { labelled, withAssumptions } from './planning-report.ts';
import { runReportCommand, type CliEnv, type ReportCommand } from './report-command.ts';
import type { CliResult } from '../cli-result.ts';

export function renderBatch(report: BatchEfficiencyReport): string {
  const r = report.request;
  const lines = [`Batch efficiency: ${r.modelId}, ${r.inputTokens} in / ${r.outputTokens} out${report.tpotTargetMs !== null ? `, TPOT <= ${formatMs(report.tpotTargetMs)}` : ''}. $ / 1M output tokens of a fully busy replica at each batch (m = memory-bound step, c = compute-bound).`, '', report.verdict];
  const summary = [['platform', 'GPUs/replica', 'SLO batch', 'bound there', 'compute-bound from', 'max batch', '$/M out at SLO batch', 'mixed lengths', 'mix penalty']];
  for (const p of report.platforms) {
    summary.push([labelled(p), `${p.gpusPerReplica}`, `${p.sloBatch}`, p.sloBound, p.computeBoundFromBatch === null ? 'never' : `${p.computeBoundFromBatch}`, `${p.maxBatch}`, formatDollars(p.sloDollarsPerMillionOutputTokens), p.mix ? `${formatDollars(p.mix.dollarsPerMillionOutputTokens)} (batch ${p.mix.batch})` : 'n/a', p.mix ? `${p.mix.penaltyFraction >= 0 ? '+' : ''}${(p.mix.penaltyFraction * 100).toFixed(1)}%` : 'n/a']);
  }
  lines.push('', formatTable(summary), '', 'Sweep ($/M output tokens at batch):');
  for (const p of report.platforms) {
    lines.push(`  ${labelled(p)}: ${p.points.map((x) => `${x.batch}:${formatDollars(x.dollarsPerMillionOutputTokens)}${x.bound === 'compute' ? 'c' : 'm'}${x.meetsTpot ? '' : '!'}`).join('  ')}`);
  }
  lines.push('  (! = misses the TPOT target at that batch)', '', `Mixed request pattern: lognormal input and output lengths, CV ${report.mix.lengthSpreadFraction}, ${report.mix.classes.length} classes around the means.`);
  return lines.join('\n');
}

export const BATCH_COMMAND: ReportCommand<'batch'> = {
  kind: 'batch',
  name: 'batch',
  example: 'tokcost batch "gpt-oss-120b, 2k in / 400 out, 30 rps, peaks 4x, p95 TTFT under 1 s, 50 tok/s per user"',
  defaultTop: 12,
  render: (report) => withAssumptions(renderBatch(report), report.assumptions),
  answered: () => true,
};

export const run = (argv: string[], env?: CliEnv): Promise<CliResult> => runReportCommand(BATCH_COMMAND, argv, env);
