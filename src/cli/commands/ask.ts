/**
 * `tokcost "<question>"`: a question in words, answered like `tokcost advise` (card, alternatives,
 * assumptions), with what the question did not say listed among the assumptions.
 */
import { parseArgs } from 'node:util';
import { loadCatalogOrThrow } from '../../catalog/index.ts';
import { loadCalibration } from '../../catalog/load-calibration.ts';
import { answerSpecialQuestion } from '../../advice/special-questions.ts';
import { advise } from '../../engine/advise.ts';
import { positiveInteger, UsageError } from '../args.ts';
import { jsonSafe, loadChartPath, writeCharts } from '../output.ts';
import { formatProblems, requestFromQuestion } from '../question.ts';
import { renderAdvice } from '../render-advice.ts';

const EXAMPLE = 'tokcost "gpt-oss-120b, 2k in / 400 out, 30 rps average, peaks 4x at noon, p95 TTFT under 1 s, 50 tok/s per user"';

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { json: { type: 'boolean' }, chart: { type: 'string' }, top: { type: 'string' } }, strict: true, allowPositionals: true });
  } catch (error) {
    process.stderr.write(`tokcost: ${(error as Error).message}\nExample that works: ${EXAMPLE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  const text = positionals.join(' ').trim();
  if (!text) {
    process.stderr.write(`tokcost: ask a question in words.\nExample that works: ${EXAMPLE}\n`);
    return 2;
  }
  try {
    const catalog = loadCatalogOrThrow();
    // General planning questions (no workload) and claim checks are answered on stated reference workloads.
    const special = answerSpecialQuestion(text, catalog, loadCalibration(), new Date().toISOString().slice(0, 10));
    if (special?.kind === 'problem') {
      process.stderr.write(`tokcost: ${special.message}\nExample that works: ${special.example}\n`);
      return 2;
    }
    if (special) {
      process.stdout.write(values.json ? `${JSON.stringify(special.data, jsonSafe, 2)}\n` : `${special.text}\n`);
      return 0;
    }
    const asked = requestFromQuestion(text, catalog);
    if (!asked.ok) {
      process.stderr.write(`${formatProblems(asked.problems)}Example that works: ${EXAMPLE}\n`);
      return 2;
    }
    // Today's date lets the report flag API prices that may be stale.
    const engineReport = advise({ ...asked.request, asOfDate: new Date().toISOString().slice(0, 10) }, catalog, loadCalibration());
    const report = { ...engineReport, assumptions: [...engineReport.assumptions, ...asked.assumptions] };
    if (values.chart) await writeCharts(values.chart, report, catalog);
    const top = values.top === undefined ? 8 : positiveInteger('--top', values.top);
    process.stdout.write(values.json ? `${JSON.stringify(report, jsonSafe, 2)}\n` : `${renderAdvice(report, top)}\n`);
    if (values.chart && !values.json) process.stdout.write(`charts written: ${values.chart} and ${loadChartPath(values.chart)}\n`);
    return report.recommendation ? 0 : 1;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`tokcost: ${error.message}\nExample that works: ${EXAMPLE}\n`);
      return 2;
    }
    throw error;
  }
}
