/** Display formatting for Slack text (display units live here, not in the engine). */

const SIG = (value: number, digits: number) => Number(value.toPrecision(digits));

/** "$0.42", "$4.20", "$1,234", "$0.087": two significant figures below a dime, never six. */
export function formatDollars(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const abs = Math.abs(value);
  const sign = value < 0 ? '-' : '';
  if (abs >= 100) return `${sign}$${Math.round(abs).toLocaleString('en-US')}`;
  if (abs >= 1) return `${sign}$${abs.toFixed(2)}`;
  if (abs === 0) return '$0';
  if (abs >= 0.1) return `${sign}$${abs.toFixed(2)}`;
  // Two significant figures, in fixed notation (never an exponent, whatever the size).
  return `${sign}$${abs.toFixed(Math.min(20, 1 - Math.floor(Math.log10(abs))))}`;
}

export const formatPerMillionOutput = (value: number): string => `${formatDollars(value)} / 1M output tokens`;

/** 0.4231 -> "42%"; small shares keep one decimal. */
export function formatPercent(fraction: number): string {
  const pct = fraction * 100;
  return Math.abs(pct) < 9.95 && pct !== 0 ? `${pct.toFixed(1)}%` : `${Math.round(pct)}%`;
}

/** Signed relative change: "+45%", "-12%", "same". */
export function formatRelativeChange(from: number, to: number): string {
  if (from === 0) return to === 0 ? 'same' : 'new';
  const change = (to - from) / from;
  if (Math.abs(change) < 0.005) return 'same';
  return `${change > 0 ? '+' : '-'}${formatPercent(Math.abs(change))}`;
}

export const formatMs = (ms: number): string => (ms >= 1000 ? `${SIG(ms / 1000, 3)} s` : `${Math.round(ms)} ms`);

/** 2000 -> "2k", 400 -> "400", 1500000 -> "1.5M". */
export function formatCount(value: number): string {
  if (value >= 1e6) return `${SIG(value / 1e6, 3)}M`;
  if (value >= 1e3) return `${SIG(value / 1e3, 3)}k`;
  return `${SIG(value, 3)}`;
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
