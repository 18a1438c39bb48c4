import { describe, expect, it } from 'vitest';
import { loadCatalogOrThrow } from '../../../src/catalog/index.ts';
import { loadCalibration } from '../../../src/catalog/load-calibration.ts';
import { findAccelerator, findModel } from '../../../src/engine/catalog/lookup.ts';
import { estimatePerformance } from '../../../src/engine/performance/estimate.ts';
import { layoutLabel, layoutProblem, parseParallelism, type ParallelLayout } from '../../../src/engine/performance/layout.ts';

const catalog = loadCatalogOrThrow();
const calibration = loadCalibration();
const llama70b = findModel(catalog, 'llama-3.3-70b')!;
const qwen235b = findModel(catalog, 'qwen3-235b-a22b')!;
const h200 = findAccelerator(catalog, 'h200')!;
const gh200 = findAccelerator(catalog, 'gh200')!;

function layout(text: string): ParallelLayout {
  const parsed = parseParallelism(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.layout;
}

describe('parseParallelism', () => {
  it('reads the layouts published benchmarks state', () => {
    expect(layout('TP8')).toEqual({ ranks: 8, pipelineParallel: 1, attentionDataParallel: false });
    expect(layout('TP4PP2')).toEqual({ ranks: 4, pipelineParallel: 2, attentionDataParallel: false });
    expect(layout('tp1 pp8')).toEqual({ ranks: 1, pipelineParallel: 8, attentionDataParallel: false });
    expect(layout('TP8EP8')).toEqual({ ranks: 8, pipelineParallel: 1, attentionDataParallel: false, expertParallel: 8 });
    expect(layout('DEP4')).toEqual({ ranks: 4, pipelineParallel: 1, attentionDataParallel: true });
    expect(layout('DEP8,PP2')).toEqual({ ranks: 8, pipelineParallel: 2, attentionDataParallel: true });
  });

  it('says what is wrong and how to write a layout', () => {
    const cases: [string, RegExp][] = [
      ['', /is empty/],
      ['TP8TP4', /gives TP twice/],
      ['TP8 DEP8', /both TP and DEP/],
      ['TP0', /at least 1/],
      ['8xH100', /not TPn, PPn, EPn or DEPn/],
      ['EP8', /EP without TP or DEP/],
    ];
    for (const [text, why] of cases) {
      const parsed = parseParallelism(text);
      expect(parsed.ok, text).toBe(false);
      if (!parsed.ok) {
        expect(parsed.message).toMatch(why);
        expect(parsed.message).toContain('TP4PP2');
      }
    }
  });
});

describe('layoutProblem', () => {
  it('accepts layouts that divide the GPUs inside the scale-up domain', () => {
    expect(layoutProblem(layout('TP8'), llama70b, h200, 8)).toBeNull();
    expect(layoutProblem(layout('TP4PP2'), llama70b, h200, 16)).toBeNull();
    expect(layoutProblem(layout('TP1PP8'), llama70b, gh200, 8)).toBeNull();
    expect(layoutProblem(layout('DEP8'), qwen235b, h200, 8)).toBeNull();
  });

  it('refuses a layout that does not divide the GPUs', () => {
    expect(layoutProblem(layout('TP4PP2'), llama70b, h200, 12)).toMatch(/8 GPUs per replica, which does not divide --gpus 12/);
  });

  it('refuses tensor parallel beyond the scale-up domain and names a layout that works', () => {
    expect(layoutProblem(layout('TP8'), llama70b, gh200, 8)).toMatch(/scale-up domain 1.*scale-out network.*TP1PP8/);
    expect(layoutProblem(layout('TP16'), llama70b, h200, 16)).toMatch(/at most 8 GPUs.*TP8PP2/);
  });

  it('refuses DEP and EP on a dense model, and EP unequal to the ranks', () => {
    expect(layoutProblem(layout('DEP4'), llama70b, h200, 8)).toMatch(/needs a mixture-of-experts model/);
    expect(layoutProblem(layout('TP8EP8'), llama70b, h200, 8)).toMatch(/needs a mixture-of-experts model/);
    expect(layoutProblem(layout('TP8EP4'), qwen235b, h200, 8)).toMatch(/EP must be 8/);
    expect(layoutProblem(layout('TP8EP1'), qwen235b, h200, 8)).toBeNull();
  });

  it('names the layout it runs the way benchmarks write it', () => {
    expect(layoutLabel(layout('TP8'), qwen235b)).toBe('TP8');
    expect(layoutLabel(layout('TP8EP8'), qwen235b)).toBe('TP8EP8');
    expect(layoutLabel(layout('TP8'), llama70b)).toBe('TP8');
    expect(layoutLabel(layout('tp1pp8'), llama70b)).toBe('TP1PP8');
    expect(layoutLabel(layout('dep4'), qwen235b)).toBe('DEP4');
  });
});

describe('estimatePerformance with a stated layout', () => {
  const base = { model: 'llama-3.3-70b', platform: 'h200', gpus: 8, precision: 'fp8' as const, inputTokens: 1024, outputTokens: 1024 };

  it('runs the stated layout and says so; without one the JSON names the layout the model chose', () => {
    const stated = estimatePerformance(catalog, calibration, { ...base, layout: layout('TP4PP2') });
    expect(stated.ok).toBe(true);
    if (stated.ok) expect(stated.estimate.parallelism).toMatchObject({ tensor: 4, pipeline: 2, replicas: 1, layout: 'TP4PP2', chosenBy: 'request' });
    const chosen = estimatePerformance(catalog, calibration, base);
    expect(chosen.ok).toBe(true);
    if (chosen.ok) {
      expect(chosen.estimate.parallelism.chosenBy).toBe('model');
      expect(chosen.estimate.parallelism.layout).toMatch(/^TP\d+(PP\d+)?$/);
    }
  });

  it('builds DEP replicas for MoE models (each rank keeps its own attention weights)', () => {
    const dep = estimatePerformance(catalog, calibration, { ...base, model: 'qwen3-235b-a22b', layout: layout('DEP8') });
    const tp = estimatePerformance(catalog, calibration, { ...base, model: 'qwen3-235b-a22b', layout: layout('TP8') });
    expect(dep.ok && tp.ok).toBe(true);
    if (dep.ok && tp.ok) {
      expect(dep.estimate.parallelism).toMatchObject({ layout: 'DEP8', attentionDataParallel: true });
      expect(dep.estimate.memory.weightGbPerGpu).toBeGreaterThan(tp.estimate.memory.weightGbPerGpu);
    }
  });

  it('refuses an invalid layout with the reason, and one that does not fit in memory with what to change', () => {
    const refused = estimatePerformance(catalog, calibration, { ...base, platform: 'gh200', layout: layout('TP8') });
    expect(refused).toMatchObject({ ok: false, code: 'bad-input' });
    const tooSmall = estimatePerformance(catalog, calibration, { ...base, model: 'llama-3.1-405b', gpus: 2, layout: layout('TP2') });
    expect(tooSmall.ok).toBe(false);
    if (!tooSmall.ok) expect(tooSmall.message).toMatch(/in TP2 does not fit on .*use more GPUs per replica/);
  });
});
