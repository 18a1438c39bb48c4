/**
 * One money rule, one percent rule (issue 15): within one answer, every rendering of the same figure
 * is the same string, in the CLI text (card, summary, reasons, table) and in the Slack card (sentence,
 * fields, why). A figure's renderings are found by value: a token is a rendering of figure x when x
 * rounded to the token's own decimals gives the token ("$0.090" and "$0.09" both render 0.0903, and
 * must not both appear). Real catalog and calibration, so the sentences are the ones users read.
 */
import { describe, expect, it } from 'vitest';
import { answer } from '../../src/advice/answer.ts';
import { workloadFromWords } from '../../src/advice/from-words.ts';
import { loadCatalogOrThrow } from '../../src/catalog/index.ts';
import { loadCalibration } from '../../src/catalog/load-calibration.ts';
import { renderAdvice } from '../../src/cli/render-advice.ts';
import { answerMessage } from '../../src/slack/blocks/answer-blocks.ts';
import { formatDollars, formatPercent } from '../../src/format.ts';

const catalog = loadCatalogOrThrow();
const calibration = loadCalibration();

function answerTo(question: string) {
  const built = workloadFromWords(question, catalog, '2026-12-01');
  if (!built.ok) throw new Error(JSON.stringify(built.problems));
  const report = answer(built.workload, catalog, calibration, 'advise');
  const slack = answerMessage(report, { answerId: 'a1' });
  return { report, cli: renderAdvice(report, 12, { assumptions: false }), slack: `${slack.text}\n${JSON.stringify(slack.blocks)}` };
}

const decimals = (digits: string) => (digits.includes('.') ? digits.split('.')[1]!.length : 0);
const roundTo = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

/** Every "$1,234.5"-style token whose value is `dollars` at the token's own precision. */
function moneyRenderings(text: string, dollars: number): string[] {
  return [...text.matchAll(/\$(\d[\d,]*(?:\.\d+)?)(?![\d.])/g)].filter((m) => {
    const digits = m[1]!.replaceAll(',', '');
    return Number(digits) > 0 && Number(digits) === roundTo(dollars, decimals(digits));
  }).map((m) => m[0]);
}

/** Every "23%", "23 %", "4.2%" token whose value is `fraction` at the token's own precision. */
function percentRenderings(text: string, fraction: number): string[] {
  return [...text.matchAll(/(?<![\d.])(\d+(?:\.\d+)?)(\s?)%/g)].filter((m) => Number(m[1]) === roundTo(fraction * 100, decimals(m[1]!))).map((m) => m[0]);
}

const QUESTIONS = [
  // The README's example (the "$0.09 at full load" vs "$0.090", "23% served" vs "24 %").
  'gpt-oss-120b, 2k in / 400 out, 30 rps average, peaks 4x at noon, p95 TTFT under 1 s, 50 tok/s per user',
  // Prefill-heavy: the total-token headline and the input/output split.
  'llama 70b, 20k in / 200 out, 3 rps, peaks 2x, p95 TTFT under 3 s',
];

describe('one rendering per figure in one answer', () => {
  for (const question of QUESTIONS) {
    it(`CLI text and Slack card agree: ${question.slice(0, 40)}...`, () => {
      const { report, cli, slack } = answerTo(question);
      const c = report.recommendation!;
      expect(c).not.toBeNull();
      const both = `${cli}\n${slack}`;
      const money = {
        'full-load cost': c.fullLoadDollarsPerMillionOutputTokens,
        'effective cost': c.effectiveDollarsPerMillionOutputTokens,
        'cost per month': c.dollarsPerMonth,
        '$/GPU-hour': c.dollarsPerGpuHour,
      };
      // Another candidate's own figure can round to the same digits ("$0.06" for B200's 0.0604 beside this
      // platform's 0.0624 as "$0.062"): a token that is exactly another figure's rendering is that figure's.
      const others = new Set(report.candidates.filter((o) => o !== c).flatMap((o) => [o.fullLoadDollarsPerMillionOutputTokens, o.effectiveDollarsPerMillionOutputTokens, o.dollarsPerMonth, o.dollarsPerGpuHour].map(formatDollars)));
      for (const [name, dollars] of Object.entries(money)) {
        const own = formatDollars(dollars);
        expect([...new Set(moneyRenderings(both, dollars))].filter((t) => t === own || !others.has(t)), name).toEqual([own]);
        // Each door shows it: the same figure, not a near one.
        expect(moneyRenderings(cli, dollars).length, `${name} in the CLI`).toBeGreaterThan(0);
        expect(moneyRenderings(slack, dollars).length, `${name} in Slack`).toBeGreaterThan(0);
      }
      const served = c.utilizationGap.servedFraction;
      expect([...new Set(percentRenderings(both, served))], 'served share').toEqual([formatPercent(served)]);
      const meanLoad = report.reasons.find((r) => r.code === 'utilization')?.numbers?.meanLoadFraction;
      if (meanLoad !== undefined) expect([...new Set(percentRenderings(both, meanLoad))], 'mean load').toEqual([formatPercent(meanLoad)]);
      // The percent rule has no space before the sign, in either door's sentences.
      expect(cli.match(/\d %/g), 'a spaced percent in the CLI').toBeNull();
      expect(slack.match(/\d %/g), 'a spaced percent in Slack').toBeNull();
    });
  }

  it('the checker itself sees two renderings of one figure (it can fail)', () => {
    expect(new Set(moneyRenderings('$0.09 at full load, $0.090 at full load, $0.094 elsewhere', 0.0903))).toEqual(new Set(['$0.09', '$0.090']));
    expect(new Set(percentRenderings('23% served; 23 % of the time; 24% load', 0.2312))).toEqual(new Set(['23%', '23 %']));
  });
});

describe('the engine verdicts still worded in engine/reports use the same money rule', () => {
  it('wording.money equals format.ts formatDollars from $0.000001 to $1M', async () => {
    const { money } = await import('../../src/engine/recommend/wording.ts');
    for (let exponent = -6; exponent <= 6; exponent += 0.05) {
      const dollars = 10 ** exponent;
      expect(money(dollars), String(dollars)).toBe(formatDollars(dollars));
    }
  });
});
