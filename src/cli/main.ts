/** tokcost CLI entry: runs the command and writes its output; the only writer to stdout and stderr. */
import { runCli } from './run-cli.ts';

runCli(process.argv.slice(2)).then(
  (result) => {
    if (result.stdout) process.stdout.write(result.stdout);
    if (result.stderr) process.stderr.write(result.stderr);
    process.exitCode = result.exitCode;
  },
  (error: unknown) => {
    process.stderr.write(`tokcost: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 70;
  },
);
