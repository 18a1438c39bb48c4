/**
 * tokcost CLI entry: `tokcost <subcommand> [flags]` or `tokcost "<free-text question>"`.
 * Each subcommand lives in src/cli/commands/<name>.ts and exports `run(argv): Promise<number>` (exit code).
 */
const SUBCOMMANDS: Record<string, () => Promise<{ run: (argv: string[]) => Promise<number> }>> = {
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

const USAGE = `tokcost: the effective cost per token of LLM inference under real load

Usage:
  tokcost "<question>"          e.g. tokcost "llama 70b, 2k in / 400 out, 30 rps, peaks 4x"
  tokcost advise --example      the built-in example workload
  tokcost advise --model M --input-tokens I --output-tokens O --requests-per-second R [...]
  tokcost perf --model M --platform P --gpus N --precision fp8 --input-tokens I --output-tokens O
  tokcost parse --json "<question>"
  tokcost tco|crossover|batch|curve "<question>" | --example [--json] [--chart FILE.png]   planning reports (docs/reports.md)
Run a subcommand with --help for its flags.`;

async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return first === undefined ? 2 : 0;
  }
  const load = SUBCOMMANDS[first];
  if (load) return (await load()).run(rest);
  if (first.startsWith('-')) {
    process.stderr.write(`unknown option "${first}".\n\n${USAGE}\n`);
    return 2;
  }
  // Anything else is a question in plain words.
  return (await SUBCOMMANDS.ask!()).run(argv);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`tokcost: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 70;
  },
);
