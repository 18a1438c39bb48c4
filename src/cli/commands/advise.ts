/**
 * `tokcost advise`: the effective cost per token of a workload under its real load, on every priced
 * platform, and the recommendation: a card and a table, or --json, or --chart FILE.png (cost vs load;
 * the load and capacity chart next to it). A question in words or the flags; the same answer either way.
 */
import type { CliResult } from '../cli-result.ts';
import { EXAMPLE_COMMAND } from '../advice-flags.ts';
import { renderAdvice } from '../render-advice.ts';
import { runReportCommand, type CliEnv, type ReportCommand } from './report-command.ts';

export const ADVISE_COMMAND: ReportCommand<'advise'> = {
  kind: 'advise',
  name: 'advise',
  example: EXAMPLE_COMMAND,
  defaultTop: 12,
  render: (report, top) => renderAdvice(report, top),
  answered: (report) => report.recommendation !== null,
};

export const run = (argv: string[], env?: CliEnv): Promise<CliResult> => runReportCommand(ADVISE_COMMAND, argv, env);
