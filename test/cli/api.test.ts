import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.ts';

/** In process: the command's output as data (one spawn test of bin/tokcost.js lives in bin.test.ts). */
async function tokcost(...args: string[]) {
  const result = await runCli(['api', ...args]);
  return { code: result.exitCode, stdout: result.stdout, stderr: result.stderr };
}

describe('tokcost api', () => {
  it('--example prints the API table, the answer and the break-even in words', async () => {
    const { code, stdout } = await tokcost('--example', '--as-of', '2026-09-01');
    expect(code).toBe(0);
    expect(stdout).toMatch(/provider\s+\$\/M in\s+\$\/M out\s+\$\/M total \(this mix\)\s+\$\/M out \(this mix\)\s+API\/self-hosted\s+as of/);
    expect(stdout).toMatch(/^At 30 req\/s, .+ per 1M output tokens \(input included\)/m);
    expect(stdout).toMatch(/^Break-even: (.+ req\/s mean \(.+ tokens a day in \+ out|none \()/m);
    expect(stdout).toMatch(/^API side SLO: /m);
  }, 60_000);

  it('--json has apiOptions and breakEven with the documented fields; --chart writes a PNG', async () => {
    const chart = join(mkdtempSync(join(tmpdir(), 'tokcost-api-')), 'api.png');
    const { code, stdout } = await tokcost('--example', '--as-of', '2026-09-01', '--json', '--chart', chart);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.apiOptions.length).toBeGreaterThan(3);
    for (const o of report.apiOptions) {
      for (const key of ['provider', 'dollarsPerMillionInputTokens', 'dollarsPerMillionOutputTokens', 'blendedDollarsPerMillionTokens', 'effectiveDollarsPerMillionOutputTokens', 'source', 'asOf', 'stale']) expect(o).toHaveProperty(key);
    }
    const costs = report.apiOptions.map((o: { effectiveDollarsPerMillionOutputTokens: number }) => o.effectiveDollarsPerMillionOutputTokens);
    expect(costs).toEqual([...costs].sort((a, b) => a - b));
    if (report.breakEven === null) expect(report.breakEvenMissing.reason).toBeTruthy();
    else for (const key of ['requestsPerSecond', 'tokensPerDay', 'platform', 'provider', 'utilizationFraction']) expect(report.breakEven).toHaveProperty(key);
    expect(readFileSync(chart).subarray(1, 4).toString()).toBe('PNG');
  }, 60_000);

  it('takes a question in words and flags stale prices against --as-of', async () => {
    const { code, stdout } = await tokcost('gpt-oss-120b, 2k in / 400 out, 30 rps, peaks 4x', '--json', '--as-of', '2028-01-01');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.modelId).toBe('gpt-oss-120b');
    expect(report.apiOptions.every((o: { stale: boolean }) => o.stale)).toBe(true);
    expect(report.sentence).toMatch(/possibly stale/);
  }, 60_000);

  it('bad input: exit 2 with the problem named', async () => {
    expect(await tokcost('--example', '--as-of', 'yesterday')).toMatchObject({ code: 2, stderr: expect.stringMatching(/--as-of must be a date/) });
    expect(await tokcost('--frobnicate')).toMatchObject({ code: 2, stderr: expect.stringMatching(/Unknown option '--frobnicate'/) });
    expect(await tokcost('--model', 'gpt-oss-120b', '--input-tokens', '200000')).toMatchObject({ code: 2, stderr: expect.stringMatching(/--input-tokens: .*context window/) });
  }, 60_000);
});
