/**
 * The shared runner of the planning-report subcommands (tco, crossover, batch, curve): a question in
 * words or the advise flags (or --example) -> AdviceRequest -> the engine report -> text with the
 * assumptions and their sources, or --json; --chart FILE.png writes the report's chart.
 */
import { workloadRequest } from '../workload-request.ts';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadCatalogOrThrow } from '../../catalog/index.ts';
import { applyModelConfig } from '../model-config.ts';
import { loadCalibration } from '../../catalog/load-calibration.ts';
import type { AdviceRequest, Assumption } from '../../engine/advice-types.ts';
import type { Catalog } from '../../engine/catalog/types.ts';
import type { CalibrationTable } from '../../engine/performance/calibration.ts';
import { ADVICE_FLAGS_HELP, ADVICE_OPTIONS, type AdviceValues } from '../advice-flags.ts';
import { UsageError } from '../args.ts';
import { jsonSafe } from '../output.ts';
import { formatProblems } from '../question.ts';

export interface PlanningReportBase {
  readonly request: AdviceRequest;
  readonly verdict: string;
  readonly assumptions: readonly Assumption[];
}

export interface PlanningCommand<R extends PlanningReportBase> {
  readonly name: 'tco' | 'crossover' | 'batch' | 'curve';
  readonly summary: string;
  build(request: AdviceRequest, catalog: Catalog, calibration: CalibrationTable): R;
  render(report: R): string;
  /** PNG bytes of the report's chart (canvas loaded lazily by the caller). */
  chart(report: R): Promise<Buffer>;
}

function help(command: PlanningCommand<PlanningReportBase>): string {
  return `tokcost ${command.name} "<question in words>" [--json] [--chart FILE.png]
tokcost ${command.name} --example | --model M --input-tokens I --output-tokens O --requests-per-second R [flags]
${command.summary}
${ADVICE_FLAGS_HELP}
  output:   --json  --chart FILE.png
Example: tokcost ${command.name} "gpt-oss-120b, 2k in / 400 out, 30 rps, peaks 4x, p95 TTFT under 1 s, 50 tok/s per user"
See docs/reports.md for the method and the JSON fields.`;
}

export async function runPlanningCommand<R extends PlanningReportBase>(command: PlanningCommand<R>, argv: string[]): Promise<number> {
  const generic = command as unknown as PlanningCommand<PlanningReportBase>;
  const example = `tokcost ${command.name} --example`;
  let values: AdviceValues;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, options: ADVICE_OPTIONS, strict: true, allowPositionals: true }));
  } catch (error) {
    process.stderr.write(`tokcost ${command.name}: ${(error as Error).message}\nExample that works: ${example}\n\n${help(generic)}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${help(generic)}\n`);
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
    const built = command.build(request, catalog, loadCalibration());
    const report = { ...built, assumptions: [...built.assumptions, ...stated] };
    if (values.chart) writeFileSync(values.chart, await command.chart(report));
    process.stdout.write(values.json ? `${JSON.stringify(report, jsonSafe, 2)}\n` : `${command.render(report)}\n\n${renderAssumptions(report.assumptions)}\n`);
    if (values.chart && !values.json) process.stdout.write(`chart written: ${values.chart}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`tokcost ${command.name}: ${error.message}\nExample that works: ${example}\n`);
      return 2;
    }
    throw error;
  }
}

/** Assumptions with their sources and dates, deduplicated by name. */
export function renderAssumptions(assumptions: readonly Assumption[]): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const a of assumptions) {
    if (seen.has(a.name)) continue;
    seen.add(a.name);
    lines.push(`  - ${a.name}: ${a.value} [${a.source.title}, ${a.source.asOf}, ${a.source.basis}]`);
  }
  return lines.length ? `Assumptions (with sources):\n${lines.join('\n')}` : '';
}

/** "MI355X" or "B300 (spec-only)". */
export function labelled(row: { readonly shortName: string; readonly basis: string }): string {
  return row.basis === 'spec-only' ? `${row.shortName} (spec-only)` : row.shortName;
}

export async function renderPng(spec: Parameters<typeof import('../../chart/render-report.ts')['renderReportChartPng']>[0]): Promise<Buffer> {
  const { renderReportChartPng } = await import('../../chart/render-report.ts');
  return renderReportChartPng(spec);
}
