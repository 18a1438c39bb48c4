/**
 * General planning questions in words the code has never seen (issue 16, written after the Slack door was
 * built and before it was run on them), asked through both doors: the CLI (`tokcost "<question>"`) and the
 * Slack advisor (the composition the worker pool runs). Each must be answered, not refused, with platforms
 * and dollar figures, and with several load levels where the question asks about load. Engine-heavy: each
 * question runs three utilization curves per door. First run, before the fixes it prompted: 11/15 answered
 * (the CLI refused four: no cost word it knew in "what we pay per token" and "capex per token", no cue in
 * "per-token price" and "at what point does AMD become cheaper"; "batch sizes" after "cost per token" was
 * read as the curve). Now 15/15.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalogOrThrow } from '../../src/catalog/index.ts';
import { loadCalibration } from '../../src/catalog/load-calibration.ts';
import { runCli } from '../../src/cli/run-cli.ts';
import { shortPlatformName } from '../../src/engine/reports/report-common.ts';
import { createRealAdvisor } from '../../src/slack/real-advisor.ts';

type Row = readonly [question: string, asksLoadLevels: boolean];

export const NEW_GENERAL_QUESTIONS: readonly Row[] = [
  ['How much does running GPUs half idle inflate what we pay per token, and which hardware copes best with that?', true],
  ["If our cluster sits at 40% busy most of the day, what's the real per-token price on each accelerator?", true],
  ['Compare the total cost of ownership of NVIDIA, AMD and Google chips per million tokens, energy included', false],
  ['Which accelerator gives the lowest price per million tokens when traffic is light?', true],
  ['Does a bigger batch actually make tokens cheaper, and by how much on each GPU?', false],
  ['At what point does AMD become cheaper than NVIDIA for serving, depending on throughput and latency?', false],
  ["What's the cheapest hardware option for inference if we can't keep it saturated?", true],
  ['Give me a per-token cost breakdown by chip vendor including power and memory', false],
  ['How does idle capacity change the dollars per million output tokens across platforms?', true],
  ["We're a FinOps team: which GPUs are most cost efficient at 10%, 30% and 60% load?", true],
  ['Is it true that H100 serves llama 70b at 10 cents per million tokens?', true],
  ['Someone claimed MI355X does $0.05 per million output tokens on gpt-oss-120b, can we reproduce that?', true],
  ['What is the effective cost per token when accelerators run at low utilisation, per platform?', true],
  ['Owning vs renting: electricity and capex per token across the big chip makers?', false],
  ['How sensitive is cost per token to batch sizes on H200 vs B200?', false],
];

const catalog = loadCatalogOrThrow();
const shortNames = catalog.accelerators.map((a) => shortPlatformName(a.name));
const platformsNamed = (text: string): number => new Set(shortNames.filter((n) => n.length >= 3 && text.includes(n))).size;
const DOLLARS = /\$\d+(?:\.\d+)?/g;

/** A claim check is about the one platform it names; a planning question compares several. */
function judge(text: string, asksLoadLevels: boolean, loadLevel: (pct: number) => RegExp, claim: boolean): string | null {
  if (platformsNamed(text) < (claim ? 1 : 2)) return 'too few platforms named';
  if ((text.match(DOLLARS) ?? []).length < 4) return 'fewer than four dollar figures';
  if (asksLoadLevels && ![30, 60].every((p) => loadLevel(p).test(text))) return 'no figures at 30 % and 60 % load';
  if (/NaN|Infinity|undefined/.test(text)) return 'an unprintable figure';
  return null;
}

describe('new general planning questions through the CLI and Slack (issue 16)', () => {
  const advisor = createRealAdvisor({ catalog, calibration: loadCalibration(), chart: false, now: () => new Date('2026-12-03T00:00:00Z') });
  it.each(NEW_GENERAL_QUESTIONS)('%s', async (question, asksLoadLevels) => {
    const cli = await runCli([question], { now: () => new Date('2026-12-03T00:00:00Z') });
    expect(cli.exitCode, cli.stderr).toBe(0);
    const claim = /claim|is it true/i.test(question);
    expect(judge(cli.stdout, asksLoadLevels, (p) => new RegExp(`${p} %`), claim), `CLI: ${cli.stdout.slice(0, 400)}`).toBeNull();
    const slack = await advisor.answer({ text: question, settings: { dollarsPerGpuHour: {} } });
    expect(slack.kind, JSON.stringify(slack).slice(0, 400)).toBe('general');
    if (slack.kind !== 'general') return;
    const card = `${slack.message.text}\n${slack.message.blocks.map((b) => JSON.stringify(b)).join('\n')}`;
    expect(judge(card, asksLoadLevels, (p) => new RegExp(`${p} ?%`), claim), `Slack: ${card.slice(0, 600)}`).toBeNull();
    expect(card).toMatch(/own workload/);
  }, 180_000);
});
