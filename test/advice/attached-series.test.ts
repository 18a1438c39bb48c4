/**
 * A load series sent with a question in words (a CSV attached in Slack) or with a follow-up: the words
 * door takes it as the load, a rate said in words conflicts with it (reported, not guessed), and in a
 * follow-up it replaces the stored load.
 */
import { describe, expect, it } from 'vitest';
import { workloadFromFollowUp, workloadFromWords } from '../../src/advice/from-words.ts';
import { loadCatalogOrThrow } from '../../src/catalog/index.ts';
import { loadSeriesFromCsv } from '../../src/traffic-csv/load-series.ts';

const catalog = loadCatalogOrThrow();
const DAY = '2026-12-01';
const read = loadSeriesFromCsv(['minute,rpm', ...Array.from({ length: 48 }, (_, i) => `${i * 30},${600 + 60 * (i % 12)}`)].join('\n'), 'traffic.csv');
if (!read.ok) throw new Error(JSON.stringify(read.problems));
const series = read.series;

describe('a load series with words', () => {
  it('is the load of a question that states none; its mean is the rate', () => {
    const built = workloadFromWords('llama 70b, 2k in / 400 out, p95 TTFT under 1 s', catalog, DAY, series);
    if (!built.ok) throw new Error(JSON.stringify(built.problems));
    expect(built.workload.request.shape.kind).toBe('series');
    const mean = series.requestsPerSecond.reduce((a, b) => a + b, 0) / series.requestsPerSecond.length;
    expect(built.workload.request.meanRequestsPerSecond).toBeCloseTo(mean, 9);
    expect(series.label).toBe('traffic.csv (48 rows)');
  });

  it('conflicts with a rate said in words, with a message that says which to drop', () => {
    const built = workloadFromWords('llama 70b, 2k in / 400 out, 30 rps', catalog, DAY, series);
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.problems.map((p) => p.message).join(' ')).toMatch(/series sets the load itself; drop the rate/);
  });

  it('replaces the stored load in a follow-up, alone or with words', () => {
    const first = workloadFromWords('llama 70b, 2k in / 400 out, 30 rps, peaks 4x', catalog, DAY);
    if (!first.ok) throw new Error('first question');
    const alone = workloadFromFollowUp(first.workload.draft, '', catalog, DAY, series);
    if (!alone.ok) throw new Error(JSON.stringify(alone.problems));
    expect(alone.workload.request.shape.kind).toBe('series');
    expect(alone.workload.draft.fields.peakToAverage).toBeUndefined();
    expect(alone.changes).toEqual([{ field: 'series', from: 'the stated load', to: 'traffic.csv (48 rows)' }]);
    const withWords = workloadFromFollowUp(first.workload.draft, 'what about 4k in?', catalog, DAY, series);
    if (!withWords.ok) throw new Error(JSON.stringify(withWords.problems));
    expect(withWords.workload.request).toMatchObject({ inputTokens: 4000, shape: { kind: 'series' } });
  });
});
