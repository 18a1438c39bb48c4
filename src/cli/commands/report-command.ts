/**
 * The one runner of every report subcommand (advise, the question in words, api, tco, crossover, batch,
 * curve): a question in words or the advice flags -> the workload builder -> answer() -> the kind's
 * renderer, or --json, and --chart FILE.png for its chart(s). Returns the output; main.ts writes it.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { answer, chartsOf } from '../../advice/answer.ts';
import { answerSpecialQuestion } from '../../advice/special-questions.ts';
import { REPORTS, type Answered, type ReportKind } from '../../advice/report-registry.ts';
import { loadCatalogOrThrow } from '../../catalog/index.ts';
import { loadCalibration } from '../../catalog/load-calibration.ts';
import type { Catalog } from '../../engine/catalog/types.ts';
import type { CalibrationTable } from '../../engine/performance/calibration.ts';
import { ADVICE_FLAGS_HELP, ADVICE_OPTIONS, type AdviceValues } from '../advice-flags.ts';
import { positiveInteger, UsageError } from '../args.ts';
import { EXIT, fail, unprintableFigure, type CliResult } from '../cli-result.ts';
import { reportJson, secondChartPath } from '../output.ts';
import { formatProblems } from '../question.ts';
import { applyModelConfig } from '../model-config.ts';
import { workloadFor } from '../workload-request.ts';

export interface CliEnv {
  /** Today, for the assumptions' dates and the age of API prices. */
  readonly now?: () => Date;
}

export interface ReportCommand<K extends ReportKind> {
  readonly kind: K;
  /** The subcommand's name ('' for a bare question). */
  readonly name: string;
  readonly example: string;
  readonly defaultTop: number;
  render(report: Answered<K>, top: number): string;
  /** 0 when the report answers the question, 1 when it could not (no feasible fleet, no API price). */
  answered(report: Answered<K>): boolean;
  /** Extra flags (api: --stale-after-days, --as-of). */
  readonly extraOptions?: Record<string, { type: 'string' | 'boolean' }>;
  readonly extraHelp?: string;
}

export function helpOf(command: ReportCommand<ReportKind>): string {
  const name = command.name || 'advise';
  return `tokcost ${name} "<question in words>" [--json] [--chart FILE.png]
tokcost ${name} --example | --model M [--input-tokens I --output-tokens O --requests-per-second R] [flags]
${REPORTS[command.kind].summary}.
${ADVICE_FLAGS_HELP}
  output:   --json  --chart FILE.png  --top N (rows shown, default ${command.defaultTop})${command.extraHelp ? `\n${command.extraHelp}` : ''}
Example: ${command.example}`;
}

export async function runReportCommand<K extends ReportKind>(command: ReportCommand<K>, argv: string[], env: CliEnv = {}): Promise<CliResult> {
  const label = `tokcost${command.name ? ` ${command.name}` : ''}`;
  const generic = command as unknown as ReportCommand<ReportKind>;
  let values: AdviceValues & Record<string, string | boolean | string[] | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, options: { ...ADVICE_OPTIONS, ...(command.extraOptions ?? {}) }, strict: true, allowPositionals: true }) as never);
  } catch (error) {
    return fail(`${label}: ${(error as Error).message}\nExample that works: ${command.example}\n\n${helpOf(generic)}\n`);
  }
  if (values.help) return { stdout: `${helpOf(generic)}\n`, stderr: '', exitCode: EXIT.ok };
  try {
    const asOfDate = asOfOf(values['as-of'], env);
    const top = values.top === undefined ? command.defaultTop : positiveInteger('--top', values.top);
    if (values.chart !== undefined) checkChartPath(values.chart);
    const configured = applyModelConfig(values, loadCatalogOrThrow());
    values = configured.values;
    const catalog = configured.catalog;
    if (command.kind === 'advise' && positionals.length > 0) {
      // General planning questions (no workload named) and claim checks are answered on stated reference workloads.
      const special = answerSpecialQuestion(positionals.join(' '), catalog, loadCalibration(), asOfDate);
      if (special?.kind === 'problem') return fail(`${label}: ${special.message}\nExample that works: ${special.example}\n`);
      if (special) return { stdout: values.json ? reportJson(special.data) : `${special.text}\n`, stderr: '', exitCode: EXIT.ok };
    }
    const built = workloadFor(values, positionals, catalog, asOfDate);
    if (!built.ok) return fail(`${formatProblems(built.problems, positionals.length > 0 ? 'words' : 'flags')}Example that works: ${command.example}\n`);
    const calibration = loadCalibration();
    const staleAfterDays = typeof values['stale-after-days'] === 'string' ? positiveInteger('--stale-after-days', values['stale-after-days']) : undefined;
    const report = answer(built.workload, catalog, calibration, command.kind, staleAfterDays !== undefined ? { staleAfterDays } : {});
    const text = values.json ? reportJson(report) : `${command.render(report, top)}\n`;
    const bad = values.json ? null : unprintableFigure(text);
    if (bad) return fail(`${label}: internal error: a figure came out as "${bad}" for this workload; it was not shown. Please report the command.\n`, EXIT.defect);
    let written = '';
    if (values.chart !== undefined) written = await writeCharts(values.chart, command.kind, report, catalog, calibration);
    return { stdout: text + (written && !values.json ? written : ''), stderr: '', exitCode: command.answered(report) ? EXIT.ok : EXIT.noAnswer };
  } catch (error) {
    if (error instanceof UsageError) return fail(`${label}: ${error.message}\nExample that works: ${command.example}\n`);
    throw error;
  }
}

function asOfOf(raw: unknown, env: CliEnv): string {
  if (typeof raw === 'string') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(raw))) throw new UsageError(`--as-of must be a date YYYY-MM-DD, got "${raw}" (example: --as-of 2026-09-01)`);
    return raw;
  }
  return (env.now?.() ?? new Date()).toISOString().slice(0, 10);
}

/** --chart must name a PNG file to write, not a directory. */
function checkChartPath(path: string): void {
  if (path.trim() === '' || (existsSync(path) && statSync(path).isDirectory()) || path.endsWith('/')) {
    throw new UsageError(`--chart needs a file to write, "${path}" is a directory (example: --chart /tmp/cost.png)`);
  }
}

async function writeCharts<K extends ReportKind>(path: string, kind: K, report: Answered<K>, catalog: Catalog, calibration: CalibrationTable): Promise<string> {
  const charts = await chartsOf(kind, report, catalog, calibration);
  if (charts.length === 0) return 'no chart: nothing to draw for this workload\n';
  const { renderReportChartPng } = await import('../../chart/render-report.ts');
  const paths = charts.map((_, i) => (i === 0 ? path : secondChartPath(path, i)));
  try {
    charts.forEach((chart, i) => writeFileSync(paths[i]!, renderReportChartPng(chart.spec)));
  } catch (error) {
    throw new UsageError(`--chart: cannot write "${path}" (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return `chart${paths.length > 1 ? 's' : ''} written: ${paths.join(' and ')}\n`;
}
