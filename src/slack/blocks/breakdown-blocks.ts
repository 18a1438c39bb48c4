/**
 * Cost breakdown: where the gap between the full-load and the effective cost goes. Each share of
 * provisioned GPU time (utilizationGap) costs that share of the effective $ per 1M output tokens.
 */
import type { KnownBlock } from '@slack/types';
import type { AdviceReport, UtilizationGap } from '../../engine/advice-types.ts';
import { escapeMrkdwn, formatDollars, formatPercent } from './format-slack.ts';
import { codeTable, context, header, section, type SlackMessage } from './message.ts';

const CAUSES: readonly { key: keyof UtilizationGap; label: string; hint: string }[] = [
  { key: 'servedFraction', label: 'Serving tokens', hint: 'GPU time that produced tokens' },
  { key: 'demandBelowCapacityFraction', label: 'Demand below capacity', hint: 'off-peak hours on provisioned GPUs' },
  { key: 'replicaGranularityFraction', label: 'Replica granularity', hint: 'rounding up to whole replicas' },
  { key: 'latencyHeadroomFraction', label: 'Latency headroom', hint: 'batch kept small enough to meet the SLO' },
  { key: 'smallBatchFraction', label: 'Small batches', hint: 'too little concurrency to fill a batch' },
];

/** Ten cells: the table stays within CODE_LINE_MAX columns on a phone. */
const bar = (fraction: number) => '█'.repeat(Math.round(Math.max(0, Math.min(1, fraction)) * 10)).padEnd(10, '·');

export function breakdownMessage(report: AdviceReport): SlackMessage {
  const best = report.recommendation;
  if (best === null) {
    return { text: 'No recommendation, so no cost breakdown.', blocks: [section('No platform fits this workload, so there is no cost breakdown.')] };
  }
  const effective = best.effectiveDollarsPerMillionOutputTokens;
  const rows = [['Where GPU time goes', 'Share', '', '$/1M']];
  for (const cause of CAUSES) {
    const share = best.utilizationGap[cause.key];
    rows.push([cause.label, formatPercent(share), bar(share), formatDollars(share * effective)]);
  }
  const text =
    `Cost breakdown for ${best.platformName}: ${formatDollars(effective)} per 1M output tokens at your load, ` +
    `${formatDollars(best.fullLoadDollarsPerMillionOutputTokens)} at full load; ${formatPercent(best.utilizationGap.servedFraction)} of GPU time serves tokens.`;
  const blocks: KnownBlock[] = [
    header(`Cost breakdown · ${best.platformName}`),
    section(
      `You pay for *${formatPercent(1 - best.utilizationGap.servedFraction)}* of provisioned GPU time that serves no tokens. ` +
        `At your load one million output tokens cost *${formatDollars(effective)}*; at full load ${formatDollars(best.fullLoadDollarsPerMillionOutputTokens)}.\n` +
        codeTable(rows, [false, true, false, true]),
    ),
    context(CAUSES.map((c) => `*${c.label}:* ${c.hint}`).concat(`Platform: ${escapeMrkdwn(best.platformName)}, ${best.servingMode}, ${best.policy}`)),
  ];
  return { text, blocks };
}
