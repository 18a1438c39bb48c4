/**
 * The answer card, built to be read in five seconds on a phone: the answer in one sentence first (the
 * platform and the dollar figure), four fields that add to it, the buttons, then the alternatives.
 * Assumptions and sources are behind the "Assumptions & sources" button (a thread reply), so the text
 * before the buttons stays under ANSWER_HEAD_MAX characters. Pure: report in, blocks out.
 */
import { speculativeModeText } from '../../advice/serving-mode-text.ts';
import { priceAge } from '../../engine/recommend/price-staleness.ts';
import type { KnownBlock } from '@slack/types';
import type { AdviceReport, Candidate } from '../../engine/advice-types.ts';
import type { QueryChange } from '../advisor.ts';
import { reasonText } from '../../report-text/reason-text.ts';
import { ACTION } from './actions-ids.ts';
import { alternativesBlocks } from './alternatives-blocks.ts';
import { askedLine, type AskedBy } from './asked-line.ts';
import { describeGpus, describeMode, describeParallelism, describeSloStatus, describeWorkload } from './describe-candidate.ts';
import { escapeMrkdwn, formatDollars, formatMs, formatPercent, formatPerMillionOutput, formatRelativeChange, truncate } from './format-slack.ts';
import { actions, button, context, fieldsSection, section, type SlackMessage } from './message.ts';

/** Characters of block JSON allowed before the buttons (issue 19: about 1,500; Slack users stop reading). */
export const ANSWER_HEAD_MAX = 1500;
/** Reasons shown on the card; the rest are in the breakdown and the CLI. */
const MAX_REASONS = 2;

export interface AnswerOptions {
  /** Id the buttons carry back to find this answer. */
  readonly answerId: string;
  /** Follow-ups: what changed, and the recommendation's cost before the change. */
  readonly changes?: readonly QueryChange[];
  readonly previousDollarsPerMillionOutputTokens?: number;
  /** Ephemeral answers get a "Share to channel" button. */
  readonly ephemeral?: boolean;
  /** Slash commands and forms: who asked what (others in the channel can't see the command). */
  readonly askedBy?: AskedBy;
  /** Posted where the bot is not a member: it will not see replies in the thread, so say so. */
  readonly followUpsUnavailable?: string;
}

/** The answer in one sentence (mrkdwn). */
export function answerSentence(report: AdviceReport, best: Candidate): string {
  return (
    `Run *${escapeMrkdwn(report.request.modelId)}* on *${escapeMrkdwn(best.platformName)}*, ${describeMode(best, report.request)} serving, ` +
    `${describeGpus(best)}: *${formatPerMillionOutput(best.effectiveDollarsPerMillionOutputTokens)}*${rangeNote(best)} at your load vs ` +
    `${formatDollars(best.fullLoadDollarsPerMillionOutputTokens)} at full load; ${describeSloStatus(report, best)}.`
  );
}

/** The performance model's held-out band carried into dollars, when it moves the figure at all. */
function rangeNote(best: Candidate): string {
  const range = best.effectiveDollarsPerMillionOutputTokensRange;
  if (!range || !Number.isFinite(range.low) || !Number.isFinite(range.high)) return '';
  const low = formatDollars(range.low);
  const high = formatDollars(range.high);
  return low === high ? '' : ` (${low}-${high})`;
}

/** Plain-text fallback for notifications and screen readers. */
export function answerFallbackText(report: AdviceReport): string {
  const best = report.recommendation;
  if (best === null) return `tokcost: no platform fits ${describeWorkload(report)}. ${report.reasons[0]?.text ?? ''}`.trim();
  return (
    `tokcost: ${report.request.modelId} on ${best.platformName}, ${best.servingMode}${speculativeModeText(report.request)}, ${describeGpus(best)}: ` +
    `${formatPerMillionOutput(best.effectiveDollarsPerMillionOutputTokens)} at your load vs ` +
    `${formatDollars(best.fullLoadDollarsPerMillionOutputTokens)} at full load; ${describeSloStatus(report, best)}.`
  );
}

function changesLine(options: AnswerOptions, best: Candidate | null): string | undefined {
  if (!options.changes || options.changes.length === 0) return undefined;
  const parts = options.changes.slice(0, 6).map((c) => `${escapeMrkdwn(truncate(c.field, 40))} ${escapeMrkdwn(truncate(c.from, 40))} → ${escapeMrkdwn(truncate(c.to, 40))}`);
  if (options.changes.length > 6) parts.push(`${options.changes.length - 6} more`);
  const before = options.previousDollarsPerMillionOutputTokens;
  if (before !== undefined && best !== null) {
    const after = best.effectiveDollarsPerMillionOutputTokens;
    parts.push(`*cost ${formatDollars(before)} → ${formatDollars(after)}* / 1M output tokens (${formatRelativeChange(before, after)})`);
  }
  return `*What changed:* ${parts.join(' · ')}`;
}

