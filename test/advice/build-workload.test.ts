/**
 * The one workload builder: words, flags and the form map onto one draft; defaults come from one table
 * and are all stated (the latency default first); bounds and the context window refuse with the field.
 */
import { describe, expect, it } from 'vitest';
import { buildWorkload } from '../../src/advice/build-workload.ts';
import { workloadFromWords } from '../../src/advice/from-words.ts';
import type { Workload } from '../../src/advice/workload.ts';
import { draftOf } from '../../src/advice/workload-draft.ts';
import { loadCatalogOrThrow } from '../../src/catalog/index.ts';

const catalog = loadCatalogOrThrow();
const DAY = '2026-12-01';
const words = (text: string): Workload => {
  const built = workloadFromWords(text, catalog, DAY);
  if (!built.ok) throw new Error(JSON.stringify(built.problems));
  return built.workload;
};
const names = (w: Workload) => w.assumptions.map((a) => a.name);

describe('buildWorkload from words', () => {
  it('maps a full question to the engine request, with nothing assumed but the percentile-free parts said', () => {
    const w = words('llama 70b, 2k in / 500 out, 1200 rpm, peaks 4x at noon, p95 TTFT under 1s, TPOT 25ms, only AMD, on-prem at $0.07/kWh, 4-year amortization');
    expect(w.request).toEqual({
      modelId: 'llama-3.3-70b', inputTokens: 2000, outputTokens: 500, meanRequestsPerSecond: 20,
      shape: { kind: 'diurnal', peakToAverage: 4, peakHourUtc: 12 }, horizon: 'day',
      latency: { ttftMs: 1000, ttftPercentile: 95, tpotMs: 25 },
      pricing: { kind: 'owned', dollarsPerKwh: 0.07, amortizationYears: 4 }, vendors: ['amd'], asOfDate: DAY,
    });
    expect(names(w)).not.toContain('latency target');
  });

  it('a weekly shape gets a week and a stated weekend share; a spike gets stated timing', () => {
    const weekly = words('llama 70b 30 rps weekday traffic');
    expect(weekly.request.shape).toEqual({ kind: 'weekly', peakToAverage: 2, weekendFraction: 0.5 });
    expect(weekly.request.horizon).toBe('week');
    expect(names(weekly)).toEqual(expect.arrayContaining(['weekend load', 'horizon', 'peak-to-average']));
    const spike = words('llama 70b 5 rps viral launch spikes 10x, h100 at $1.99/hr, no TPUs');
    expect(spike.request.shape).toEqual({ kind: 'spike', peakToAverage: 10, riseMinutes: 15, durationMinutes: 120 });
    expect(spike.request.dollarsPerGpuHourOverrides).toEqual({ 'h100-sxm': 1.99 });
    expect(spike.request.vendors).toEqual(['nvidia', 'amd', 'aws', 'intel']);
    expect(names(spike)).toEqual(expect.arrayContaining(['spike timing', 'pricing']));
  });

  it('applies the interactive latency default by prompt length, first among the assumptions, unless batch', () => {
    const short = words('llama 70b, 2k in / 500 out, 30 rps');
    expect(short.request.latency).toEqual({ ttftMs: 1000, ttftPercentile: 95, tpotMs: 50 });
    expect(short.assumptions[0]!.name).toBe('latency target');
    expect(short.assumptions[0]!.value).toMatch(/p95 TTFT under 1000 ms.*no latency target stated/);
    const long = words('llama 70b, 32k in / 500 out, 30 rps');
    expect(long.request.latency.ttftMs).toBe(1000 + 250 * 28);
    const batch = words('llama 70b, 2k in / 500 out, 30 rps, offline batch job');
    expect(batch.request.latency).toEqual({});
    expect(names(batch)).not.toContain('latency target');
  });

  it("turns concurrent users into requests/s by Little's law over the stated (or default) speed", () => {
    const w = words('llama 70b, 200 concurrent users at 50 tok/s per user, 2k in / 500 out, TTFT 1s');
    expect(w.request.meanRequestsPerSecond).toBeCloseTo(200 / 11, 9); // 200 users / (1 s + 500 x 20 ms)
    expect(w.assumptions.find((a) => a.name === 'requests/s')!.value).toMatch(/Little's law/);
    const batch = workloadFromWords('llama 70b, 200 concurrent users, 2k in / 500 out, batch', catalog, DAY);
    expect(batch.ok).toBe(false);
    if (!batch.ok) expect(batch.problems[0]!.message).toMatch(/per-user speed/);
  });

  it('a stated peak-to-average of 1 is a flat load; a p99 target stays p99', () => {
    const flat = buildWorkload(draftOf({ model: 'llama-3.3-70b', peakToAverage: 1 }), catalog, { door: 'form', asOfDate: DAY });
    if (!flat.ok) throw new Error('no workload');
    expect(flat.workload.request.shape).toEqual({ kind: 'flat' });
    expect(words('llama 70b, 30 rps, p99 TTFT under 2 s').request.latency.ttftPercentile).toBe(99);
  });
});

describe('bounds, the same for every door', () => {
  const refused = (fields: Parameters<typeof draftOf>[0], door: 'flags' | 'form' | 'words' = 'flags') => {
    const built = buildWorkload(draftOf({ model: 'llama-3.3-70b', ...fields }), catalog, { door, asOfDate: DAY });
    if (built.ok) throw new Error(`accepted ${JSON.stringify(fields)}`);
    return built.problems;
  };

  it.each([
    [{ requestsPerSecond: 1e308 }, 'requestsPerSecond', '--requests-per-second 30'],
    [{ requestsPerSecond: Number.NaN }, 'requestsPerSecond', '--requests-per-second 30'],
    [{ requestsPerSecond: 1e-9 }, 'requestsPerSecond', '--requests-per-second 30'],
    [{ dollarsPerGpuHour: { h100: 1e-300 } }, 'dollarsPerGpuHour', '--price h100-sxm=1.99'],
    [{ pricing: 'owned' as const, dollarsPerKwh: 1e308 }, 'dollarsPerKwh', '--dollars-per-kwh 0.08'],
    [{ ttftPercentile: 0 }, 'ttftPercentile', '--ttft-percentile 95'],
    [{ ttftPercentile: 99.99 }, 'ttftPercentile', '--ttft-percentile 95'],
    [{ peakToAverage: 0.5 }, 'peakToAverage', '--peak-to-average 4'],
    [{ inputTokens: 2.5 }, 'inputTokens', '--input-tokens 2000'],
  ])('refuses %j naming the field, the bound and an example', (fields, field, example) => {
    const [problem] = refused(fields);
    expect(problem).toMatchObject({ field, example });
    expect(problem!.message).toMatch(/range|finite|whole/);
    expect(problem!.message).not.toMatch(/e[+-]\d|Infinity|NaN/);
  });

  it('enforces the model context window for words, flags and form', () => {
    const model = catalog.models.find((m) => m.id === 'llama-3.3-70b')!;
    for (const door of ['flags', 'form'] as const) {
      const [problem] = refused({ inputTokens: 10_000_000, outputTokens: 500 }, door);
      expect(problem!.field).toBe('inputTokens');
      expect(problem!.message).toContain(`context window of ${model.maxContextTokens.toLocaleString('en-US')} tokens`);
    }
    const spoken = workloadFromWords('llama 70b, 10M in / 500 out, 20 rps', catalog, DAY);
    expect(spoken.ok).toBe(false);
    if (!spoken.ok) expect(spoken.problems.map((p) => p.message).join(' ')).toContain('context window');
  });

  it('accepts a p99.9 target and the edges of each range', () => {
    const built = buildWorkload(draftOf({ model: 'llama-3.3-70b', ttftMs: 2000, ttftPercentile: 99.9, peakToAverage: 100, requestsPerSecond: 1e6 }), catalog, { door: 'flags', asOfDate: DAY });
    expect(built.ok).toBe(true);
  });
});

describe('follow-ups apply to the stored draft', () => {
  it('a stated length replaces its default assumption, and the latency default follows the new prompt length', async () => {
    const { workloadFromFollowUp } = await import('../../src/advice/from-words.ts');
    const plain = words('llama 70b 30 rps');
    expect(names(plain)).toContain('input tokens');
    const stored = JSON.parse(JSON.stringify(plain.draft));
    const next = workloadFromFollowUp(stored, 'with 32k inputs', catalog, DAY);
    if (!next.ok) throw new Error(JSON.stringify(next.problems));
    expect(names(next.workload)).not.toContain('input tokens');
    expect(next.workload.request.latency.ttftMs).toBe(1000 + 250 * 28);
    expect(next.changes).toEqual([{ field: 'inputTokens', from: undefined, to: 32000 }]);
  });

  it('a follow-up past the context window is refused like a new question', async () => {
    const { workloadFromFollowUp } = await import('../../src/advice/from-words.ts');
    const next = workloadFromFollowUp(words('llama 70b 30 rps').draft, 'what about 10M in?', catalog, DAY);
    expect(next.ok).toBe(false);
  });
});

describe('the built-in example', () => {
  it('EXAMPLE_REQUEST is exactly what buildWorkload makes of the example fields (benches and engine tests use it)', async () => {
    const { EXAMPLE_FIELDS, EXAMPLE_REQUEST } = await import('../../src/cli/advice-flags.ts');
    const built = buildWorkload(draftOf(EXAMPLE_FIELDS), catalog, { door: 'flags', asOfDate: DAY });
    if (!built.ok) throw new Error(JSON.stringify(built.problems));
    const { asOfDate, ...request } = built.workload.request;
    expect(asOfDate).toBe(DAY);
    expect(request).toEqual(EXAMPLE_REQUEST);
    expect(built.workload.assumptions).toEqual([]);
  });
});
