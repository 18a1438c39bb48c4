/** Display formatting for Slack text (display units live here, not in the engine). */

import { formatCount, formatDollars, formatMs, formatPercent } from '../../format.ts';

/** Numbers and money print the same in Slack as in the CLI: one display module (src/format.ts). */
export { formatCount, formatDollars, formatMs, formatPercent };

export const formatPerMillionOutput = (value: number): string => `${formatDollars(value)} / 1M output tokens`;

/** Signed relative change: "+45%", "-12%", "same". */
export function formatRelativeChange(from: number, to: number): string {
  if (from === 0) return to === 0 ? 'same' : 'new';
  const change = (to - from) / from;
  if (Math.abs(change) < 0.005) return 'same';
  return `${change > 0 ? '+' : '-'}${formatPercent(Math.abs(change))}`;
}

/** Mean GPUs may be fractional over a day (autoscaling): one decimal below 100, whole GPUs above. */
export const formatGpus = (count: number): string => (Number.isInteger(count) || count >= 100 ? `${Math.round(count)}` : count.toFixed(1));

/** Escapes the three characters Slack mrkdwn treats as control characters. */
export const escapeMrkdwn = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** Cuts text to `max` characters with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}
