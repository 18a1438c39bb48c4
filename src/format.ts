/** Display formatting only: units for people, never used in arithmetic. */

export function formatDollars(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value >= 1000) return `$${Math.round(value).toLocaleString('en-US')}`;
  if (value >= 10) return `$${value.toFixed(1)}`;
  if (value >= 0.1) return `$${value.toFixed(2)}`;
  return `$${value.toPrecision(2)}`;
}

/** "$0.42 / 1M output tokens" */
export function formatDollarsPerMillion(value: number, tokens: 'output' | 'input' | 'total'): string {
  return `${formatDollars(value)} / 1M ${tokens} tokens`;
}

/** "1.2k tok/s", "850 tok/s" */
export function formatTokensPerSecond(value: number): string {
  return `${formatCount(value)} tok/s`;
}

export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${(value / 1e9).toFixed(abs >= 1e10 ? 0 : 1)}B`;
  if (abs >= 1e6) return `${(value / 1e6).toFixed(abs >= 1e7 ? 0 : 1)}M`;
  if (abs >= 1e3) return `${(value / 1e3).toFixed(abs >= 1e4 ? 0 : 1)}k`;
  if (abs >= 10) return value.toFixed(0);
  return value.toPrecision(2);
}

/** "850 ms", "1.2 s" */
export function formatMs(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value >= 10_000) return `${(value / 1000).toFixed(0)} s`;
  if (value >= 1000) return `${(value / 1000).toFixed(1)} s`;
  if (value >= 10) return `${value.toFixed(0)} ms`;
  return `${value.toFixed(1)} ms`;
}

export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return 'n/a';
  return `${(fraction * 100).toFixed(fraction < 0.1 ? 1 : 0)}%`;
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
