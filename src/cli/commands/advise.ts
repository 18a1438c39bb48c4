/**
 * `tokcost advise`: the effective cost per token of a workload under its real load, on every priced
 * platform, and the recommendation. Flags (or a question in words) -> AdviceRequest -> engine advise ->
 * a card and a table, or --json, or --chart FILE.png (cost vs load; the load and capacity chart next to it).
 */
import { workloadRequest } from '../workload-request.ts';
import { parseArgs } from 'node:util';
import { loadCatalogOrThrow } from '../../catalog/index.ts';
import { applyModelConfig } from '../model-config.ts';
import { loadCalibration } from '../../catalog/load-calibration.ts';
import { advise } from '../../engine/advise.ts';
import { ADVICE_FLAGS_HELP, ADVICE_OPTIONS, type AdviceValues, EXAMPLE_COMMAND } from '../advice-flags.ts';
import { positiveInteger, UsageError } from '../args.ts';
import { jsonSafe, loadChartPath, writeCharts } from '../output.ts';
import { formatProblems } from '../question.ts';
import { renderAdvice } from '../render-advice.ts';

const HELP = `tokcost advise --model M --input-tokens I --output-tokens O --requests-per-second R [flags]
tokcost advise "<question in words>" [--json] [--chart FILE.png]
${ADVICE_FLAGS_HELP}
  output:   --json  --chart FILE.png  --top N (alternatives shown, default 12)
  tokcost advise --example     the built-in example (gpt-oss-120b, 2k in / 400 out, 30 req/s, peaks 4x at noon,
                               p95 TTFT under 1 s, 50 tok/s per user)
Example: ${EXAMPLE_COMMAND}`;

export async function run(argv: string[]): Promise<number> {
  let values: AdviceValues;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, options: ADVICE_OPTIONS, strict: true, allowPositionals: true }));
  } catch (error) {
    process.stderr.write(`tokcost advise: ${(error as Error).message}\nExample that works: ${EXAMPLE_COMMAND}\n\n${HELP}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  try {
    const configured = applyModelConfig(values, loadCatalogOrThrow());
    const catalog = configured.catalog;
    const workload = workloadRequest(configured.values, positionals, catalog);
    if (!workload.ok) {
      process.stderr.write(formatProblems(workload.problems));
      return 2;
    }
    const { request, stated } = workload;
    // Today's date lets the report flag API prices that may be stale.
    const engineReport = advise({ ...request, asOfDate: new Date().toISOString().slice(0, 10) }, catalog, loadCalibration());
    const report = { ...engineReport, assumptions: [...engineReport.assumptions, ...stated] };
    if (values.chart) await writeCharts(values.chart, report, catalog);
    const top = values.top === undefined ? 12 : positiveInteger('--top', values.top);
    process.stdout.write(values.json ? `${JSON.stringify(report, jsonSafe, 2)}\n` : `${renderAdvice(report, top)}\n`);
    if (values.chart && !values.json) process.stdout.write(`charts written: ${values.chart} and ${loadChartPath(values.chart)}\n`);
    return report.recommendation ? 0 : 1;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`tokcost advise: ${error.message}\nExample that works: ${EXAMPLE_COMMAND}\n`);
      return 2;
    }
    throw error;
  }
}
