/**
 * One workload, one answer (issue 15): the same workload in words, by flags and through the Slack form's
 * field mapping gives the same recommendation and the same assumptions; advise and api state one
 * break-even; crossover marks advise's platform for the same load shape. In process, one day fixed.
 */
import { describe, expect, it } from 'vitest';
import { answer } from '../../src/advice/answer.ts';
import { buildWorkload } from '../../src/advice/build-workload.ts';
import { loadCatalogOrThrow } from '../../src/catalog/index.ts';
import { loadCalibration } from '../../src/catalog/load-calibration.ts';
import { runCli } from '../../src/cli/run-cli.ts';
import type { AdviceReport } from '../../src/engine/advice-types.ts';
import { formatRequestsPerSecond } from '../../src/format.ts';
import { FORM_BLOCK } from '../../src/slack/blocks/form-view.ts';
import { draftFromForm, readFormFields } from '../../src/slack/form-fields.ts';

const NOW = () => new Date('2026-12-01T12:00:00Z');
const WORDS = 'gpt-oss-120b, 2000 in / 400 out, 30 rps, peaks 4x, TTFT under 1000 ms, TPOT 20 ms';
const FLAGS = ['--model', 'gpt-oss-120b', '--input-tokens', '2000', '--output-tokens', '400', '--requests-per-second', '30', '--peak-to-average', '4', '--ttft-ms', '1000', '--tpot-ms', '20'];
const FORM = { model: 'gpt-oss-120b', inputTokens: '2000', outputTokens: '400', requestsPerSecond: '30', peakToAverage: '4', ttftMs: '1000', tpotMs: '20' } as const;

const cli = async (...argv: string[]) => {
  const result = await runCli(argv, { now: NOW });
  if (result.exitCode !== 0) throw new Error(`${argv.join(' ')}: ${result.stderr}`);
  return JSON.parse(result.stdout);
};

function formReport(): AdviceReport {
  const values = Object.fromEntries(Object.entries(FORM).map(([k, v]) => {
    const block = FORM_BLOCK[k as keyof typeof FORM_BLOCK];
    return [block, { [block]: k === 'model' ? { selected_option: { value: v } } : { value: v } }];
  }));
  const read = readFormFields(values);
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  const catalog = loadCatalogOrThrow();
  const built = buildWorkload(draftFromForm(read.fields), catalog, { door: 'form', asOfDate: '2026-12-01' });
  if (!built.ok) throw new Error(JSON.stringify(built.problems));
  return JSON.parse(JSON.stringify(answer(built.workload, catalog, loadCalibration(), 'advise')));
}

const recommendation = (r: AdviceReport) => {
  const c = r.recommendation!;
  return { platform: c.platform, servingMode: c.servingMode, policy: c.policy, peakGpuCount: c.peakGpuCount, gpuCount: c.gpuCount, effective: c.effectiveDollarsPerMillionOutputTokens, fullLoad: c.fullLoadDollarsPerMillionOutputTokens };
};

describe('one workload, one answer', () => {
  it('words, flags and the form mapping give the same recommendation and the same assumptions', async () => {
    const [words, flags] = [await cli('advise', WORDS, '--json'), await cli('advise', ...FLAGS, '--json')];
    const form = formReport();
    expect(recommendation(flags)).toEqual(recommendation(words));
    expect(recommendation(form)).toEqual(recommendation(words));
    expect(flags.assumptions).toEqual(words.assumptions);
    expect(form.assumptions).toEqual(words.assumptions);
    expect(words.request).toEqual(flags.request);
    // Every default is stated, and the one the form has no field for is said the same way.
    expect(words.assumptions.map((a: { name: string }) => a.name)).toEqual(expect.arrayContaining(['TTFT percentile', 'load shape', 'horizon', 'pricing']));
  });

  it('advise and api state the same break-even rate; crossover marks advise\'s platform on the same load shape', async () => {
    const advice = await cli('advise', WORDS, '--json');
    const api = await cli('api', WORDS, '--json');
    expect(api.breakEven).not.toBeNull();
    expect(advice.apiComparison.approximateBreakEvenRequestsPerSecond).toBe(api.breakEven.requestsPerSecond);
    const sentence = advice.reasons.find((r: { code: string }) => r.code === 'api-cheaper' || r.code === 'self-hosting-cheaper');
    expect(sentence.text).toContain(formatRequestsPerSecond(api.breakEven.requestsPerSecond));
    const crossover = await cli('crossover', WORDS, '--json');
    const yours = crossover.cells[crossover.yourCell.row][crossover.yourCell.column];
    expect(yours.cheapest.platform).toBe(advice.recommendation.platform);
    expect(yours.cheapest.dollarsPerMillionOutputTokens).toBeCloseTo(advice.recommendation.effectiveDollarsPerMillionOutputTokens, 9);
  }, 180_000);
});
