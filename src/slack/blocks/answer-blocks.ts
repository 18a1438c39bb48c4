/**
 * The answer card: header, the answer in one sentence, fields, alternatives with the difference to
 * the best, assumptions with sources and dates, buttons. Pure: report in, blocks out.
 */
import type { KnownBlock } from '@slack/types';
import type { AdviceReport, Candidate } from '../../engine/advice-types.ts';
import type { QueryChange } from '../advisor.ts';
import { ACTION } from './actions-ids.ts';
import { alternativesBlocks } from './alternatives-blocks.ts';
import { assumptionsBlocks } from './assumptions-blocks.ts';
import { describeGpus, describeMode, describeParallelism, describeSloStatus, describeWorkload } from './describe-candidate.ts';
import { escapeMrkdwn, formatDollars, formatMs, formatPercent, formatPerMillionOutput, formatRelativeChange } from './format-slack.ts';
import { actions, button, context, fieldsSection, header, section, type SlackMessage } from './message.ts';

export interface AnswerOptions {
  /** Id the buttons carry back to find this answer. */
  readonly answerId: string;
  /** Follow-ups: what changed, and the recommendation's cost before the change. */
  readonly changes?: readonly QueryChange[];
  readonly previousDollarsPerMillionOutputTokens?: number;
  /** Ephemeral answers get a "Share to channel" button. */
  readonly ephemeral?: boolean;
}

/** The answer in one sentence (mrkdwn). */
export function answerSentence(report: AdviceReport, best: Candidate): string {
  return (
    `Run *${escapeMrkdwn(report.request.modelId)}* on *${escapeMrkdwn(best.platformName)}*, ${describeMode(best)} serving, ` +
    `${describeGpus(best)}: *${formatPerMillionOutput(best.effectiveDollarsPerMillionOutputTokens)}* at your load vs ` +
    `${formatDollars(best.fullLoadDollarsPerMillionOutputTokens)} at full load; ${describeSloStatus(report, best)}.`
  );
}

/** Plain-text fallback for notifications and screen readers. */
export function answerFallbackText(report: AdviceReport): string {
  const best = report.recommendation;
  if (best === null) return `tokcost: no platform fits ${describeWorkload(report)}. ${report.reasons[0]?.text ?? ''}`.trim();
  return (
    `tokcost: ${report.request.modelId} on ${best.platformName}, ${best.servingMode}, ${describeGpus(best)}: ` +
    `${formatPerMillionOutput(best.effectiveDollarsPerMillionOutputTokens)} at your load vs ` +
    `${formatDollars(best.fullLoadDollarsPerMillionOutputTokens)} at full load; ${describeSloStatus(report, best)}.`
  );
}

function changesLine(options: AnswerOptions, best: Candidate | null): string | undefined {
  if (!options.changes || options.changes.length === 0) return undefined;
  const parts = options.changes.map((c) => `${escapeMrkdwn(c.field)} ${escapeMrkdwn(c.from)} → ${escapeMrkdwn(c.to)}`);
  const before = options.previousDollarsPerMillionOutputTokens;
  if (before !== undefined && best !== null) {
    const after = best.effectiveDollarsPerMillionOutputTokens;
    parts.push(`*cost ${formatDollars(before)} → ${formatDollars(after)}* / 1M output tokens (${formatRelativeChange(before, after)})`);
  }
  return `*What changed:* ${parts.join(' · ')}`;
}

function candidateFields(best: Candidate): string[] {
  return [
    `*Platform*\n${escapeMrkdwn(best.platformName)} (${best.vendor})`,
    `*Serving mode*\n${describeMode(best)} · ${best.policy}`,
    `*GPUs*\n${describeGpus(best)}\n${describeParallelism(best)}`,
    `*Utilization*\n${formatPercent(best.meanUtilizationFraction)} of provisioned GPU time serves tokens`,
    `*At your load*\n${formatPerMillionOutput(best.effectiveDollarsPerMillionOutputTokens)}`,
    `*At full load*\n${formatPerMillionOutput(best.fullLoadDollarsPerMillionOutputTokens)}`,
    `*Per month*\n${formatDollars(best.dollarsPerMonth)} at ${formatDollars(best.dollarsPerGpuHour)} / GPU-hour`,
    `*Latency*\nTTFT ${formatMs(best.ttftMs)} · TPOT ${formatMs(best.tpotMs)}`,
    `*Performance basis*\n${best.basis}`,
  ];
}

function buttons(options: AnswerOptions, hasRecommendation: boolean): KnownBlock {
  const id = options.answerId;
  const elements = [button('Adjust inputs', ACTION.adjust, id, 'primary')];
  if (hasRecommendation) {
    elements.push(button('Cost breakdown', ACTION.breakdown, id), button('Compare serving modes', ACTION.compareModes, id));
  }
  if (options.ephemeral) elements.push(button('Share to channel', ACTION.share, id));
  return actions('tokcost_answer_actions', elements);
}

/** The full answer message for a report. */
export function answerMessage(report: AdviceReport, options: AnswerOptions): SlackMessage {
  const best = report.recommendation;
  const blocks: KnownBlock[] = [header(`tokcost · ${describeWorkload(report)}`)];
  if (best === null) {
    const reasons = report.reasons.map((r) => `• ${escapeMrkdwn(r.text)}`).join('\n');
    blocks.push(section(`*No platform fits this workload.*\n${reasons || 'No candidate met the constraints.'}`));
  } else {
    blocks.push(section(answerSentence(report, best), 'tokcost_answer'));
  }
  const changes = changesLine(options, best);
  if (changes) blocks.push(section(changes, 'tokcost_changes'));
  if (best !== null) {
    blocks.push(fieldsSection(candidateFields(best)));
    const why = report.reasons.slice(0, 3).map((r) => escapeMrkdwn(r.text));
    if (why.length > 0) blocks.push(context([`*Why:* ${why.join('; ')}`]));
  }
  blocks.push(...alternativesBlocks(report));
  blocks.push(...assumptionsBlocks(report.assumptions));
  blocks.push(buttons(options, best !== null));
  return { text: answerFallbackText(report), blocks };
}
