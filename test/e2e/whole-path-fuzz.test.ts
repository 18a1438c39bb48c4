/**
 * Issue 25's whole-path check: careless and hostile workloads, in words and as flags, through to the
 * CLI's text and the Slack answer card. Whatever comes in, what reaches a user never holds a non-finite
 * number, money in exponent notation or a stack trace, and bad input is refused (exit 2 / problems)
 * rather than answered. Bounded in count, seeded, and judged on output only (never on time), so a busy
 * machine cannot fail it.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalogOrThrow } from '../../src/catalog/index.ts';
import { loadCalibration } from '../../src/catalog/load-calibration.ts';
import { runCli } from '../../src/cli/run-cli.ts';
import { createSeededRandom as seededRandom } from '../../src/engine/traffic/seeded-random.ts';
import { answerMessage } from '../../src/slack/blocks/answer-blocks.ts';
import { createRealAdvisor } from '../../src/slack/real-advisor.ts';

const NON_FINITE = /\b(?:NaN|-?Infinity)\b/;
const EXPONENT_MONEY = /\$\s?\d+(?:\.\d+)?e[+-]?\d+/i;
const STACK_TRACE = /\n\s+at [\w.<>]+ \(|\bat file:\/\/|TypeError:|RangeError:|ReferenceError:/;

const HOSTILE_NUMBERS = ['1e308', '1e30', 'NaN', '-5', '0', '1e-300', '0.0000001', '99999999999', 'Infinity', '3', '40', '2k', '10M', '1.5'];
const MODELS = ['gpt-oss-120b', 'llama 70b', 'deepseek r1', 'qwen3 235b', 'llama 405b', 'banana9000', 'gpt-5', 'mixtral'];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function question(random: () => number): string {
  const n = () => pick(random, HOSTILE_NUMBERS);
  const parts = [
    pick(random, MODELS),
    `${n()} in / ${n()} out`,
    `${n()} rps`,
    random() < 0.5 ? `peaks ${n()}x` : `p${pick(random, ['0', '95', '99', '100', '50'])} TTFT under ${n()} ms`,
    random() < 0.3 ? `on ${pick(random, ['h100', 'mi355x', 'banana9000', 'b200'])}` : '',
    random() < 0.3 ? `on-prem at $${n()}/kWh` : '',
    random() < 0.2 ? `${n()} tokens per month` : '',
  ];
  return parts.filter((p) => p !== '').join(', ');
}

function flags(random: () => number): string[] {
  const n = () => pick(random, HOSTILE_NUMBERS);
  const argv = ['advise', '--model', pick(random, ['gpt-oss-120b', 'llama-3.3-70b', 'nope-1b']), '--input-tokens', n(), '--output-tokens', n(), '--requests-per-second', n()];
  if (random() < 0.5) argv.push('--peak-to-average', n());
  if (random() < 0.3) argv.push('--price', `h100=${n()}`);
  if (random() < 0.3) argv.push('--own', '--dollars-per-kwh', n());
  if (random() < 0.3) argv.push('--ttft-ms', n(), '--ttft-percentile', pick(random, ['0', '95', '99.9', '100']));
  return argv;
}

/** A refusal quotes what the user wrote ("NaN rps"): only what tokcost computed or wrote itself is judged. */
const withoutQuotes = (text: string): string => text.replace(/"[^"\n]*"/g, '""');

function expectPresentable(text: string, context: string): void {
  expect(NON_FINITE.test(text), `${context}: non-finite figure in\n${text.slice(0, 2000)}`).toBe(false);
  expect(EXPONENT_MONEY.test(text), `${context}: exponent-notation money in\n${text.slice(0, 2000)}`).toBe(false);
  expect(STACK_TRACE.test(text), `${context}: stack trace in\n${text.slice(0, 2000)}`).toBe(false);
}

describe('whole path: hostile workloads never reach a user as nonsense', () => {
  it('the CLI, in words and as flags, answers or refuses; its text is always presentable', { timeout: 600_000 }, async () => {
    const random = seededRandom(25);
    for (let i = 0; i < 80; i++) {
      const argv = i % 2 === 0 ? ['advise', question(random)] : flags(random);
      const result = await runCli(argv, { now: () => new Date('2026-12-03T12:00:00Z') });
      const context = `tokcost ${argv.join(' ')}`;
      expect([0, 1, 2], `${context}: exit ${result.exitCode}\n${result.stderr}`).toContain(result.exitCode);
      expectPresentable(result.exitCode === 2 ? withoutQuotes(result.stderr) + result.stdout : result.stdout + result.stderr, context);
      if (result.exitCode === 2) expect(result.stderr, context).toMatch(/example/i);
    }
  });

  it('the Slack card for a question in words is always presentable', { timeout: 600_000 }, async () => {
    const advisor = createRealAdvisor({ catalog: loadCatalogOrThrow(), calibration: loadCalibration(), chart: false, now: () => new Date('2026-12-03T12:00:00Z') });
    const random = seededRandom(2500);
    let answered = 0;
    for (let i = 0; i < 40; i++) {
      // Every fourth question is whole and in range, so the card itself is rendered and judged too.
      const text = i % 4 === 0 ? `${pick(random, ['llama 70b', 'gpt-oss-120b', 'qwen3 235b'])}, 2k in / 500 out, ${1 + Math.floor(random() * 40)} rps, peaks 3x` : question(random);
      const result = await advisor.answer({ text, settings: { dollarsPerGpuHour: {} } });
      if (result.kind === 'problems') {
        expect(result.problems.length, text).toBeGreaterThan(0);
        expectPresentable(withoutQuotes(result.problems.map((p) => `${p.message} (${p.example})`).join('\n')), text);
        continue;
      }
      answered++;
      const message = result.kind === 'general' ? result.message : answerMessage(result.report, { answerId: `fuzz-${i}` });
      expectPresentable(`${message.text}\n${JSON.stringify(message.blocks)}`, text);
    }
    expect(answered, 'the whole questions were answered').toBeGreaterThanOrEqual(10);
  });
});
