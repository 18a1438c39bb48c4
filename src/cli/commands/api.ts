/**
 * `tokcost api`: rent GPUs or buy tokens. The hosted-API prices for the workload's model priced on its
 * own token mix, the best dedicated fleet at the user's load beside the cheapest API, and the break-even
 * load for the user's load shape. A question in words or the advise flags -> AdviceRequest -> engine
 * apiBreakEven -> a table and the answer in words, or --json, or --chart FILE.png.
 */
import { workloadRequest } from '../workload-request.ts';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadCatalogOrThrow } from '../../catalog/index.ts';
import { loadCalibration } from '../../catalog/load-calibration.ts';
import { apiBreakEven, type ApiBreakEvenReport } from '../../engine/reports/api-break-even.ts';
import { formatCount, formatDollars, formatPercent, formatTable } from '../../format.ts';
import { ADVICE_FLAGS_HELP, ADVICE_OPTIONS } from '../advice-flags.ts';
import { renderAssumptions } from './planning-report.ts';
import { positiveInteger, UsageError } from '../args.ts';
import { jsonSafe } from '../output.ts';
import { formatProblems } from '../question.ts';

const EXAMPLE = 'tokcost api --model gpt-oss-120b --input-tokens 2048 --output-tokens 400 --requests-per-second 30 --peak-to-average 4';
const OPTIONS = { ...ADVICE_OPTIONS, 'stale-after-days': { type: 'string' }, 'as-of': { type: 'string' } } as const;

