/** The terminal rendering of an advice report: a compact card, the alternatives, the assumptions. */
import { prefixCacheText, speculativeModeText } from '../advice/serving-mode-text.ts';
import type { AdviceReport, AdviceRequest, Candidate } from '../engine/advice-types.ts';
import { formatCount, formatDollars, formatMs, formatPercent, formatTable } from '../format.ts';
import { staleSuffix } from '../engine/recommend/price-staleness.ts';
import { moneyWithRange, priceAndElasticity } from '../report-text/words.ts';
import { wordAdvice } from '../report-text/word-advice.ts';
import { enUsNumber } from '../engine/number-text.ts';

const POLICY_LABEL: Record<Candidate['policy'], string> = {
  'static-peak': 'static',
  'reactive-autoscale': 'autoscale',
  'scale-to-zero': 'to zero',
  'reserved-plus-burst': 'reserved+burst',
};

function perMillion(value: number): string {
  return formatDollars(value);
}

function workloadLine(request: AdviceRequest): string {
  const shape = request.shape.kind === 'flat' ? 'flat' : request.shape.kind === 'series' ? (request.shape.label ?? 'your series') : `${request.shape.kind}, peak ${'peakToAverage' in request.shape ? request.shape.peakToAverage : 1}x`;
  const targets = [
    request.latency.ttftMs !== undefined ? `p${request.latency.ttftPercentile ?? 95} TTFT <= ${formatMs(request.latency.ttftMs)}` : '',
    request.latency.tpotMs !== undefined ? `TPOT <= ${formatMs(request.latency.tpotMs)} (${formatCount(1000 / request.latency.tpotMs)} tok/s per user)` : '',
  ].filter(Boolean);
  return `${request.modelId}: ${request.inputTokens} in${prefixCacheText(request)} / ${request.outputTokens} out tokens, ${formatRate(request.meanRequestsPerSecond)} req/s mean (${shape}) over a ${request.horizon}${targets.length ? `; ${targets.join(', ')}` : ''}`;
}

function layout(c: Candidate): string {
  const p = c.parallelism;
  const tp = `TP${p.tensor}${p.pipeline > 1 ? ` PP${p.pipeline}` : ''}${p.expert > 1 ? ` EP${p.expert}` : ''}`;
  if (c.servingMode === 'disaggregated') return `${c.prefillWorkers ?? 0} prefill + ${c.decodeWorkers ?? 0} decode workers at peak (decode ${c.gpusPerReplica} GPU, ${tp})`;
  return `${c.gpusPerReplica} GPU per replica (${tp})`;
}

function card(unworded: AdviceReport): string {
  const report = wordAdvice(unworded);
  const c = report.recommendation;
  const lines = [workloadLine(report.request), ''];
  if (!c) return [...lines, `No recommendation: ${report.summary}`].join('\n');
  const g = c.utilizationGap;
  lines.push(
    `Recommendation: ${c.platformName} (${c.vendor}), ${c.servingMode}${speculativeModeText(report.request)}, ${priceAndElasticity(c)}, ${c.precision.toUpperCase()}`,
    `  GPUs:        ${c.peakGpuCount} at peak, ${c.gpuCount.toFixed(1)} on average; ${layout(c)}`,
    `  Cost:        ${moneyWithRange(c.effectiveDollarsPerMillionOutputTokens, c.effectiveDollarsPerMillionOutputTokensRange)} / 1M output tokens at your load vs ${perMillion(c.fullLoadDollarsPerMillionOutputTokens)} at full load (${(c.effectiveDollarsPerMillionOutputTokens / c.fullLoadDollarsPerMillionOutputTokens).toFixed(1)}x); ${formatDollars(c.dollarsPerMonth)} / month`,
    `               ${perMillion(c.effectiveDollarsPerMillionTotalTokens)} / 1M total tokens (vs ${perMillion(c.fullLoadDollarsPerMillionTotalTokens)}); ${formatDollars(c.dollarsPerGpuHour)} per GPU-hour paid${staleSuffix(c.priceSource, report.request.asOfDate, report.request.priceStaleAfterDays)}`,
    `  SLO:         ${c.meetsSlo ? 'met' : 'MISSED'} (${c.sloMissMinutes} minutes short of capacity); p${report.request.latency.ttftPercentile ?? 95} TTFT ${formatMs(c.ttftMs)}, TPOT ${formatMs(c.tpotMs)}`,
    `  Utilization: ${formatPercent(g.servedFraction)} served | demand below capacity ${formatPercent(g.demandBelowCapacityFraction)} | granularity ${formatPercent(g.replicaGranularityFraction)} | latency headroom ${formatPercent(g.latencyHeadroomFraction)} | small batches ${formatPercent(g.smallBatchFraction)}`,
    `  Energy:      ${Number.isFinite(c.joulesPerOutputToken) ? `${c.joulesPerOutputToken.toFixed(2)} J / output token` : 'n/a'}; estimate basis: ${c.basis}`,
    '',
    report.summary,
  );
  const summary = report.summary.toLowerCase();
  const extra = report.reasons.filter((r) => r.code !== 'recommendation' && !summary.includes(r.text.toLowerCase()));
  for (const reason of extra) lines.push(`  - ${reason.text}`);
  return lines.join('\n');
}

function alternatives(report: AdviceReport, top: number): string {
  const rows = [['platform', 'mode', 'policy', 'GPUs mean/peak', '$/M out eff', '$/M out full', 'util', 'SLO']];
  for (const c of report.candidates.slice(0, top)) {
    rows.push([
      c.platform,
      c.servingMode === 'aggregated' ? 'agg' : 'disagg',
      POLICY_LABEL[c.policy],
      `${c.gpuCount.toFixed(1)}/${c.peakGpuCount}`,
      perMillion(c.effectiveDollarsPerMillionOutputTokens),
      perMillion(c.fullLoadDollarsPerMillionOutputTokens),
      formatPercent(c.meanUtilizationFraction),
      c.meetsSlo ? 'met' : `miss ${c.sloMissMinutes} min`,
    ]);
  }
  const more = report.candidates.length > top ? `\n(${report.candidates.length - top} more; --top N or --json for all)` : '';
  const skipped = report.infeasible.length ? `\nNot feasible: ${report.infeasible.map((i) => `${i.platform} (${i.reason})`).join('; ')}` : '';
  return `Alternatives (cheapest at your load first):\n${formatTable(rows)}${more}${skipped}`;
}

function assumptions(report: AdviceReport): string {
  const lines = report.assumptions.map((a) => `  - ${a.name}: ${a.value} [${a.source.title}, ${a.source.asOf}, ${a.source.basis}]`);
  return lines.length ? `Assumptions (with sources):\n${lines.join('\n')}` : '';
}

export function renderAdvice(report: AdviceReport, top: number, options: { assumptions?: boolean } = {}): string {
  const parts = [card(report), alternatives(report, top)];
  if (options.assumptions !== false) parts.push(assumptions(report));
  return parts.filter(Boolean).join('\n\n');
}

/** Requests/s with the digits a planner can use: 9.26, 30, 0.125. */
function formatRate(requestsPerSecond: number): string {
  return enUsNumber(Number(requestsPerSecond.toPrecision(3)));
}
