/**
 * `tokcost parse [--json] "<text>"`: show how a question is read: the exact query (what the words
 * said), the workload it builds with every default stated, and the problems (each with an example that
 * works). Exit 0 when no problems, 1 otherwise.
 */
import { parseArgs } from 'node:util';
import { buildWorkload } from '../../advice/build-workload.ts';
import { vocabularyOf } from '../../advice/from-words.ts';
import type { WorkloadResult } from '../../advice/workload.ts';
import { loadCatalogOrThrow } from '../../catalog/index.ts';
import { draftFromQuery, parseQuery, type ParsedQuery } from '../../query/index.ts';
import { fail, type CliResult } from '../cli-result.ts';
import type { CliEnv } from './report-command.ts';

const HELP = `Usage: tokcost parse [--json] "<question>"
  e.g. tokcost parse "llama 70b, 2k in / 500 out, 1200 rpm, peaks 4x at noon, p95 TTFT under 1s, only AMD"
  --json   print the parsed query (and the workload it builds) as JSON`;

export function formatParsedQuery(query: ParsedQuery, built?: WorkloadResult): string {
  const { problems, assumptions, ...fields } = query;
  const lines = Object.entries(fields).map(([k, v]) => `  ${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
  const out = ['Query:', ...(lines.length > 0 ? lines : ['  (nothing understood)'])];
  if (assumptions.length > 0) out.push('Read as:', ...assumptions.map((a) => `  ${a.field} = ${a.value}: ${a.reason}`));
  if (built?.ok) out.push('Workload assumptions:', ...built.workload.assumptions.map((a) => `  ${a.name}: ${a.value}`));
  const all = [...problems, ...(built && !built.ok ? built.problems : [])];
  if (all.length > 0) out.push('Problems:', ...all.map((p) => `  ${p.fragment ? `"${p.fragment}": ` : ''}${p.message} (try: ${p.example})`));
  return `${out.join('\n')}\n`;
}

export async function run(argv: string[], env: CliEnv = {}): Promise<CliResult> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}\n${HELP}\n`);
  }
  if (parsed.values.help) return { stdout: `${HELP}\n`, stderr: '', exitCode: 0 };
  const text = parsed.positionals.join(' ').trim();
  if (text === '') return fail(`${HELP}\n`);
  const catalog = loadCatalogOrThrow();
  const query = parseQuery(text, vocabularyOf(catalog));
  const asOfDate = (env.now?.() ?? new Date()).toISOString().slice(0, 10);
  const built = query.problems.length === 0 ? buildWorkload(draftFromQuery(query, text), catalog, { door: 'words', asOfDate }) : undefined;
  const json = { ...query, ...(built ? (built.ok ? { workload: built.workload } : { workloadProblems: built.problems }) : {}) };
  const stdout = parsed.values.json ? `${JSON.stringify(json, null, 2)}\n` : formatParsedQuery(query, built);
  return { stdout, stderr: '', exitCode: query.problems.length > 0 || (built && !built.ok) ? 1 : 0 };
}