const HELP = `tokcost api "<question in words>" [--json] [--chart FILE.png]
tokcost api --model M --input-tokens I --output-tokens O --requests-per-second R [flags]
Rent GPUs or buy tokens: hosted-API prices for the model on your token mix, the dedicated fleet at your
load beside the cheapest API, and the mean load above which self-hosting wins for your load shape.
${ADVICE_FLAGS_HELP}
  output:   --json  --chart FILE.png  --top N (API rows shown, default 12)
  prices:   --stale-after-days D (default 180)  --as-of YYYY-MM-DD (default today)
  tokcost api --example        the built-in example (gpt-oss-120b, 2k in / 400 out, 30 req/s, peaks 4x)
Example: ${EXAMPLE}`;

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    process.stderr.write(`tokcost api: ${(error as Error).message}\nExample that works: ${EXAMPLE}\n\n${HELP}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  try {
    const catalog = loadCatalogOrThrow();
    const asOfDate = values['as-of'] ?? new Date().toISOString().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOfDate)) throw new UsageError(`--as-of must be a date YYYY-MM-DD, got "${asOfDate}" (example: --as-of 2026-09-01)`);
    const workload = workloadRequest(values, positionals, catalog, asOfDate);
    if (!workload.ok) {
      process.stderr.write(formatProblems(workload.problems));
      return 2;
    }
    const { request, stated } = workload;
    const staleAfterDays = values['stale-after-days'] === undefined ? undefined : positiveInteger('--stale-after-days', values['stale-after-days']);
    const built = apiBreakEven(request, catalog, loadCalibration(), { asOfDate, ...(staleAfterDays !== undefined ? { staleAfterDays } : {}) });
    const report = { ...built, assumptions: [...built.assumptions, ...stated] };
    if (values.chart) await writeChart(values.chart, report);
    const top = values.top === undefined ? 12 : positiveInteger('--top', values.top);
    process.stdout.write(values.json ? `${JSON.stringify(report, jsonSafe, 2)}\n` : `${renderApiReport(report, top)}\n`);
    if (values.chart && !values.json) process.stdout.write(`chart written: ${values.chart}\n`);
    return report.cheapestApi && report.selfHosted ? 0 : 1;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`tokcost api: ${error.message}\nExample that works: ${EXAMPLE}\n`);
      return 2;
    }
    throw error;
  }
}

async function writeChart(path: string, report: ApiBreakEvenReport): Promise<void> {
  const [{ renderChartPng }, { apiBreakEvenSpec }] = await Promise.all([import('../../chart/render.ts'), import('../../chart/api-break-even-spec.ts')]);
  writeFileSync(path, renderChartPng(apiBreakEvenSpec(report)));
}

/** The terminal rendering: the workload, the API table, the answer, the break-even, notes and sources. */
export function renderApiReport(report: ApiBreakEvenReport, top: number): string {
  const w = report.workload;
  const fleet = report.selfHosted;
  const lines = [
    `${report.modelName}: ${w.inputTokens} in / ${w.outputTokens} out tokens per request, ${formatCount(w.meanRequestsPerSecond)} req/s mean (${formatCount(w.tokensPerDay)} tokens a day in + out)${w.prefixCacheHitFraction > 0 ? `, ${formatPercent(w.prefixCacheHitFraction)} of input from a reused prefix` : ''}`,
    fleet
      ? `Self-hosted at your load: ${fleet.platformName}, ${fleet.servingMode}, ${fleet.policy}: ${formatDollars(fleet.effectiveDollarsPerMillionOutputTokens)} / 1M output tokens, ${formatDollars(fleet.dollarsPerMonth)} / month, ${formatPercent(fleet.meanUtilizationFraction)} of paid GPU-time used`
      : 'Self-hosted at your load: no configuration meets the targets',
    '',
  ];
  if (report.apiOptions.length > 0) {
    const rows = [['provider', '$/M in', '$/M out', '$/M total (this mix)', '$/M out (this mix)', 'API/self-hosted', 'as of']];
    for (const o of report.apiOptions.slice(0, top)) {
      rows.push([
        `${o.provider}${o.variant ? ` (${o.variant})` : ''}`,
        `${formatDollars(o.dollarsPerMillionInputTokens)}${o.cachedInputPriced ? ` (cached ${formatDollars(o.dollarsPerMillionCachedInputTokens ?? 0)})` : ''}`,
        formatDollars(o.dollarsPerMillionOutputTokens),
        formatDollars(o.blendedDollarsPerMillionTokens),
        formatDollars(o.effectiveDollarsPerMillionOutputTokens),
        o.vsSelfHostedFraction === null ? 'n/a' : `${(1 + o.vsSelfHostedFraction).toFixed(2)}x`,
        `${o.asOf}${o.stale ? ' STALE?' : ''}${o.slowerThanTarget ? ' too slow' : ''}`,
      ]);
    }
    const more = report.apiOptions.length > top ? `\n(${report.apiOptions.length - top} more; --top N or --json for all)` : '';
    lines.push(`Hosted APIs for ${report.modelName}, cheapest on this workload first ("this mix": input tokens included):`, formatTable(rows) + more, '');
  }
  lines.push(report.sentence);
  const be = report.breakEven;
  if (be) {
    lines.push(`Break-even: ${formatCount(be.requestsPerSecond)} req/s mean (${formatCount(be.tokensPerDay)} tokens a day in + out, ${formatCount(be.outputTokensPerDay)} output), ${be.factorOfUserLoad.toFixed(2)}x your load; ${be.platformName} ${be.servingMode} ${be.policy} at ${formatPercent(be.utilizationFraction)} utilization, ${formatDollars(be.selfHostedDollarsPerMillionOutputTokens)} vs ${be.provider} ${formatDollars(be.apiDollarsPerMillionOutputTokens)} / 1M output tokens (${formatDollars(be.dollarsPerMonth)} / month either way)`);
  } else if (report.breakEvenMissing) {
    lines.push(`Break-even: none (${report.breakEvenMissing.text})`);
  }
  lines.push(`API side SLO: ${report.apiSlo.text}`);
  if (report.notes.length) lines.push('', 'Notes:', ...report.notes.map((n) => `  - ${n}`));
  const sources = [...new Map(report.apiOptions.slice(0, top).map((o) => [o.source.title, o.source])).values()];
  if (sources.length) lines.push('', 'Sources:', ...sources.map((s) => `  - ${s.title}${s.url ? ` <${s.url}>` : ''}, ${s.asOf}, ${s.basis}`));
  const assumptions = renderAssumptions(report.assumptions);
  if (assumptions) lines.push('', assumptions);
  return lines.join('\n');
}
