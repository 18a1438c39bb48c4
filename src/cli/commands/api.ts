/**
 * `tokcost api`: rent GPUs or buy tokens. The hosted-API prices for the workload's model priced on its
 * own token mix, the best dedicated fleet at the user's load beside the cheapest API, and the break-even
 * load for the user's load shape. A question in words or the advise flags -> AdviceRequest -> engine
 * apiBreakEven -> a table and the answer in words, or --json, or --chart FILE.png.
 */
import type { ApiBreakEvenReport } from '../../engine/reports/api-break-even.ts';
import { formatCount, formatDollars, formatPercent, formatTable } from '../../format.ts';
import { apiSloText, breakEvenMissingText, breakEvenNotes, breakEvenSentence } from '../../report-text/api-text.ts';
import type { CliResult } from '../cli-result.ts';
import { renderAssumptions } from './planning-report.ts';
import { runReportCommand, type CliEnv, type ReportCommand } from './report-command.ts';

const EXAMPLE = 'tokcost api --model gpt-oss-120b --input-tokens 2048 --output-tokens 400 --requests-per-second 30 --peak-to-average 4';
export const API_COMMAND: ReportCommand<'api'> = {
  kind: 'api',
  name: 'api',
  example: EXAMPLE,
  defaultTop: 12,
  render: (report, top) => renderApiReport(report, top),
  answered: (report) => report.cheapestApi !== null && report.selfHosted !== null,
  extraOptions: { 'stale-after-days': { type: 'string' }, 'as-of': { type: 'string' } },
  extraHelp: '  prices:   --stale-after-days D (default 180)  --as-of YYYY-MM-DD (default today)',
};

export const run = (argv: string[], env?: CliEnv): Promise<CliResult> => runReportCommand(API_COMMAND, argv, env);

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
  lines.push(breakEvenSentence(report));
  const be = report.breakEven;
  if (be) {
    lines.push(`Break-even: ${formatCount(be.requestsPerSecond)} req/s mean (${formatCount(be.tokensPerDay)} tokens a day in + out, ${formatCount(be.outputTokensPerDay)} output), ${be.factorOfUserLoad.toFixed(2)}x your load; ${be.platformName} ${be.servingMode} ${be.policy} at ${formatPercent(be.utilizationFraction)} utilization, ${formatDollars(be.selfHostedDollarsPerMillionOutputTokens)} vs ${be.provider} ${formatDollars(be.apiDollarsPerMillionOutputTokens)} / 1M output tokens (${formatDollars(be.dollarsPerMonth)} / month either way)`);
  } else if (report.breakEvenMissing) {
    lines.push(`Break-even: none (${breakEvenMissingText(report)})`);
  }
  lines.push(`API side SLO: ${apiSloText(report)}`);
  const notes = breakEvenNotes(report);
  if (notes.length) lines.push('', 'Notes:', ...notes.map((n) => `  - ${n}`));
  const sources = [...new Map(report.apiOptions.slice(0, top).map((o) => [o.source.title, o.source])).values()];
  if (sources.length) lines.push('', 'Sources:', ...sources.map((s) => `  - ${s.title}${s.url ? ` <${s.url}>` : ''}, ${s.asOf}, ${s.basis}`));
  const assumptions = renderAssumptions(report.assumptions);
  if (assumptions) lines.push('', assumptions);
  return lines.join('\n');
}
