/**
 * `tokcost "<question>"`: a question in words, answered exactly like `tokcost advise "<question>"`
 * (card, alternatives, assumptions), with the shorter default table of a first look.
 */
import type { CliResult } from '../cli-result.ts';
import { renderAdvice } from '../render-advice.ts';
import { ADVISE_COMMAND } from './advise.ts';
import { runReportCommand, type CliEnv, type ReportCommand } from './report-command.ts';

export const ASK_COMMAND: ReportCommand<'advise'> = {
  ...ADVISE_COMMAND,
  name: '',
  example: 'tokcost "gpt-oss-120b, 2k in / 400 out, 30 rps average, peaks 4x at noon, p95 TTFT under 1 s, 50 tok/s per user"',
  defaultTop: 8,
  render: (report, top) => renderAdvice(report, top),
};

export async function run(argv: string[], env?: CliEnv): Promise<CliResult> {
  if (argv.every((a) => a.startsWith('-'))) return { stdout: '', stderr: `tokcost: ask a question in words.\nExample that works: ${ASK_COMMAND.example}\n`, exitCode: 2 };
  return runReportCommand(ASK_COMMAND, argv, env);
}
