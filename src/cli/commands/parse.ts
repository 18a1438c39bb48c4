/**
 * `tokcost parse [--json] "<text>"`: show how a question is read: the exact query, the assumptions
 * filled in, and the problems (each with an example that works). Exit 0 when no problems, 1 otherwise.
 */
import { parseArgs } from 'node:util';
import { loadCatalogOrThrow } from '../../catalog/index.ts';
import { parseQuery, vocabularyFromCatalog, type ParsedQuery } from '../../query/index.ts';

const HELP = `Usage: tokcost parse [--json] "<question>"
  e.g. tokcost parse "llama 70b, 2k in / 500 out, 1200 rpm, peaks 4x at noon, p95 TTFT under 1s, only AMD"
  --json   print the parsed query as JSON`;

export function formatParsedQuery(query: ParsedQuery): string {
  const { problems, assumptions, ...fields } = query;
  const lines = Object.entries(fields).map(([k, v]) => `  ${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
  const out = ['Query:', ...(lines.length > 0 ? lines : ['  (nothing understood)'])];
  if (assumptions.length > 0) out.push('Assumed:', ...assumptions.map((a) => `  ${a.field} = ${a.value}: ${a.reason}`));
  if (problems.length > 0) {
    out.push('Problems:', ...problems.map((p) => `  ${p.fragment ? `"${p.fragment}": ` : ''}${p.message} (try: ${p.example})`));
  }
  return `${out.join('\n')}\n`;
}

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${HELP}\n`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const text = parsed.positionals.join(' ').trim();
  if (text === '') {
    process.stderr.write(`${HELP}\n`);
    return 2;
  }
  const query = parseQuery(text, vocabularyFromCatalog(loadCatalogOrThrow()));
  process.stdout.write(parsed.values.json ? `${JSON.stringify(query, null, 2)}\n` : formatParsedQuery(query));
  return query.problems.length > 0 ? 1 : 0;
}
