/**
 * tokcost CLI dispatch: `tokcost <subcommand> [flags]` or `tokcost "<free-text question>"` -> the
 * command's output (stdout, stderr, exit code). Pure of process I/O, so tests call it in process.
 * Each subcommand lives in src/cli/commands/<name>.ts and exports `run(argv, env)`.
 */
import { PLANNING_REPORT_KINDS } from '../advice/report-kinds.ts';
import { fail, type CliResult } from './cli-result.ts';
import type { CliEnv } from './commands/report-command.ts';

type Command = { run: (argv: string[], env?: CliEnv) => Promise<CliResult> };

const SUBCOMMANDS: Record<string, () => Promise<Command>> = {
  perf: () => import('./commands/perf.ts'),
  advise: () => import('./commands/advise.ts'),
  parse: () => import('./commands/parse.ts'),
  ask: () => import('./commands/ask.ts'),
  api: () => import('./commands/api.ts'),
  tco: () => import('./commands/tco.ts'),
  crossover: () => import('./commands/crossover.ts'),
  batch: () => import('./commands/batch.ts'),
  curve: () => import('./commands/curve.ts'),
  data: () => import('./commands/data.ts'),
};

export const USAGE = `tokcost: the effective cost per token of LLM inference under real load

Usage:
  tokcost "<question>"          e.g. tokcost "llama 70b, 2k in / 400 out, 30 rps, peaks 4x"
  tokcost advise --example      the built-in example workload
  tokcost advise --model M [--input-tokens I --output-tokens O --requests-per-second R] [--load-csv FILE] [...]
  tokcost perf --model M --platform P --gpus N --precision fp8 --input-tokens I --output-tokens O
  tokcost parse --json "<question>"
  tokcost data refresh [--source NAME] [--dry-run] [--from DIR]   current public prices into data/
  tokcost ${PLANNING_REPORT_KINDS.join('|')} "<question>" | --example [--json] [--chart FILE.png]   planning reports (docs/reports.md)
Run a subcommand with --help for its flags.`;

export async function runCli(argv: readonly string[], env: CliEnv = {}): Promise<CliResult> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    return { stdout: `${USAGE}\n`, stderr: '', exitCode: first === undefined ? 2 : 0 };
  }
  const load = SUBCOMMANDS[first];
  if (load) return (await load()).run(rest, env);
  if (first.startsWith('-')) return fail(`unknown option "${first}".\n\n${USAGE}\n`);
  // Anything else is a question in plain words.
  return (await SUBCOMMANDS.ask!()).run([...argv], env);
}
