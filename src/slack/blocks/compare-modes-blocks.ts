/** Aggregated vs disaggregated serving for the recommended platform, side by side. */
import type { KnownBlock } from '@slack/types';
import type { AdviceReport, Candidate, ServingMode } from '../../engine/advice-types.ts';
import { describeGpus, describeMode } from './describe-candidate.ts';
import { escapeMrkdwn, formatDollars, formatGpus, formatMs, formatPercent, formatRelativeChange } from './format-slack.ts';
import { codeTable, context, header, section, type SlackMessage } from './message.ts';

const MODES: readonly ServingMode[] = ['aggregated', 'disaggregated'];

/** Cheapest candidate per serving mode on the recommended platform. */
export function bestPerMode(report: AdviceReport): Partial<Record<ServingMode, Candidate>> {
  const platform = report.recommendation?.platform;
  const result: Partial<Record<ServingMode, Candidate>> = {};
  for (const c of report.candidates) {
    if (c.platform !== platform) continue;
    const current = result[c.servingMode];
    if (!current || c.effectiveDollarsPerMillionOutputTokens < current.effectiveDollarsPerMillionOutputTokens) result[c.servingMode] = c;
  }
  return result;
}

export function compareModesMessage(report: AdviceReport): SlackMessage {
  const best = report.recommendation;
  if (best === null) return { text: 'No recommendation to compare.', blocks: [section('No platform fits this workload, so there is nothing to compare.')] };
  const perMode = bestPerMode(report);
  // One column per mode (not one row): two modes side by side fit a phone's width.
  const shown = MODES.flatMap((mode) => (perMode[mode] ? [perMode[mode]] : []));
  const metric = (label: string, value: (c: Candidate) => string) => [label, ...shown.map(value)];
  const rows = [
    ['', ...shown.map((c) => c.servingMode)],
    metric('GPUs', (c) => formatGpus(c.gpuCount)),
    metric('$/1M out', (c) => formatDollars(c.effectiveDollarsPerMillionOutputTokens)),
    metric('Full load', (c) => formatDollars(c.fullLoadDollarsPerMillionOutputTokens)),
    metric('Util.', (c) => formatPercent(c.meanUtilizationFraction)),
    metric('TTFT', (c) => formatMs(c.ttftMs)),
    metric('TPOT', (c) => formatMs(c.tpotMs)),
    metric('SLO', (c) => (c.meetsSlo ? 'met' : 'missed')),
  ];
  const agg = perMode.aggregated;
  const disagg = perMode.disaggregated;
  let verdict: string;
  if (agg && disagg) {
    const cheaper = disagg.effectiveDollarsPerMillionOutputTokens < agg.effectiveDollarsPerMillionOutputTokens ? disagg : agg;
    const other = cheaper === agg ? disagg : agg;
    verdict = `*${describeMode(cheaper)}* is cheaper on ${escapeMrkdwn(best.platformName)}: ${formatDollars(cheaper.effectiveDollarsPerMillionOutputTokens)} vs ${formatDollars(other.effectiveDollarsPerMillionOutputTokens)} per 1M output tokens (${other.servingMode} ${formatRelativeChange(cheaper.effectiveDollarsPerMillionOutputTokens, other.effectiveDollarsPerMillionOutputTokens)}), with ${describeGpus(cheaper)}.`;
  } else {
    const only = agg ?? disagg ?? best;
    const missing = only.servingMode === 'aggregated' ? 'disaggregated' : 'aggregated';
    verdict = `Only ${only.servingMode} serving is feasible on ${escapeMrkdwn(best.platformName)} for this workload; no ${missing} configuration was found.`;
  }
  const blocks: KnownBlock[] = [
    header(`Serving modes · ${best.platformName}`),
    section(`${verdict}\n${codeTable(rows, [false, true, true])}`),
    context(['Disaggregated serving runs prefill and decode on separate GPU pools, sized independently.']),
  ];
  return { text: verdict.replaceAll('*', ''), blocks };
}
