import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;

function tokcost(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'advise', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 2 ** 20 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('tokcost advise', () => {
  it('--example prints a card and a table of alternatives', () => {
    const { code, stdout } = tokcost('--example');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Recommendation: .+, (aggregated|disaggregated), /);
    expect(stdout).toMatch(/at your load vs .+ at full load/);
    expect(stdout).toMatch(/Utilization: .+ served \| demand below capacity/);
    expect(stdout).toMatch(/platform\s+mode\s+policy\s+GPUs mean\/peak\s+\$\/M out eff\s+\$\/M out full\s+util\s+SLO/);
  }, 60_000);

  it('--json prints one object with the recommendation, candidates and assumptions', () => {
    const { code, stdout } = tokcost('--model', 'gpt-oss-120b', '--input-tokens', '2048', '--output-tokens', '400', '--requests-per-second', '30',
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

  it('--price, --vendors and --own change the money', () => {
    const priced = JSON.parse(tokcost('--example', '--platforms', 'h200,b200', '--price', 'b200=1', '--json').stdout);
    expect(priced.candidates.find((c: { platform: string }) => c.platform === 'b200').dollarsPerGpuHour).toBeCloseTo(1, 9);
    const amd = JSON.parse(tokcost('--example', '--vendors', 'amd', '--json').stdout);
    expect(amd.candidates.every((c: { vendor: string }) => c.vendor === 'amd')).toBe(true);
    const owned = JSON.parse(tokcost('--example', '--own', '--dollars-per-kwh', '0.12', '--json').stdout);
    expect(owned.assumptions.some((a: { name: string; value: string }) => a.name === 'electricity $/kWh' && a.value === '0.12')).toBe(true);
  }, 60_000);

  it('bad flags: exit 2, the flag named, an example that works', () => {
    const cases: [string[], RegExp][] = [
      [['--model', 'gpt-oss-120b', '--input-tokens', 'many', '--output-tokens', '400', '--requests-per-second', '30'], /--input-tokens must be a positive number/],
      [['--model', 'gpt-oss-12b', '--input-tokens', '2048', '--output-tokens', '400', '--requests-per-second', '30'], /--model: unknown model "gpt-oss-12b"; did you mean/],
      [['--example', '--platforms', 'b2000'], /--platforms: unknown platform "b2000"/],
      [['--example', '--price', 'b200'], /--price expects PLATFORM=DOLLARS_PER_GPU_HOUR/],
      [['--example', '--dollars-per-kwh', '0.1'], /add --own/],
      [['--frobnicate'], /Unknown option '--frobnicate'/],
      [['--model', 'gpt-oss-120b'], /missing --input-tokens, --output-tokens, --requests-per-second/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = tokcost(...args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toMatch(message);
      expect(stderr).toMatch(/Example that works: tokcost advise --model gpt-oss-120b/);
    }
  }, 120_000);

  it('--chart writes the cost-vs-load PNG and the load-and-capacity PNG', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tokcost-advise-'));
    const file = join(dir, 'cost.png');
    const { code } = tokcost('--example', '--platforms', 'b200,mi355x', '--chart', file);
    expect(code).toBe(0);
    for (const path of [file, join(dir, 'cost-load.png')]) {
      expect(existsSync(path)).toBe(true);
      expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG');
    }
  }, 60_000);
});
