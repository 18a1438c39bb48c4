import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.ts';

/** In process: the command's output as data (one spawn test of bin/tokcost.js lives in bin.test.ts). */
async function tokcost(...args: string[]) {
  const result = await runCli([...args]);
  return { code: result.exitCode, stdout: result.stdout, stderr: result.stderr };
}

describe('tokcost planning reports', () => {
  it('curve --example --json prints platforms with points of load fraction and effective $/M output tokens', async () => {
    const { code, stdout } = await tokcost('curve', '--example', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.platforms.length).toBeGreaterThan(1);
    for (const p of report.platforms) {
      expect(typeof p.platform).toBe('string');
      expect(p.points[0]).toEqual({ loadFraction: expect.any(Number), effectiveDollarsPerMillionOutputTokens: expect.any(Number) });
    }
  }, 60_000);

  it('tco answers a question in words with rented and owned tables, a verdict, assumptions and a chart', async () => {
    const chart = join(mkdtempSync(join(tmpdir(), 'tokcost-tco-')), 'tco.png');
    const { code, stdout } = await tokcost('tco', 'gpt-oss-120b, 2k in / 400 out, 30 rps, peaks 4x, p95 TTFT under 1 s', '--chart', chart);
    expect(code).toBe(0);
    expect(stdout).toMatch(/is cheapest rented at \$[\d.]+ per 1M tokens \(input \$[\d.]+, output \$[\d.]+\)/);
    expect(stdout).toMatch(/Rented:\nplatform\s+mode\/policy\s+\$\/M in\s+\$\/M out\s+\$\/M total/);
    expect(stdout).toContain('Owned (purchase amortized + power)');
    // The workload's own assumptions come first (the interactive latency default leads), then the report's.
    expect(stdout).toMatch(/Assumptions \(with sources\):\n {2}- tokens\/s per user: 20 tok\/s per user[^\n]*\n(?: {2}- [^\n]*\n)* {2}- input vs output cost split/);
    expect(stdout).toContain('(spec-only)');
    expect(existsSync(chart) && statSync(chart).size > 5000).toBe(true);
  }, 60_000);

  it('crossover and batch take the advise flags', async () => {
    const flags = ['--model', 'gpt-oss-120b', '--input-tokens', '2048', '--output-tokens', '400', '--requests-per-second', '30', '--tpot-ms', '20', '--ttft-ms', '1000', '--horizon', 'day'];
    const crossover = await tokcost('crossover', ...flags);
    expect(crossover.code).toBe(0);
    expect(crossover.stdout).toMatch(/At your point \(30 req\/s, 50 tok\/s per user\) .+ is cheapest/);
    expect(crossover.stdout).toContain('Crossover points:');
    const batch = await tokcost('batch', ...flags, '--json');
    expect(batch.code).toBe(0);
    const report = JSON.parse(batch.stdout);
    expect(report.platforms[0].points[0]).toMatchObject({ batch: 1, bound: 'memory' });
  }, 60_000);

  it('a bad question lists its problems; no workload is a usage error', async () => {
    expect((await tokcost('curve', 'how much for lots of traffic?')).code).toBe(2);
    const bare = await tokcost('batch');
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('--example');
  }, 60_000);
});
