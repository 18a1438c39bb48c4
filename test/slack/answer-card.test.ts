/**
 * The answer card as a phone user reads it (issue 19): the answer first, at most 4 fields, buttons
 * right after, little text before them, tables that do not wrap, no two alternatives that read the same,
 * prices rounded, and the Slack way to set a missing price.
 */
import { describe, expect, it } from 'vitest';
import type { AdviceReport, Candidate } from '../../src/engine/advice-types.ts';
import { answerMessage, ANSWER_HEAD_MAX } from '../../src/slack/blocks/answer-blocks.ts';
import { assumptionsMessage, roundDollarFigures } from '../../src/slack/blocks/assumptions-blocks.ts';
import { askedLine } from '../../src/slack/blocks/asked-line.ts';
import { formatDollars } from '../../src/slack/blocks/format-slack.ts';
import { CODE_LINE_MAX, codeTable, preformattedLines } from '../../src/slack/blocks/message.ts';
import { validateMessage } from '../../src/slack/blocks/validate-blocks.ts';
import { FIXTURE_REPORT } from './fixtures/report-fixture.ts';

type Block = { type: string; text?: { text: string }; fields?: { text: string }[]; elements?: { text?: string | { text: string } }[] };
const blocksOf = (report: AdviceReport, options = {}) => answerMessage(report, { answerId: 'a1', ...options }).blocks as unknown as Block[];
const textsOf = (blocks: readonly Block[]) =>
  blocks.flatMap((b) => [b.text?.text, ...(b.fields ?? []).map((f) => f.text), ...(b.elements ?? []).map((e) => (typeof e.text === 'string' ? e.text : e.text?.text))]).filter((t): t is string => typeof t === 'string');

/** Twelve candidates the way the engine returns them: several configurations per platform and mode. */
function crowdedReport(): AdviceReport {
  const base = FIXTURE_REPORT.candidates[2]!;
  const same = (overrides: Partial<Candidate>): Candidate => ({ ...base, ...overrides });
  const candidates = [
    same({ policy: 'static-peak', gpuCount: 8, peakGpuCount: 8, effectiveDollarsPerMillionOutputTokens: 0.39 }),
    same({ policy: 'reactive-autoscale', gpuCount: 8, peakGpuCount: 8, effectiveDollarsPerMillionOutputTokens: 0.39 }),
    same({ servingMode: 'disaggregated', policy: 'static-peak', gpuCount: 8, effectiveDollarsPerMillionOutputTokens: 0.39 }),
    same({ servingMode: 'disaggregated', policy: 'reactive-autoscale', gpuCount: 8, effectiveDollarsPerMillionOutputTokens: 0.39 }),
    ...Array.from({ length: 8 }, (_, i) => same({ platform: `p${i % 3}`, platformName: `NVIDIA B${200 + (i % 3) * 100} SXM`, effectiveDollarsPerMillionOutputTokens: 0.5 + i / 100 })),
  ];
  return {
    ...FIXTURE_REPORT,
    recommendation: candidates[0]!,
    candidates,
    reasons: [{ code: 'r1', text: 'x'.repeat(700) }, { code: 'r2', text: 'y'.repeat(700) }],
    infeasible: [{ platform: 'h200-nvl', reason: 'no rental price for NVIDIA H200 NVL in the catalog (give one with --price h200-nvl=DOLLARS)' }],
    assumptions: Array.from({ length: 30 }, (_, i) => ({ name: `Assumption ${i}`, value: `$3.36312 per GPU-hour, ${'z'.repeat(150)}`, source: FIXTURE_REPORT.assumptions[0]!.source })),
  };
}

describe('answer card', () => {
  for (const [name, report] of [['fixture', FIXTURE_REPORT], ['crowded', crowdedReport()]] as const) {
    it(`${name}: the first block is the answer with the platform and the dollar figure`, () => {
      const [first] = blocksOf(report);
      expect(first!.type).toBe('section');
      expect(first!.text!.text).toContain(report.recommendation!.platformName);
      expect(first!.text!.text).toContain(formatDollars(report.recommendation!.effectiveDollarsPerMillionOutputTokens));
    });

    it(`${name}: at most 4 fields, buttons before the alternatives, under ${ANSWER_HEAD_MAX} characters before them`, () => {
      const blocks = blocksOf(report, { changes: [{ field: 'input tokens', from: '2,000', to: '4,000' }], previousDollarsPerMillionOutputTokens: 0.3, askedBy: { userId: 'U1', question: 'q' } });
      const actionsAt = blocks.findIndex((b) => b.type === 'actions');
      expect(blocks.filter((b) => b.fields).every((b) => b.fields!.length <= 4)).toBe(true);
      expect(JSON.stringify(blocks.slice(0, actionsAt)).length).toBeLessThan(ANSWER_HEAD_MAX);
      expect(blocks.findIndex((b) => JSON.stringify(b).includes('Alternatives'))).toBeGreaterThan(actionsAt);
      expect(JSON.stringify(blocks)).not.toContain('Assumption 0');
    });

    it(`${name}: no preformatted line is wider than ${CODE_LINE_MAX}, and no two alternatives read the same`, () => {
      const lines = textsOf(blocksOf(report)).flatMap(preformattedLines);
      for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(CODE_LINE_MAX);
      const rows = lines.filter((l) => l.trim() !== '');
      expect(new Set(rows).size).toBe(rows.length);
    });
  }

  it('tells Slack users how to set a missing price, not the CLI flag', () => {
    const text = JSON.stringify(blocksOf(crowdedReport()));
    expect(text).not.toContain('--price');
    expect(text).toContain('/tokcost set price h200-nvl 2.50');
  });

  it('puts every assumption, prices rounded, in the button’s reply within Slack’s limits', () => {
    const message = assumptionsMessage(crowdedReport());
    expect(validateMessage(message)).toEqual([]);
    const text = JSON.stringify(message.blocks);
    expect(text).toContain('Assumption 29');
    expect(text).not.toContain('3.36312');
    expect(text).toContain('$3.36 per GPU-hour');
  });

  it('rounds dollar figures in catalog text without touching other numbers', () => {
    expect(roundDollarFigures('$3.36312 / GPU-hour, $2.1, $16,608.456 a month, 0.9 J, $0.000412')).toBe('$3.36 / GPU-hour, $2.10, $16,608 a month, 0.9 J, $0.00041');
    expect(formatDollars(0.0872)).toBe('$0.087');
    expect(formatDollars(1e-7)).not.toMatch(/e/);
  });
});

describe('asked echo', () => {
  it('escapes &, < and >, and keeps the user’s * and _ literal', () => {
    const line = askedLine({ userId: 'U1', question: 'a & b <!channel> *bold* _it_ `x`\nnext' });
    expect(line).toBe('<@U1> asked: `a &amp; b &lt;!channel&gt; *bold* _it_ ʹxʹ next`');
  });
});

describe('code tables', () => {
  it('split a wide table into stacked tables that repeat the label column', () => {
    const rows = [['Platform', ...Array.from({ length: 9 }, (_, i) => `col ${i}`)], ['B200', ...Array.from({ length: 9 }, (_, i) => `$${i}.00`)]];
    const text = codeTable(rows, rows[0]!.map((_, i) => i > 0));
    const lines = preformattedLines(text);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(CODE_LINE_MAX);
    expect(lines.filter((l) => l.startsWith('B200')).length).toBeGreaterThan(1);
    for (let i = 0; i < 9; i++) expect(text).toContain(`$${i}.00`);
  });
});
