/**
 * The real advisor's composition (real catalog, real parser, real chart) around a stand-in engine
 * that echoes the request into the fixture report: settings applied and named, follow-ups, problems.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogOrThrow } from '../../src/catalog/index.ts';
import type { AdviceRequest } from '../../src/engine/advice-types.ts';
import type { Advisor } from '../../src/slack/advisor.ts';
import { createRealAdvisor } from '../../src/slack/real-advisor.ts';
import { FIXTURE_REPORT } from './fixtures/report-fixture.ts';

const QUESTION = 'gpt-oss-120b, 2k in / 400 out, 30 rps average, peaks 4x at noon, p95 TTFT under 1 s';
const none = { dollarsPerGpuHour: {} };

describe('real advisor composition (stand-in engine)', () => {
  const requests: AdviceRequest[] = [];
  let advisor: Advisor;
  beforeAll(() => {
    advisor = createRealAdvisor({
      catalog: loadCatalogOrThrow(),
      advise: (request) => {
        requests.push(request);
        return { ...FIXTURE_REPORT, request };
      },
      now: () => new Date('2025-06-02T00:00:00Z'),
    });
  });

  it('parses a question, runs the engine and renders a PNG chart', async () => {
    const result = await advisor.answer({ text: QUESTION, settings: none });
    expect(result.kind).toBe('answer');
    if (result.kind !== 'answer') return;
    expect(result.query.fields).toMatchObject({ model: 'gpt-oss-120b', inputTokens: 2000, outputTokens: 400, requestsPerSecond: 30, peakToAverage: 4, ttftMs: 1000 });
    expect(result.chartPng?.subarray(1, 4).toString()).toBe('PNG');
    expect(JSON.parse(JSON.stringify(result.query))).toEqual(result.query);
  });

  it('applies workspace prices under the question’s own and names them in the assumptions', async () => {
    const settings = { dollarsPerGpuHour: { b200: 4.5, 'h100-sxm': 2 }, dollarsPerKwh: 0.12, updatedAt: '2025-06-01T10:00:00Z' };
    const result = await advisor.answer({ text: `${QUESTION}, h100 at $1.50/hr`, settings });
    if (result.kind !== 'answer') throw new Error(JSON.stringify(result));
    expect(requests.at(-1)?.dollarsPerGpuHourOverrides).toEqual({ b200: 4.5, 'h100-sxm': 1.5 });
    const names = result.report.assumptions.map((a) => `${a.name}: ${a.value}`);
    expect(names).toContain('NVIDIA B200 (HGX/DGX B200) price: $4.50 / GPU-hour (workspace setting)');
    expect(names.join('\n')).toContain('Power price: $0.12 / kWh (workspace setting); not used for rented GPUs');
    expect(result.report.assumptions.find((a) => a.name.startsWith('NVIDIA B200'))?.source).toMatchObject({ asOf: '2025-06-01' });
  });

  it('applies the workspace power price to owned hardware', async () => {
    await advisor.answer({ text: `${QUESTION}, on-prem`, settings: { dollarsPerGpuHour: {}, dollarsPerKwh: 0.09 } });
    expect(requests.at(-1)?.pricing).toMatchObject({ kind: 'owned', dollarsPerKwh: 0.09 });
  });

  it('applies a follow-up to the stored query and lists what changed', async () => {
    const first = await advisor.answer({ text: QUESTION, settings: none });
    if (first.kind !== 'answer') throw new Error('no answer');
    const stored = JSON.parse(JSON.stringify(first.query));
    const next = await advisor.followUp({ previous: stored, text: 'what about 4k in?', settings: none });
    if (next.kind !== 'answer') throw new Error(JSON.stringify(next));
    expect(next.changes).toEqual([{ field: 'input tokens', from: '2,000', to: '4,000' }]);
    expect(next.query.fields.inputTokens).toBe(4000);
    expect(next.query.fields.outputTokens).toBe(400);
  });

  it('returns problems with examples for an unusable question or follow-up', async () => {
    const bad = await advisor.answer({ text: 'how much for lots of traffic', settings: none });
    expect(bad.kind).toBe('problems');
    if (bad.kind === 'problems') expect(bad.problems[0]).toMatchObject({ message: expect.stringContaining('model'), example: expect.any(String) });
    const first = await advisor.answer({ text: QUESTION, settings: none });
    if (first.kind !== 'answer') throw new Error('no answer');
    const thanks = await advisor.followUp({ previous: first.query, text: 'thanks!', settings: none });
    expect(thanks.kind).toBe('problems');
  });

  it('lists the catalog’s models and platforms for the form', () => {
    const v = advisor.vocabulary();
    expect(v.models.some((m) => m.id === 'gpt-oss-120b')).toBe(true);
    expect(v.platforms.some((p) => p.id === 'b200')).toBe(true);
  });
});
