import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli.ts';

/** In process: the command's output as data (one spawn test of bin/tokcost.js lives in bin.test.ts). */
async function tokcost(...args: string[]) {
  const result = await runCli(['advise', ...args]);
  return { code: result.exitCode, stdout: result.stdout, stderr: result.stderr };
}

describe('tokcost advise', () => {
  it('--example prints a card and a table of alternatives', async () => {
    const { code, stdout } = await tokcost('--example');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Recommendation: .+, (aggregated|disaggregated), /);
    expect(stdout).toMatch(/at your load vs .+ at full load/);
    expect(stdout).toMatch(/Utilization: .+ served \| demand below capacity/);
    expect(stdout).toMatch(/platform\s+mode\s+policy\s+GPUs mean\/peak\s+\$\/M out eff\s+\$\/M out full\s+util\s+SLO/);
  }, 60_000);

  it('--json prints one object with the recommendation, candidates and assumptions', async () => {
    const { code, stdout } = await tokcost('--model', 'gpt-oss-120b', '--input-tokens', '2048', '--output-tokens', '400', '--requests-per-second', '30',
      '--peak-to-average', '4', '--ttft-ms', '1000', '--ttft-percentile', '95', '--tpot-ms', '20', '--platforms', 'b200,mi355x', '--horizon', 'day', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.recommendation.platform).toMatch(/^(b200|mi355x)$/);
    for (const c of report.candidates) {
      for (const key of ['platform', 'servingMode', 'policy', 'gpuCount', 'peakGpuCount', 'effectiveDollarsPerMillionOutputTokens', 'fullLoadDollarsPerMillionOutputTokens',
        'effectiveDollarsPerMillionTotalTokens', 'fullLoadDollarsPerMillionTotalTokens', 'meanUtilizationFraction', 'meetsSlo', 'basis']) expect(c).toHaveProperty(key);
    }
    expect(new Set(report.candidates.map((c: { platform: string }) => c.platform))).toEqual(new Set(['b200', 'mi355x']));
    expect(report.assumptions.length).toBeGreaterThan(5);
  }, 60_000);

  it('--price, --vendors and --own change the money', async () => {
    const priced = JSON.parse((await tokcost('--example', '--platforms', 'h200,b200', '--price', 'b200=1', '--json')).stdout);
    expect(priced.candidates.find((c: { platform: string }) => c.platform === 'b200').dollarsPerGpuHour).toBeCloseTo(1, 9);
    const amd = JSON.parse((await tokcost('--example', '--vendors', 'amd', '--json')).stdout);
    expect(amd.candidates.every((c: { vendor: string }) => c.vendor === 'amd')).toBe(true);
    const owned = JSON.parse((await tokcost('--example', '--own', '--dollars-per-kwh', '0.12', '--json')).stdout);
    expect(owned.assumptions.some((a: { name: string; value: string }) => a.name === 'electricity $/kWh' && a.value === '0.12')).toBe(true);
  }, 60_000);

  it('bad flags: exit 2, the flag named, an example that works', async () => {
    const cases: [string[], RegExp][] = [
      [['--model', 'gpt-oss-120b', '--input-tokens', 'many', '--output-tokens', '400', '--requests-per-second', '30'], /--input-tokens must be a finite number/],
      [['--model', 'gpt-oss-12b', '--input-tokens', '2048', '--output-tokens', '400', '--requests-per-second', '30'], /--model: unknown model "gpt-oss-12b"; did you mean/],
      [['--example', '--platforms', 'b2000'], /--platforms: unknown platform "b2000"/],
      [['--example', '--price', 'b200'], /--price expects PLATFORM=DOLLARS_PER_GPU_HOUR/],
      [['--example', '--dollars-per-kwh', '0.1'], /apply to owned hardware, not rented GPUs/],
      [['--frobnicate'], /Unknown option '--frobnicate'/],
      [['--model', 'gpt-oss-120b', '--requests-per-second', '1e308'], /--requests-per-second: mean requests\/s .* out of range/],
      [['--chart', '/tmp', '--example'], /--chart needs a file to write/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await tokcost(...args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toMatch(message);
      expect(stderr).toMatch(/Example that works: tokcost advise --model gpt-oss-120b/);
    }
  });

  it('--chart writes the cost-vs-load PNG and the load-and-capacity PNG', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tokcost-advise-'));
    const file = join(dir, 'cost.png');
    const { code } = await tokcost('--example', '--platforms', 'b200,mi355x', '--chart', file);
    expect(code).toBe(0);
    for (const path of [file, join(dir, 'cost-load.png')]) {
      expect(existsSync(path)).toBe(true);
      expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG');
    }
  }, 60_000);
});
