/** Output helpers shared by the CLI commands. */

/** JSON with non-finite numbers as null (JSON has no Infinity or NaN). */
export function jsonSafe(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

/** out.png -> out-load.png for the second chart (the load and capacity chart of the advice). */
export function secondChartPath(path: string, index: number): string {
  return path.replace(/(\.png)?$/i, index === 1 ? '-load.png' : `-${index + 1}.png`);
}
