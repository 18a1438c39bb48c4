/** Output helpers shared by the CLI commands. */

/**
 * A report as --json prints it. JSON has no Infinity or NaN: JSON.stringify itself writes them as null
 * (ECMA-262 SerializeJSONProperty), so no replacer is needed, and none is passed: a replacer function
 * takes V8 off its fast path, doubling the time for the 1.3 MB of a week's advice.
 */
export function reportJson(report: unknown): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** out.png -> out-load.png for the second chart (the load and capacity chart of the advice). */
export function secondChartPath(path: string, index: number): string {
  return path.replace(/(\.png)?$/i, index === 1 ? '-load.png' : `-${index + 1}.png`);
}
