/**
 * The workload a command is about, from either a question in words (positionals) or the advice flags
 * (with --load-csv read here): both through the one workload builder, so both get the same defaults,
 * bounds and stated assumptions. Problems come back as data; contradictory flags throw UsageError.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { buildWorkload } from '../advice/build-workload.ts';
import { workloadFromWords } from '../advice/from-words.ts';
import type { WorkloadResult } from '../advice/workload.ts';
import type { Catalog } from '../engine/catalog/types.ts';
import { loadSeriesFromCsv, type LoadSeriesResult } from '../traffic-csv/load-series.ts';
import { type AdviceValues, draftFromFlags, hasWorkloadFlags } from './advice-flags.ts';
import { UsageError } from './args.ts';

export function workloadFor(values: AdviceValues, positionals: readonly string[], catalog: Catalog, asOfDate: string): WorkloadResult {
  if (positionals.length > 0 && hasWorkloadFlags(values)) {
    throw new UsageError(`give either a question in words or workload flags, not both (got "${positionals.join(' ')}")`);
  }
  if (positionals.length > 0) return workloadFromWords(positionals.join(' '), catalog, asOfDate);
  if (!hasWorkloadFlags(values)) throw new UsageError('no workload: ask in words (e.g. "llama 70b, 2k in / 500 out, 30 rps") or give --model flags, or add --example');
  const csv = values['load-csv'] === undefined ? undefined : readLoadCsv(values['load-csv']);
  if (csv && !csv.ok) return csv;
  return buildWorkload(draftFromFlags(values, csv?.series), catalog, { door: 'flags', asOfDate });
}

/** --load-csv FILE: the user's series, or every problem with its line number. */
function readLoadCsv(path: string): LoadSeriesResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`--load-csv: cannot read "${path}" (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory, not a file' : code ?? 'unreadable'}); example: --load-csv traffic.csv with rows like 2025-03-03T14:00:00Z,42.5`);
  }
  return loadSeriesFromCsv(text, basename(path));
}
