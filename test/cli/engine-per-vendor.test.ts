/** perf and advise assume the same engine per vendor, and refuse TensorRT-LLM where it cannot run. */
import { describe, expect, it } from 'vitest';
import { loadCatalogOrThrow } from '../../src/catalog/index.ts';
import { loadCalibration } from '../../src/catalog/load-calibration.ts';
import { resolveEfficiencies } from '../../src/engine/performance/calibration.ts';
import { runCli } from '../../src/cli/run-cli.ts';

const run = (...argv: string[]) => runCli(argv, { now: () => new Date('2026-12-01T00:00:00Z') });
const perf = (...extra: string[]) => run('perf', '--model', 'llama-3.3-70b', '--gpus', '8', '--precision', 'fp8', '--input-tokens', '1024', '--output-tokens', '256', '--json', ...extra);

describe('serving engine by vendor', () => {
  it('perf assumes the engine advise assumes when none is named', async () => {
    const engineOf = async (platform: string) => JSON.parse((await perf('--platform', platform)).stdout).engine;
    expect(await engineOf('h200')).toBe('trtllm');
    expect(await engineOf('mi300x')).toBe('sglang');
    expect(await engineOf('inferentia2')).toBe('vllm');
  });

  it('refuses TensorRT-LLM on a chip it does not run on, naming the engine that does', async () => {
    const result = await perf('--platform', 'mi355x', '--engine', 'trtllm');
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain('TensorRT-LLM runs only on NVIDIA GPUs');
    expect(result.stderr).toContain('--engine sglang');
  });

  it('advise says the engine, not the targets, ruled every platform out', async () => {
    const result = await run('advise', '--model', 'llama-3.3-70b', '--input-tokens', '1000', '--output-tokens', '200', '--requests-per-second', '5', '--vendors', 'amd', '--engine', 'trtllm', '--json');
    const report = JSON.parse(result.stdout);
    expect(report.recommendation).toBeNull();
    expect(report.infeasible.length).toBeGreaterThan(0);
    expect(report.infeasible.filter((i: { reason: string }) => i.reason.includes('TensorRT-LLM runs only on NVIDIA')).length).toBeGreaterThan(0);
    const engine = report.assumptions.find((a: { name: string }) => a.name === 'serving engine');
    expect(engine.value).toBe('trtllm');
    expect(engine.source.title).toBe('your request');
    const text = (await run('advise', '--model', 'llama-3.3-70b', '--input-tokens', '1000', '--output-tokens', '200', '--requests-per-second', '5', '--vendors', 'amd', '--engine', 'trtllm')).stdout;
    expect(text).toMatch(/No recommendation: none of the \d+ platforms considered can serve it \(mi\d+x: TensorRT-LLM runs only on NVIDIA/);
  });

  it('answers MI325X from the measured MI300X fit (same CDNA3 die and software), not the generic prior', () => {
    const resolved = resolveEfficiencies(loadCalibration(), 'mi325x', 'llama-3.3-70b', 'sglang');
    expect(resolved.efficienciesFrom).toBe('mi300x');
    expect(resolved.basis).toBe('calibrated');
    expect(loadCatalogOrThrow().accelerators.some((a) => a.id === 'mi325x')).toBe(true);
  });
});
