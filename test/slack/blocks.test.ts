import { describe, expect, it } from 'vitest';
import type { AdviceReport } from '../../src/engine/advice-types.ts';
import { answerMessage } from '../../src/slack/blocks/answer-blocks.ts';
import { breakdownMessage } from '../../src/slack/blocks/breakdown-blocks.ts';
import { compareModesMessage } from '../../src/slack/blocks/compare-modes-blocks.ts';
import { queryFormView } from '../../src/slack/blocks/form-view.ts';
import { helpMessage, problemsMessage } from '../../src/slack/blocks/help-blocks.ts';
import { homeView } from '../../src/slack/blocks/home-view.ts';
import { settingsMessage } from '../../src/slack/blocks/settings-blocks.ts';
import { validateMessage, validateView } from '../../src/slack/blocks/validate-blocks.ts';
import { FIXTURE_QUERY, FIXTURE_REPORT } from './fixtures/report-fixture.ts';
import { expectGolden } from './golden.ts';

const vocabulary = {
  models: [{ id: 'gpt-oss-120b', name: 'gpt-oss-120b' }, { id: 'llama-3.3-70b', name: 'Llama 3.3 70B' }],
  platforms: [{ id: 'h200-sxm', name: 'NVIDIA H200 SXM' }, { id: 'b200', name: 'NVIDIA B200' }],
};

describe('Block Kit builders (golden)', () => {
  const cases: [string, { text: string; blocks: unknown[] }][] = [
    ['answer', answerMessage(FIXTURE_REPORT, { answerId: 'a1' })],
    ['answer-ephemeral', answerMessage(FIXTURE_REPORT, { answerId: 'a1', ephemeral: true })],
    ['answer-follow-up', answerMessage(FIXTURE_REPORT, { answerId: 'a2', changes: [{ field: 'input tokens', from: '2k', to: '4k' }], previousDollarsPerMillionOutputTokens: 0.31 })],
    ['answer-none-fits', answerMessage({ ...FIXTURE_REPORT, recommendation: null, runnerUpOtherVendor: null, candidates: [], reasons: [{ code: 'does-not-fit', text: 'The model needs 240 GB; no platform in your list has that much memory.' }] }, { answerId: 'a3' })],
    ['breakdown', breakdownMessage(FIXTURE_REPORT)],
    ['compare-modes', compareModesMessage(FIXTURE_REPORT)],
    ['help', helpMessage()],
    ['problems', problemsMessage('gpt-oss, lots of traffic', [{ fragment: 'lots of traffic', message: 'I need a request rate.', example: '30 rps' }, { fragment: '', message: 'How many tokens per request?', example: '2k in / 400 out' }])],
    ['settings', settingsMessage({ dollarsPerGpuHour: { 'h100-sxm': 2.1 }, dollarsPerKwh: 0.12, updatedAt: '2025-06-01T12:00:00.000Z' })],
  ];
  for (const [name, message] of cases) {
    it(`${name} matches its golden file and Slack's limits`, () => {
      expect(validateMessage(message)).toEqual([]);
      expectGolden(name, message);
    });
  }

  it('form view (prefilled) matches its golden file and Slack’s limits', () => {
    const view = queryFormView(vocabulary, { channelId: 'C1' }, FIXTURE_QUERY.fields);
    expect(validateView(view as never)).toEqual([]);
    expectGolden('form-prefilled', view);
  });

  it('home view matches its golden file and Slack’s limits', () => {
    const view = homeView({ answer: 3, 'follow-up': 2, form: 1, problems: 1, error: 0 }, { dollarsPerGpuHour: { b200: 4.5 } });
    expect(validateView(view as never)).toEqual([]);
    expectGolden('home', view);
  });
});

describe('answer card stays within limits for big reports', () => {
  it('caps rows, assumptions and text', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ ...FIXTURE_REPORT.candidates[2]!, platform: `p${i}`, platformName: `Platform with a very long marketing name number ${i}` }));
    const big: AdviceReport = {
      ...FIXTURE_REPORT,
      candidates: [FIXTURE_REPORT.recommendation!, ...many],
      assumptions: Array.from({ length: 60 }, (_, i) => ({ name: `Assumption ${i}`, value: 'x'.repeat(900), source: FIXTURE_REPORT.assumptions[0]!.source })),
      infeasible: Array.from({ length: 30 }, (_, i) => ({ platform: `q${i}`, reason: 'model does not fit in memory '.repeat(5) })),
      reasons: Array.from({ length: 10 }, () => ({ code: 'r', text: 'y'.repeat(500) })),
    };
    const message = answerMessage(big, { answerId: 'a', changes: Array.from({ length: 30 }, () => ({ field: 'f'.repeat(50), from: '1', to: '2' })), ephemeral: true });
    expect(validateMessage(message)).toEqual([]);
  });

  it('names the sentence parts: platform, mode, GPUs, costs, SLO', () => {
    const { blocks, text } = answerMessage(FIXTURE_REPORT, { answerId: 'a1' });
    const sentence = JSON.stringify(blocks[0]);
    for (const part of ['NVIDIA H200 SXM', 'disaggregated', '6.5 GPUs', '$0.44 / 1M output tokens', '$0.19 at full load', 'SLO met']) {
      expect(sentence).toContain(part);
      expect(text).toContain(part.replace(' (1 prefill : 3 decode)', ''));
    }
  });
});

describe('validator', () => {
  it('catches the limits it claims to', () => {
    const long = 'x'.repeat(3001);
    const problems = validateMessage({
      text: '',
      blocks: [
        { type: 'header', text: { type: 'mrkdwn', text: 'h'.repeat(151) } },
        { type: 'section', text: { type: 'mrkdwn', text: long } },
        { type: 'context', elements: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'c' })) },
        { type: 'actions', elements: [
          { type: 'button', text: { type: 'plain_text', text: 'b'.repeat(76) }, action_id: 'same' },
          { type: 'button', text: { type: 'plain_text', text: 'ok' }, action_id: 'same' },
        ] },
        ...Array.from({ length: 47 }, () => ({ type: 'divider' })),
      ],
    });
    expect(problems).toEqual(expect.arrayContaining([
      'text fallback is missing',
      '51 blocks > 50 for a message',
      'blocks[0].text: type must be plain_text',
      'blocks[0].text: 151 chars > 150',
      'blocks[1].text: 3001 chars > 3000',
      'blocks[2]: 11 elements (1..10)',
      'blocks[3].elements[0].text: 76 chars > 75',
      'blocks[3].elements[1].action_id "same" is not unique',
    ]));
  });
});
