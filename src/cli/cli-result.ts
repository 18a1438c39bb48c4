/**
 * What a CLI command returns instead of writing to the process: its stdout, stderr and exit code, so
 * tests call commands in process and main.ts is the only writer.
 */
export interface CliResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

export const ok = (stdout: string, exitCode = 0): CliResult => ({ stdout, stderr: '', exitCode });
export const fail = (stderr: string, exitCode = 2): CliResult => ({ stdout: '', stderr, exitCode });

/** Exit codes: 0 answered, 1 answered without a feasible configuration, 2 unusable input, 70 a defect. */
export const EXIT = { ok: 0, noAnswer: 1, usage: 2, defect: 70 } as const;

export { unprintableFigure } from '../format.ts';