const POLICY_WORDS: Record<Candidate['policy'], string> = {
  'static-peak': 'fixed fleet sized for the peak',
  'reactive-autoscale': 'autoscaled with the load',
  'scale-to-zero': 'autoscaled, down to zero when idle',
  'reserved-plus-burst': 'reserved base plus on-demand burst',
};

/** Four fields that add to the sentence (it already has the platform, mode, GPU count and costs). */
function candidateFields(report: AdviceReport, best: Candidate): string[] {
  // A stale price is flagged next to the figure (issue 22); a missing calibration next to the basis (issue 25).
  const age = priceAge(best.priceSource, report.request.asOfDate, report.request.priceStaleAfterDays);
  const stale = age?.stale ? `\n_price as of ${age.asOf}: possibly stale_` : '';
  const uncalibrated = report.assumptions[0]?.name === 'calibration' ? ' (*no calibration file*: uncalibrated)' : '';
  return [
    `*Fleet*\n${POLICY_WORDS[best.policy]}\n${describeParallelism(best)}`,
    `*Utilization*\n${formatPercent(best.meanUtilizationFraction)} of paid GPU time serves tokens`,
    `*Per month*\n${formatDollars(best.dollarsPerMonth)} at ${formatDollars(best.dollarsPerGpuHour)} / GPU-hour${stale}`,
    `*Latency*\nTTFT ${formatMs(best.ttftMs)} · TPOT ${formatMs(best.tpotMs)}\n${best.basis} estimate${uncalibrated}`,
  ];
}

function buttons(options: AnswerOptions, hasRecommendation: boolean): KnownBlock {
  const id = options.answerId;
  const elements = [button('Adjust inputs', ACTION.adjust, id, 'primary'), button('Assumptions & sources', ACTION.assumptions, id)];
  if (hasRecommendation) {
    elements.push(button('Cost breakdown', ACTION.breakdown, id), button('Compare serving modes', ACTION.compareModes, id));
  }
  if (options.ephemeral) elements.push(button('Share to channel', ACTION.share, id));
  return actions('tokcost_answer_actions', elements);
}

/** Reasons that fit the budget left before the buttons, whole (a cut reason would misquote its numbers). */
function whyBlock(report: AdviceReport, used: number): KnownBlock | undefined {
  const budget = ANSWER_HEAD_MAX - used - 120;
  const line = (texts: readonly string[]) => `*Why:* ${texts.join('; ').replace(/[.;\s]*$/, '.')}`;
  const shown: string[] = [];
  for (const reason of report.reasons.slice(0, MAX_REASONS)) {
    const text = escapeMrkdwn(reasonText(reason, report));
    if (line([...shown, text]).length > budget) break;
    shown.push(text);
  }
  return shown.length > 0 ? context([line(shown)]) : undefined;
}

/** The full answer message for a report. */
export function answerMessage(report: AdviceReport, options: AnswerOptions): SlackMessage {
  const best = report.recommendation;
  const head: KnownBlock[] = [];
  if (best === null) {
    const reasons = report.reasons.slice(0, 4).map((r) => `• ${escapeMrkdwn(truncate(reasonText(r, report), 300))}`).join('\n');
    head.push(section(`*No platform fits ${escapeMrkdwn(describeWorkload(report))}.*\n${reasons || 'No candidate met the constraints.'}`, 'tokcost_answer'));
  } else {
    head.push(section(answerSentence(report, best), 'tokcost_answer'));
  }
  const changes = changesLine(options, best);
  if (changes) head.push(section(truncate(changes, 600), 'tokcost_changes'));
  if (best !== null) {
    head.push(fieldsSection(candidateFields(report, best)));
    const why = whyBlock(report, JSON.stringify(head).length);
    if (why) head.push(why);
  }
  const tail: KnownBlock[] = [...alternativesBlocks(report)];
  const about = [escapeMrkdwn(describeWorkload(report))];
  if (options.askedBy) about.unshift(askedLine(options.askedBy));
  if (options.followUpsUnavailable) about.push(options.followUpsUnavailable);
  tail.push(context(about));
  return { text: answerFallbackText(report), blocks: [...head, buttons(options, best !== null), ...tail] };
}
