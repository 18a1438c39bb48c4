/** `--load-csv` answers from the user's series; bad files and out-of-range flags are refused, naming what and where. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'tokcost-csv-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const run = (...argv: string[]) => runCli(argv, { now: () => new Date('2026-12-01T00:00:00Z') });

describe('advise --load-csv', () => {
  it('answers from an hourly count series: the mean and the shape come from the file', async () => {
    // 24 hourly rows of requests counted per hour: 36,000/h (10 req/s) at night, 180,000/h (50 req/s) 12:00-13:59.
    const rows = Array.from({ length: 24 }, (_, h) => `2026-11-30T${String(h).padStart(2, '0')}:00:00Z,${h === 12 || h === 13 ? 180_000 : 36_000}`);
    const path = file('hourly.csv', `time,count\n${rows.join('\n')}\n`);
    const result = await run('advise', '--model', 'llama-3.3-70b', '--input-tokens', '1000', '--output-tokens', '200', '--load-csv', path, '--json');
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout);
    expect(report.request.shape.kind).toBe('series');
    expect(report.request.shape.stepMinutes).toBe(60);
    expect(report.request.meanRequestsPerSecond).toBeCloseTo((22 * 10 + 2 * 50) / 24, 9);
    expect(report.request.horizon).toBe('day');
    expect(report.recommendation).not.toBeNull();
    expect(Math.max(...report.capacitySeries[0].requestsPerSecond)).toBeGreaterThanOrEqual(50);
  });

  it('a malformed CSV gets a message naming the line', async () => {
    const path = file('bad.csv', 'minute,rps\n0,10\n1,12\n2,lots\n3,11\n');
    const result = await run('advise', '--model', 'llama-3.3-70b', '--load-csv', path);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/line 4: requests per second "lots" is not a number/);
    const missing = await run('advise', '--model', 'llama-3.3-70b', '--load-csv', join(dir, 'nope.csv'));
    expect(missing).toMatchObject({ exitCode: 2, stderr: expect.stringMatching(/--load-csv: cannot read .*no such file/) });
  }, 60_000);
});

describe('out-of-range flags are refused with the flag named', () => {
  it.each([
    [['advise', '--model', 'llama-3.3-70b', '--input-tokens', '2000', '--output-tokens', '500', '--requests-per-second', '1e308'], /--requests-per-second: mean requests\/s/],
    [['advise', '--model', 'llama-3.3-70b', '--requests-per-second', '1e30'], /--requests-per-second: .*out of range/],
    [['advise', '--model', 'llama-3.3-70b', '--requests-per-second', 'NaN'], /--requests-per-second must be a finite number/],
    [['advise', '--example', '--price', 'h100=1e-300'], /--price: h100-sxm: \$ per GPU-hour .* out of range/],
    [['advise', '--example', '--own', '--dollars-per-kwh', '1e308'], /--dollars-per-kwh: electricity \$\/kWh .* out of range/],
    [['advise', '--example', '--ttft-percentile', '0'], /--ttft-percentile: TTFT percentile 0 is out of range \(50 to 99.9/],
    [['advise', '--model', 'llama-3.3-70b', '--input-tokens', '10000000', '--output-tokens', '500'], /--input-tokens: .*context window of 131,072 tokens/],
    [['perf', '--model', 'llama-3.3-70b', '--platform', 'h100', '--gpus', '1e308'], /--gpus: GPUs .* out of range/],
  ])('%j', async (argv, message) => {
    const result = await run(...argv);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\d(?:\.\d+)?e[+-]\d|Infinity|NaN rps|at [a-z]+\.ts:\d/);
    expect(result.stdout).toBe('');
  }, 60_000);
});
