/** Display formatting only: units for people, never used in arithmetic. */
import { enUsNumber } from './engine/number-text.ts';

/**
 * Money for people, the same in the terminal, in Slack and on charts: "$12,272", "$4.20", "$0.39",
 * "$0.05", "$0.087", "$0.0012" (two decimals from $0.10, two significant digits below, whole dollars
 * from $100). Never exponent notation; a non-finite amount is "n/a".
 */
export function formatDollars(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const abs = Math.abs(value);
  const sign = value < 0 ? '-' : '';
  if (abs === 0) return '$0';
  if (abs >= 100) return `${sign}$${enUsNumber(Math.round(abs))}`;
  if (abs >= 0.1) return `${sign}$${abs.toFixed(2)}`;
  if (abs < 1e-6) return `${sign}<$0.000001`;
  return `${sign}$${enUsNumber(Number(abs.toPrecision(2)), 8)}`;
}

/** "$0.42 / 1M output tokens" */
export function formatDollarsPerMillion(value: number, tokens: 'output' | 'input' | 'total'): string {
  return `${formatDollars(value)} / 1M ${tokens} tokens`;
}

/** "1.2k tok/s", "850 tok/s" */
export function formatTokensPerSecond(value: number): string {
  return `${formatCount(value)} tok/s`;
}

/** 2000 -> "2k", 12345 -> "12.3k", 1.5e6 -> "1.5M", 726 -> "726", 9.256 -> "9.26", 0.125 -> "0.125". */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const abs = Math.abs(value);
  const sig = (v: number) => enUsNumber(Number(v.toPrecision(3)), 6);
  if (abs >= 1e12) return `${enUsNumber(Math.round(value / 1e12))}T`;
  if (abs >= 1e9) return `${sig(value / 1e9)}B`;
  if (abs >= 1e6) return `${sig(value / 1e6)}M`;
  if (abs >= 1e3) return `${sig(value / 1e3)}k`;
  if (abs > 0 && abs < 1e-3) return value < 0 ? '>-0.001' : '<0.001';
  return sig(value);
}

/** "30 req/s", "2.35 req/s", "1.24k req/s": the one rate rule (formatCount's). */
export function formatRequestsPerSecond(value: number): string {
  return `${formatCount(value)} req/s`;
}

/** "850 ms", "1.2 s" */
export function formatMs(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value >= 10_000) return `${(value / 1000).toFixed(0)} s`;
  if (value >= 1000) return `${Number((value / 1000).toFixed(1))} s`;
  if (value >= 10) return `${value.toFixed(0)} ms`;
  return `${value.toFixed(1)} ms`;
}

/** 0.4231 -> "42%"; small shares keep one decimal ("4.2%", "0.5%"). */
export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return 'n/a';
  const pct = fraction * 100;
  return Math.abs(pct) < 9.95 && pct !== 0 ? `${pct.toFixed(1)}%` : `${Math.round(pct)}%`;
}

export function formatGb(bytes: number): string {
  return `${(bytes / 1e9).toFixed(1)} GB`;
}

/** Render rows as an aligned plain-text table (first row = header). */
export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  // Numbers right-aligned, text left-aligned, so columns of figures line up on their last digit.
  const isNumeric = (cell: string) => /^[-$~]?[\d.,]+\s?[a-zA-Z%/]*$/.test(cell);
  const render = (row: readonly string[]) => row.map((cell, i) => (i > 0 && isNumeric(cell) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  const [header, ...body] = rows;
  if (!header) return '';
  return [render(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(render)].join('\n');
}

/**
 * A figure that came out non-finite, or money in exponent notation, is a defect to fix, never text to
 * show: the CLI command fails loudly and the Slack card is not posted (issue 25).
 */
export function unprintableFigure(text: string): string | null {
  const match = /\b(NaN|-?Infinity)\b|\$\d(?:\.\d+)?e[+-]?\d+|\d(?:\.\d+)?e[+-]\d+\s*(?:GPU|req|tok|\/)/.exec(text);
  return match ? match[0] : null;
}
