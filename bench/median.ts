/** Timing helpers for bench scripts: machines are shared and noisy, so report medians of many runs. */
export function medianMs(runs: number, fn: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < Math.min(3, runs); i++) fn(); // warm-up
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export function printRow(label: string, valueMs: number, targetMs?: number): void {
  const target = targetMs === undefined ? '' : `  (target < ${targetMs} ms: ${valueMs < targetMs ? 'met' : 'MISSED'})`;
  process.stdout.write(`${label.padEnd(66)} ${valueMs.toFixed(3).padStart(9)} ms${target}\n`);
}
