/**
 * `tokcost data refresh [--source NAME] [--dry-run] [--from DIR] [--as-of YYYY-MM-DD] [--data-dir DIR]`:
 * current public prices into the catalog (src/refresh/), with the diff printed before anything is
 * written. `--from DIR` reads recorded responses (one file per source) instead of the network; their
 * date comes from --as-of or DIR/as-of.txt, since a recording is only as fresh as the day it was made.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_DATA_DIR } from '../../catalog/load-catalog.ts';
import { diffText } from '../../refresh/diff.ts';
import { refreshPrices } from '../../refresh/refresh.ts';
import { findSource, PRICE_SOURCES } from '../../refresh/sources.ts';
import { RefreshError } from '../../refresh/types.ts';
import { CatalogWriteError } from '../../refresh/write-catalog.ts';
import type { CliResult } from '../cli-result.ts';

/** Where the command's text goes; collected so the command returns its output (main.ts writes it). */
interface Io {
  out(text: string): void;
  err(text: string): void;
}

const EXAMPLE = 'tokcost data refresh --from test/fixtures/refresh --dry-run';
const HELP = `tokcost data refresh [--source NAME] [--dry-run] [--from DIR] [--as-of YYYY-MM-DD] [--data-dir DIR]
  fetches current public prices, prints what changes (added, changed by more than 5 %, removed), then
  writes them into the catalog with their source and as-of date (all files or none).
  --source NAME   one source (default: all): ${PRICE_SOURCES.map((s) => s.name).join(', ')}
  --dry-run       print the diff, write nothing
  --from DIR      recorded responses instead of the network: ${PRICE_SOURCES.map((s) => s.recordedFile).join(', ')}
  --as-of DATE    the date of the recorded responses (else DIR/as-of.txt); a download is dated today
  --data-dir DIR  the catalog to refresh (default: the package's data/)
Example: ${EXAMPLE}`;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function usage(io: Io, message: string): number {
  io.err(`tokcost data: ${message}\nExample that works: ${EXAMPLE}\n`);
  return 2;
}

function recordingDate(fromDir: string, asOf: string | undefined): string | { problem: string } {
  if (asOf !== undefined) return ISO_DAY.test(asOf) ? asOf : { problem: `--as-of "${asOf}" is not a date; use YYYY-MM-DD, e.g. --as-of 2026-12-01` };
  const file = join(fromDir, 'as-of.txt');
  const text = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  if (ISO_DAY.test(text)) return text;
  return { problem: `say when the responses in ${fromDir} were recorded: --as-of YYYY-MM-DD, or a YYYY-MM-DD line in ${file}` };
}

export async function run(argv: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const exitCode = await runData(argv, { out: (t) => void out.push(t), err: (t) => void err.push(t) });
  return { stdout: out.join(''), stderr: err.join(''), exitCode };
}

async function runData(argv: string[], io: Io): Promise<number> {
  const [action, ...rest] = argv;
  if (action === undefined || action === '--help' || action === '-h') {
    io.out(`${HELP}\n`);
    return action === undefined ? 2 : 0;
  }
  if (action !== 'refresh') return usage(io, `unknown action "${action}"; the data command has one action, refresh`);
  let values: { source?: string; 'dry-run'?: boolean; from?: string; 'as-of'?: string; 'data-dir'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: rest, strict: true, options: { source: { type: 'string' }, 'dry-run': { type: 'boolean' }, from: { type: 'string' }, 'as-of': { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean' } } }));
  } catch (error) {
    return usage(io, (error as Error).message);
  }
  if (values.help) {
    io.out(`${HELP}\n`);
    return 0;
  }
  const source = values.source === undefined ? undefined : findSource(values.source);
  if (values.source !== undefined && !source) return usage(io, `unknown source "${values.source}"; sources: ${PRICE_SOURCES.map((s) => s.name).join(', ')}`);
  if (values.from !== undefined && !existsSync(values.from)) return usage(io, `--from ${values.from}: no such directory`);
  const asOf = values.from === undefined ? (values['as-of'] ?? new Date().toISOString().slice(0, 10)) : recordingDate(values.from, values['as-of']);
  if (typeof asOf !== 'string') return usage(io, asOf.problem);
  if (!ISO_DAY.test(asOf)) return usage(io, `--as-of "${asOf}" is not a date; use YYYY-MM-DD`);
  try {
    const outcome = await refreshPrices({
      dataDir: values['data-dir'] ?? DEFAULT_DATA_DIR,
      sources: source ? [source] : PRICE_SOURCES,
      sourcesNamed: source !== undefined,
      ...(values.from === undefined ? {} : { fromDir: values.from }),
      asOf,
      dryRun: values['dry-run'] === true,
    });
    const parts = [...outcome.diffs.map(diffText), ...outcome.notes];
    const verdict = values['dry-run'] ? 'dry run: nothing written' : outcome.written.length > 0 ? `written (as of ${asOf}): ${outcome.written.join(', ')}` : 'nothing to write';
    io.out(`${parts.join('\n')}\n${verdict}\n`);
    return 0;
  } catch (error) {
    if (error instanceof RefreshError || error instanceof CatalogWriteError) {
      io.err(`tokcost data refresh: ${error.message}\nThe catalog is unchanged.\n`);
      return 1;
    }
    throw error;
  }
}
