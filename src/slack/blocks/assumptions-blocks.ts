/**
 * Assumptions with their sources and dates: a few context blocks under a planning report, or the whole
 * list as the thread reply behind the answer card's "Assumptions & sources" button.
 */
import type { KnownBlock } from '@slack/types';
import type { AdviceReport, Assumption } from '../../engine/advice-types.ts';
import type { SourceRef } from '../../engine/catalog/types.ts';
import { describeWorkload } from './describe-candidate.ts';
import { escapeMrkdwn, formatDollars, truncate } from './format-slack.ts';
import { CONTEXT_ELEMENTS_MAX, context, section, type SlackMessage } from './message.ts';

const MAX_BLOCKS = 2;
/** A message holds 50 blocks; one is the heading. */
const MAX_MESSAGE_BLOCKS = 49;

/** "<url|title>, measured, 2025-04". */
export function describeSource(source: SourceRef): string {
  const title = escapeMrkdwn(truncate(source.title, 120)).replaceAll('|', '¦');
  const link = source.url ? `<${source.url}|${title}>` : title;
  return `${link}, ${source.basis.replace('-', ' ')}, ${source.asOf}`;
}

/** Dollar figures in catalog-derived text, rounded for reading: "$3.36312" -> "$3.36", "$2.1" -> "$2.10". */
export const roundDollarFigures = (text: string): string =>
  text.replace(/\$(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\d.]*e)/g, (_, whole: string, fraction = '') => formatDollars(Number(`${whole.replaceAll(',', '')}${fraction}`)));

export const describeAssumption = (a: Assumption): string =>
  truncate(`${escapeMrkdwn(a.name)}: ${escapeMrkdwn(roundDollarFigures(a.value))} (${describeSource(a.source)})`, 600);

/** Context blocks of `perBlock` assumptions each, at most `maxBlocks` blocks; the rest are counted. */
function assumptionContexts(assumptions: readonly Assumption[], maxBlocks: number, label?: string): KnownBlock[] {
  const perBlock = label ? CONTEXT_ELEMENTS_MAX - 1 : CONTEXT_ELEMENTS_MAX;
  const shown = assumptions.slice(0, perBlock * maxBlocks).map(describeAssumption);
  const hidden = assumptions.length - shown.length;
  if (hidden > 0) shown[shown.length - 1] = `…and ${hidden + 1} more assumptions`;
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < shown.length; i += perBlock) {
    const items = shown.slice(i, i + perBlock);
    blocks.push(context(label ? [i === 0 ? `*${label}*` : `*${label} (cont.)*`, ...items] : items));
  }
  return blocks;
}

export function assumptionsBlocks(assumptions: readonly Assumption[]): KnownBlock[] {
  return assumptions.length === 0 ? [] : assumptionContexts(assumptions, MAX_BLOCKS, 'Assumptions');
}

/** Every assumption of an answer with its source and date: the reply behind the card's button. */
export function assumptionsMessage(report: AdviceReport): SlackMessage {
  const workload = describeWorkload(report);
  const count = report.assumptions.length;
  const heading = section(`*Assumptions & sources* for ${escapeMrkdwn(workload)} (${count}; every figure with its source, basis and date)`);
  if (count === 0) return { text: `No assumptions recorded for ${workload}.`, blocks: [section(`No assumptions recorded for ${escapeMrkdwn(workload)}.`)] };
  return { text: `tokcost assumptions for ${workload}: ${count}`, blocks: [heading, ...assumptionContexts(report.assumptions, MAX_MESSAGE_BLOCKS)] };
}
