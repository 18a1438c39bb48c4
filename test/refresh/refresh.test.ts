/**
 * `tokcost data refresh` on recorded responses (test/fixtures/refresh/, hand-written in the sources'
 * documented formats; no test reaches the network): the diff, a written refresh that changes the next
 * answer's cost by the changed price, and malformed or truncated responses that leave the catalog
 * byte-for-byte unchanged with an error naming the source and field.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalogOrThrow } from '../../src/catalog/index.ts';
import { DEFAULT_DATA_DIR } from '../../src/catalog/load-catalog.ts';
import { loadCalibration } from '../../src/catalog/load-calibration.ts';
import type { AdviceRequest } from '../../src/engine/advice-types.ts';
import { advise } from '../../src/engine/advise.ts';
import { diffText } from '../../src/refresh/diff.ts';
import { refreshPrices, type RefreshOptions } from '../../src/refresh/refresh.ts';
import { findSource, PRICE_SOURCES } from '../../src/refresh/sources.ts';
import { RefreshError } from '../../src/refresh/types.ts';

const FIXTURES = new URL('../fixtures/refresh/', import.meta.url).pathname;

const GH200_REQUEST: AdviceRequest = {
  modelId: 'llama-3.1-8b',
  inputTokens: 2048,
  outputTokens: 400,
  meanRequestsPerSecond: 5,
  shape: { kind: 'diurnal', peakToAverage: 4, peakHourUtc: 12 },
  horizon: 'day',
  latency: { ttftMs: 1000, ttftPercentile: 95 },
  pricing: { kind: 'rented' },
  platforms: ['gh200'],
  asOfDate: '2026-12-03',
};

function snapshot(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f))]));
}

describe('tokcost data refresh', () => {
  let dataDir = '';
  let fromDir = '';
  const options = (extra: Partial<RefreshOptions> = {}): RefreshOptions => ({ dataDir, sources: PRICE_SOURCES, sourcesNamed: false, fromDir, asOf: '2026-12-01', dryRun: false, fetcher: () => Promise.reject(new Error('tests never reach the network')), ...extra });
  beforeEach(() => {
    const root = mkdtempSync(join(tmpdir(), 'tokcost-refresh-'));
    dataDir = join(root, 'data');
    fromDir = join(root, 'recorded');
    cpSync(DEFAULT_DATA_DIR, dataDir, { recursive: true });
    // Prices are what a refresh touches; an empty benchmark file keeps each catalog load (zod over 1 MB) cheap.
    writeFileSync(join(dataDir, 'benchmarks.json'), '[]\n');
    cpSync(FIXTURES, fromDir, { recursive: true });
  });
  afterEach(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }));

  it('a dry run on the recorded responses prints the diff and writes nothing', async () => {
    const before = snapshot(dataDir);
    const outcome = await refreshPrices(options({ dryRun: true }));
    const text = outcome.diffs.map(diffText).join('\n');
    expect(text).toContain('openrouter ($/M output tokens): 1 added, 1 changed by more than 5 %');
    expect(text).toContain('~ OpenRouter openai/gpt-oss-120b (gpt-oss-120b): $0.170 (as of 2026-08-01) -> $0.190 (+11.8 %)');
    expect(text).toContain('+ OpenRouter mistralai/mistral-7b-instruct (mistral-7b): $0.0540');
    expect(text).toContain('~ Lambda gh200 on-demand, 1-GPU instance: $2.29 (as of 2026-07) -> $1.99 (-13.1 %)');
    expect(text).toContain('- Lambda h100-pcie on-demand, 1-GPU instance: $2.49');
    expect(text).toMatch(/skypilot-nebius \(\$\/GPU-hour\): 0 added, 0 changed by more than 5 %, 6 within 5 %, 0 removed/);
    // The 40 GB A100 and the A10 are not in the catalog: left out, and said so.
    expect(outcome.notes.join('\n')).toContain('skypilot-lambda: 3 listing(s)');
    expect(outcome.written).toEqual([]);
    expect(snapshot(dataDir)).toEqual(before);
  });

  it('a refresh with one changed price changes the next answer by that price', async () => {
    const before = advise(GH200_REQUEST, loadCatalogOrThrow(dataDir), loadCalibration());
    await refreshPrices(options({ sources: [findSource('skypilot-lambda')!], sourcesNamed: true }));
    const catalog = loadCatalogOrThrow(dataDir);
    const gh200 = catalog.prices.filter((p) => p.acceleratorId === 'gh200');
    expect(gh200.map((p) => [p.id, p.dollarsPerGpuHour, p.source.asOf])).toEqual([['lambda-gh200-on-demand', 1.99, '2026-12-01']]);
    const after = advise(GH200_REQUEST, catalog, loadCalibration());
    expect(before.recommendation?.dollarsPerGpuHour).toBeCloseTo(2.29, 9);
    expect(after.recommendation?.dollarsPerGpuHour).toBeCloseTo(1.99, 9);
    // Same fleet, cheaper GPU-hours: the effective cost scales by the price ratio.
    expect(after.recommendation?.gpuCount).toBe(before.recommendation?.gpuCount);
    expect(after.recommendation!.effectiveDollarsPerMillionOutputTokens / before.recommendation!.effectiveDollarsPerMillionOutputTokens).toBeCloseTo(1.99 / 2.29, 6);
    expect(JSON.stringify(after.assumptions)).toContain('2026-12-01');
  });

  it('writes valid JSON in the catalog format, keeps the other sources’ records, and a second run changes nothing', async () => {
    const untouched = loadCatalogOrThrow(dataDir).prices.filter((p) => p.provider === 'SemiAnalysis AI TCO model (via InferenceX dashboard)');
    const first = await refreshPrices(options());
    expect(first.written.map((f) => f.slice(dataDir.length + 1)).sort()).toEqual(['api-prices.json', 'prices.json']);
    const text = readFileSync(join(dataDir, 'prices.json'), 'utf8');
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    expect(loadCatalogOrThrow(dataDir).prices.filter((p) => p.provider === 'SemiAnalysis AI TCO model (via InferenceX dashboard)')).toEqual(untouched);
    const second = await refreshPrices(options({ dryRun: true }));
    for (const diff of second.diffs) expect([diff.added.length, diff.changed.length, diff.removed.length]).toEqual([0, 0, 0]);
  });

  it('a truncated response leaves the catalog byte-for-byte unchanged and names the source and line', async () => {
    const csv = readFileSync(join(fromDir, 'skypilot-lambda-vms.csv'), 'utf8');
    writeFileSync(join(fromDir, 'skypilot-lambda-vms.csv'), csv.slice(0, Math.floor(csv.length * 0.6)));
    const before = snapshot(dataDir);
    const error = await refreshPrices(options()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefreshError);
    expect((error as RefreshError).source).toBe('skypilot-lambda');
    expect((error as RefreshError).message).toMatch(/^skypilot-lambda: vms\.csv line \d+: .*truncated download\?$/);
    expect(snapshot(dataDir)).toEqual(before);
  });

  it('truncated JSON and a malformed price are reported with the source and field; nothing is written', async () => {
    const json = readFileSync(join(fromDir, 'openrouter-models.json'), 'utf8');
    writeFileSync(join(fromDir, 'openrouter-models.json'), json.slice(0, 5000));
    const before = snapshot(dataDir);
    await expect(refreshPrices(options())).rejects.toThrow(/^openrouter: response body: not valid JSON .*truncated download\?$/);
    const body = JSON.parse(json) as { data: { pricing: { completion: string } }[] };
    body.data[3]!.pricing.completion = 'n/a';
    writeFileSync(join(fromDir, 'openrouter-models.json'), JSON.stringify(body));
    await expect(refreshPrices(options())).rejects.toThrow('openrouter: data[3].pricing.completion: expected a price in dollars per token such as "0.00000045", got "n/a"');
    writeFileSync(join(fromDir, 'skypilot-nebius-vms.csv'), readFileSync(join(fromDir, 'skypilot-nebius-vms.csv'), 'utf8').replace(',2.95,', ',abc,'));
    await expect(refreshPrices(options({ sources: [findSource('skypilot-nebius')!], sourcesNamed: true }))).rejects.toThrow('skypilot-nebius: vms.csv line 2, column Price: expected a positive $/hour price, got "abc"');
    expect(snapshot(dataDir)).toEqual(before);
  });

  it('a response cut at a line boundary that would drop most of a source’s prices is refused as partial', async () => {
    const lines = readFileSync(join(fromDir, 'skypilot-lambda-vms.csv'), 'utf8').split('\n');
    writeFileSync(join(fromDir, 'skypilot-lambda-vms.csv'), `${lines.slice(0, 5).join('\n')}\n`);
    const before = snapshot(dataDir);
    await expect(refreshPrices(options())).rejects.toThrow(/^skypilot-lambda: response: would remove \d+ of the 10 prices it supplies; a partial or truncated response\?/);
    expect(snapshot(dataDir)).toEqual(before);
  });

  it('a source named with --source must have its recording; unnamed ones without one are skipped with a note', async () => {
    rmSync(join(fromDir, 'skypilot-aws-vms.csv'));
    const outcome = await refreshPrices(options({ dryRun: true }));
    expect(outcome.notes).toContain(`skypilot-aws: skipped, no recorded response skypilot-aws-vms.csv in ${fromDir}`);
    await expect(refreshPrices(options({ sources: [findSource('skypilot-aws')!], sourcesNamed: true, dryRun: true }))).rejects.toThrow('skypilot-aws: ');
  });
});
