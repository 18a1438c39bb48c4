/**
 * Fresh held-out phrasings (issue 16, round 3) against the real catalog: the bar is >= 95 % fully right
 * (exact fields, no problems, every other field a stated default; or the refusal the row expects).
 * First run of batch A (103 rows: 91 questions, 12 follow-ups), before the parser changes it prompted:
 * 95/103 (92.2 %). The misses' general causes, fixed since: precision words in checkpoint names ("GLM-5-FP8")
 * indexed as model names, so "fp8"/"bf16" read as models; "1e30x" not read as scientific notation; hedges
 * ("each doing maybe 20 requests a day", "prompts are around 1.5k tokens"); a bare "p99" follow-up.
 * Batch B (42 rows), written after those fixes, first run: 40/42 (95.2 %), the honest held-out figure. Its
 * misses: a hosted family named without a version ("claude sonnet": now refused as hosted, 41/42), and
 * "1e9 tokens output" refused on the right field but quoting 1000000000 rather than "1e9" (left as is).
 */
import { describe, expect, it } from 'vitest';
import { loadCatalogOrThrow } from '../../src/catalog/index.ts';
import { applyFollowUp } from '../../src/query/follow-up.ts';
import { parseQuery } from '../../src/query/parse-query.ts';
import { vocabularyFromCatalog } from '../../src/query/vocabulary.ts';
import { FRESH_A, FRESH_A_FOLLOW_UPS, FRESH_B, FRESH_B_FOLLOW_UPS, PREVIOUS, type Row, type FollowUpRow } from './fresh-phrasings.ts';
import { parsedRight, refusedRight } from './held-out-check.ts';

const V = vocabularyFromCatalog(loadCatalogOrThrow());

export function judge(rows: readonly Row[]): { text: string; why: string }[] {
  return rows
    .map(([text, expected]) => {
      const query = parseQuery(text, V);
      const why = 'problem' in expected ? refusedRight(query, expected as never) : parsedRight(query, expected);
      return { text, why };
    })
    .filter((f): f is { text: string; why: string } => f.why !== null);
}

export function judgeFollowUps(rows: readonly FollowUpRow[]): { text: string; why: string }[] {
  const previous = parseQuery(PREVIOUS, V);
  return rows
    .map(([text, changed]) => {
      const result = applyFollowUp(previous, text, V);
      if (result.problems.length > 0) return { text, why: `problems: ${result.problems.map((p) => `${p.fragment}: ${p.message}`).join(' | ')}` };
      const got = Object.fromEntries(Object.keys(changed).map((k) => [k, (result.query as Record<string, unknown>)[k]]));
      return { text, why: JSON.stringify(got) === JSON.stringify(changed) ? null : `got ${JSON.stringify(got)}` };
    })
    .filter((f): f is { text: string; why: string } => f.why !== null);
}

function report(label: string, total: number, failures: readonly { text: string; why: string }[]): number {
  const fraction = 1 - failures.length / total;
  console.log(`${label}: ${total - failures.length}/${total} fully right (${(fraction * 100).toFixed(1)} %)`);
  for (const f of failures) console.log(`  MISS ${JSON.stringify(f.text)}: ${f.why}`);
  return fraction;
}

describe('fresh held-out phrasings, batch A (issue 16)', () => {
  it('has at least 80 phrasings', () => expect(FRESH_A.length + FRESH_A_FOLLOW_UPS.length).toBeGreaterThanOrEqual(80));
  it('parses >= 95 % fully right', () => {
    const failures = [...judge(FRESH_A), ...judgeFollowUps(FRESH_A_FOLLOW_UPS)];
    expect(report('fresh batch A', FRESH_A.length + FRESH_A_FOLLOW_UPS.length, failures)).toBeGreaterThanOrEqual(0.95);
  });
});

describe('fresh held-out phrasings, batch B (issue 16): the honest held-out figure', () => {
  it('parses >= 95 % fully right', () => {
    const failures = [...judge(FRESH_B), ...judgeFollowUps(FRESH_B_FOLLOW_UPS)];
    expect(report('fresh batch B', FRESH_B.length + FRESH_B_FOLLOW_UPS.length, failures)).toBeGreaterThanOrEqual(0.95);
  });
});
