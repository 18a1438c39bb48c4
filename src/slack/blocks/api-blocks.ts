/**
 * "Rent GPUs or buy tokens" as a Slack message (pure Block Kit): the answer in words, the cheapest APIs
 * on this workload beside the dedicated fleet, the break-even, the API side's assumed speed, stale
 * prices and sources. Within Slack's limits (validate-blocks.ts): <= 50 blocks, sections <= 3000 chars.
 */
import type { KnownBlock } from '@slack/types';
import type { ApiBreakEvenReport } from '../../engine/reports/api-break-even-types.ts';
import { apiSloText, breakEvenMissingText, breakEvenNotes, breakEvenSentence } from '../../report-text/api-text.ts';
import { escapeMrkdwn, formatCount, formatDollars, formatPercent, truncate } from './format-slack.ts';
import { codeTable, context, header, section, type SlackMessage } from './message.ts';

/** API rows shown in the table (the rest are counted). */
const MAX_ROWS = 8;
const MAX_PROVIDER_CHARS = 18;

export function apiBreakEvenMessage(report: ApiBreakEvenReport): SlackMessage {
  const sentence = breakEvenSentence(report);
  const blocks: KnownBlock[] = [header(`Rent GPUs or buy tokens · ${report.modelName}`), section(escapeMrkdwn(sentence), 'tokcost_api_answer')];
  if (report.apiOptions.length > 0) blocks.push(section(apiTable(report)));
  blocks.push(section(breakEvenText(report)));
  const notes = [`*API side:* speed ${escapeMrkdwn(apiSloText(report))}`, ...breakEvenNotes(report).filter((n) => !n.startsWith('API prices are list')).map(escapeMrkdwn)];
  blocks.push(context([truncate(notes.join('\n'), 2900)]));
  const sources = [...new Map(report.apiOptions.slice(0, MAX_ROWS).map((o) => [o.source.title, o.source])).values()];
  if (sources.length > 0) blocks.push(context(sources.slice(0, 5).map((s) => truncate(`${s.url ? `<${s.url}|${escapeMrkdwn(s.title)}>` : escapeMrkdwn(s.title)} (${s.asOf}, ${s.basis})`, 300))));
  return { text: truncate(sentence, 3000), blocks };
}

function apiTable(report: ApiBreakEvenReport): string {
  const rows = [['Provider', '$/M in', '$/M out', '$/M mix', '$/M out*', 'vs fleet']];
  for (const o of report.apiOptions.slice(0, MAX_ROWS)) {
    rows.push([
      escapeMrkdwn(truncate(`${o.provider}${o.variant ? ` (${o.variant})` : ''}${o.stale ? ' †' : ''}`, MAX_PROVIDER_CHARS)),
      formatDollars(o.cachedInputPriced ? o.effectiveDollarsPerMillionInputTokens : o.dollarsPerMillionInputTokens),
      formatDollars(o.dollarsPerMillionOutputTokens),
      formatDollars(o.blendedDollarsPerMillionTokens),
      formatDollars(o.effectiveDollarsPerMillionOutputTokens),
      o.vsSelfHostedFraction === null ? 'n/a' : `${o.vsSelfHostedFraction >= 0 ? '+' : '-'}${formatPercent(Math.abs(o.vsSelfHostedFraction))}`,
    ]);
  }
  const fleet = report.selfHosted;
  const more = report.apiOptions.length > MAX_ROWS ? ` ${report.apiOptions.length - MAX_ROWS} more providers not shown.` : '';
  const stale = report.apiOptions.slice(0, MAX_ROWS).some((o) => o.stale) ? ' † price possibly stale.' : '';
  const cached = report.workload.prefixCacheHitFraction > 0 ? ' $/M in includes the cached-input discount where listed.' : '';
  const legend = `_$/M mix: per million tokens in + out of this workload; $/M out*: per million output tokens, input included${fleet ? `, vs the fleet's ${formatDollars(fleet.effectiveDollarsPerMillionOutputTokens)}` : ''}.${cached}${stale}${more}_`;
  return `*Hosted APIs, cheapest on this workload first*\n${codeTable(rows, [false, true, true, true, true, true])}\n${legend}`;
}

function breakEvenText(report: ApiBreakEvenReport): string {
  const be = report.breakEven;
  if (!be) return `*Break-even:* none. ${escapeMrkdwn(breakEvenMissingText(report) ?? '')}`.trim();
  return [
    `*Break-even:* ${formatCount(be.requestsPerSecond)} req/s mean (${be.factorOfUserLoad.toFixed(1)}x your load), ${formatCount(be.tokensPerDay)} tokens/day in + out`,
    `${escapeMrkdwn(be.platformName)} (${be.servingMode}, ${be.policy}) at ${formatPercent(be.utilizationFraction)} utilization: ${formatDollars(be.selfHostedDollarsPerMillionOutputTokens)} vs ${escapeMrkdwn(be.provider)} ${formatDollars(be.apiDollarsPerMillionOutputTokens)} per 1M output tokens`,
  ].join('\n');
}
