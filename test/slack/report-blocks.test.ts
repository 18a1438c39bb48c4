/** Planning-report Block Kit builders (golden, from the fixture catalog) and the words that route to them. */
import { describe, expect, it } from 'vitest';
import type { AdviceRequest } from '../../src/engine/advice-types.ts';
import { batchEfficiencyReport } from '../../src/engine/reports/batch-efficiency.ts';
import { crossoverReport } from '../../src/engine/reports/crossover.ts';
import { tcoReport } from '../../src/engine/reports/tco.ts';
import { utilizationCurveReport } from '../../src/engine/reports/utilization-curve.ts';
import { batchMessage } from '../../src/slack/blocks/batch-blocks.ts';
import { crossoverMessage } from '../../src/slack/blocks/crossover-blocks.ts';
import { curveMessage } from '../../src/slack/blocks/curve-blocks.ts';
import { tcoMessage } from '../../src/slack/blocks/tco-blocks.ts';
import { validateMessage } from '../../src/slack/blocks/validate-blocks.ts';
import { parseCommandText, parseReportRequest } from '../../src/slack/command-text.ts';
import { adviseCatalog, FIXTURE_CALIBRATION } from '../fixtures/engine/advise-catalog.ts';
import { expectGolden } from './golden.ts';

const catalog = adviseCatalog();
const request: AdviceRequest = {
  modelId: 'dense-8b',
  inputTokens: 1000,
  outputTokens: 200,
  meanRequestsPerSecond: 40,
  shape: { kind: 'diurnal', peakToAverage: 3 },
  horizon: 'day',
  latency: { ttftMs: 1000, ttftPercentile: 95, tpotMs: 40 },
  pricing: { kind: 'rented' },
};

describe('planning-report messages (golden)', () => {
  const cases: [string, { text: string; blocks: unknown[] }][] = [
    ['report-tco', tcoMessage(tcoReport(request, catalog, FIXTURE_CALIBRATION))],
    ['report-crossover', crossoverMessage(crossoverReport(request, catalog, FIXTURE_CALIBRATION))],
    ['report-batch', batchMessage(batchEfficiencyReport(request, catalog, FIXTURE_CALIBRATION))],
    ['report-curve', curveMessage(utilizationCurveReport(request, catalog, FIXTURE_CALIBRATION))],
  ];
  for (const [name, message] of cases) {
    it(`${name} matches its golden file and Slack's limits`, () => {
      expect(validateMessage(message)).toEqual([]);
      expect(message.text).toMatch(/^tokcost /);
      expectGolden(name, message);
    });
  }
});

describe('report words', () => {
  it.each([
    ['show the crossover', 'crossover', ''],
    ['tco?', 'tco', ''],
    ['TCO', 'tco', ''],
    ['vs API?', 'api', ''],
    ['compare with APIs', 'api', ''],
    ['how does it compare to the API?', 'api', ''],
    ['and the curve?', 'curve', ''],
    ['batch efficiency', 'batch', ''],
    ['crossover with 4k in', 'crossover', '4k in'],
    ['utilization curve for llama 70b, 1k in / 300 out, 5 rps', 'curve', 'llama 70b, 1k in / 300 out, 5 rps'],
  ])('"%s" asks for the %s report', (text, report, rest) => {
    expect(parseReportRequest(text)).toEqual({ report, rest });
  });

  it.each(['what about 4k in?', 'gpt-oss-120b, 2k in / 400 out, 30 rps', 'an api gateway with llama 70b', 'double the traffic'])('"%s" is not a report request', (text) => {
    expect(parseReportRequest(text)).toBeNull();
  });

  it('routes /tokcost <report> <question>, and a bare report word', () => {
    expect(parseCommandText('tco gpt-oss-120b, 2k in / 400 out, 30 rps')).toEqual({ kind: 'report', report: 'tco', text: 'gpt-oss-120b, 2k in / 400 out, 30 rps' });
    expect(parseCommandText('curve')).toEqual({ kind: 'report', report: 'curve', text: '' });
    expect(parseCommandText('api: llama 70b 1k in 5 rps')).toEqual({ kind: 'report', report: 'api', text: 'llama 70b 1k in 5 rps' });
    expect(parseCommandText('llama 70b tco')).toEqual({ kind: 'question', text: 'llama 70b tco' });
  });
});
