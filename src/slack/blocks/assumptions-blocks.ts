/** Assumptions with their sources and dates, as context blocks (at most 10 elements each). */
import type { KnownBlock } from '@slack/types';
import type { Assumption } from '../../engine/advice-types.ts';
import type { SourceRef } from '../../engine/catalog/types.ts';
import { escapeMrkdwn, truncate } from './format-slack.ts';
import { CONTEXT_ELEMENTS_MAX, context } from './message.ts';

const MAX_BLOCKS = 2;

/** "<url|title>, measured, 2025-04". */
export function describeSource(source: SourceRef): string {
  const title = escapeMrkdwn(truncate(source.title, 120)).replaceAll('|', '¦');
  const link = source.url ? `<${source.url}|${title}>` : title;
  return `${link}, ${source.basis.replace('-', ' ')}, ${source.asOf}`;
}

export const describeAssumption = (a: Assumption): string =>
  truncate(`${escapeMrkdwn(a.name)}: ${escapeMrkdwn(a.value)} (${describeSource(a.source)})`, 600);

export function assumptionsBlocks(assumptions: readonly Assumption[]): KnownBlock[] {
  if (assumptions.length === 0) return [];
  const perBlock = CONTEXT_ELEMENTS_MAX - 1;
  const capacity = perBlock * MAX_BLOCKS;
  const shown = assumptions.slice(0, capacity).map(describeAssumption);
  const hidden = assumptions.length - shown.length;
  if (hidden > 0) shown[shown.length - 1] = `…and ${hidden + 1} more assumptions`;
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < shown.length; i += perBlock) {
    const label = i === 0 ? '*Assumptions*' : '*Assumptions (cont.)*';
    blocks.push(context([label, ...shown.slice(i, i + perBlock)]));
  }
  return blocks;
}
