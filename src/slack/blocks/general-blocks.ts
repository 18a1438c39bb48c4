/**
 * A question with no workload, answered on a phone: a general planning question (what utilization does to
 * cost per token, TCO across chip makers, crossover, batch size) or a claim check ("B200 does two cents per
 * million tokens?"). The answer comes first in one short sentence, then the platforms' $ per 1M output tokens
 * at several load levels in a narrow table, the asked-for report's verdict, and how to ask for your own
 * workload. Every figure is the advice layer's (src/advice/general-questions.ts, claim-check.ts). Pure.
 */
import type { KnownBlock } from '@slack/types';
import type { ClaimCheck } from '../../advice/claim-check.ts';
import type { GeneralAnswer, WorkloadSection } from '../../advice/general-questions.ts';
import type { PlatformAtLoads } from '../../advice/partial-load.ts';
import { escapeMrkdwn, formatDollars, truncate } from './format-slack.ts';
import { codeTable, context, section, type SlackMessage } from './message.ts';
import { platformCell } from './report-blocks-common.ts';

/** Rows a phone shows without scrolling: the cheapest at 30 % load first. */
const TOP_PLATFORMS = 5;
const pct = (f: number): string => `${Math.round(f * 100)}%`;
const costAt = (p: PlatformAtLoads, f: number): number => p.costs.find((c) => c.loadFraction === f)?.dollarsPerMillionOutputTokens ?? Number.NaN;

const READ_AS: Readonly<Record<GeneralAnswer['intent'], string>> = {
  curve: 'what utilization does to the effective cost per token',
  tco: 'TCO across chip makers',
  crossover: 'the cheapest vendor by throughput and latency, and where it changes',
  batch: 'batch-size efficiency and the real cost per token',
};

function ranked(s: WorkloadSection): PlatformAtLoads[] {
  return [...s.platforms].sort((a, b) => costAt(a, 0.3) - costAt(b, 0.3));
}

/** The first sentence: who is cheapest at partial load on the chat shape, and what idling does to its cost. */
function headline(answer: GeneralAnswer, s: WorkloadSection): string {
  const leader = ranked(s)[0];
  if (!leader) return `No platform in the catalog serves ${answer.modelId} on the reference workloads with these filters.`;
  const low = costAt(leader, answer.loadLevels[0]!);
  return `*At 30 % load, ${escapeMrkdwn(leader.shortName)} is cheapest: ${formatDollars(costAt(leader, 0.3))} per 1M output tokens* (${answer.modelId}, ${s.label} ${s.what}), against ${formatDollars(costAt(leader, 1))} at full load and ${formatDollars(low)} at ${pct(answer.loadLevels[0]!)}. A GPU costs the same per hour busy or idle, so the less of it you use, the more each token carries.`;
}

function loadTable(answer: GeneralAnswer, s: WorkloadSection): string {
  const rows = [['Platform', ...answer.loadLevels.map(pct)], ...ranked(s).slice(0, TOP_PLATFORMS).map((p) => [platformCell(p), ...answer.loadLevels.map((f) => formatDollars(costAt(p, f)))])];
  return codeTable(rows, rows[0]!.map((_, i) => i > 0));
}

/** The other reference shapes in one line each: their leader at 30 % load. */
function otherShapes(sections: readonly WorkloadSection[]): string {
  return sections
    .map((s) => {
      const leader = ranked(s)[0];
      return leader ? `• *${s.label}* (${s.what}): ${escapeMrkdwn(leader.shortName)} ${formatDollars(costAt(leader, 0.3))} at 30 % load, ${formatDollars(costAt(leader, 1))} at full` : '';
    })
    .filter((line) => line !== '')
    .join('\n');
}

function detailBlocks(s: WorkloadSection): KnownBlock[] {
  const d = s.detail;
  if (!d) return [];
  if (d.kind === 'tco') {
    const rows = [['Platform', '$/GPU-h', 'rent $/1M', 'own $/1M'], ...d.rows.slice(0, TOP_PLATFORMS).map((r) => [r.shortName, r.rentedDollarsPerGpuHour === null ? '-' : formatDollars(r.rentedDollarsPerGpuHour), r.rentedFullLoadDollarsPerMillionTotalTokens === null ? '-' : formatDollars(r.rentedFullLoadDollarsPerMillionTotalTokens), r.ownedFullLoadDollarsPerMillionTotalTokens === null ? '-' : formatDollars(r.ownedFullLoadDollarsPerMillionTotalTokens)])];
    return [section(`*TCO at full load* ($ per 1M total tokens)\n${codeTable(rows, rows[0]!.map((_, i) => i > 0))}`)];
  }
  if (d.kind === 'batch') {
    const rows = [['Platform', 'batch 1', 'SLO batch', '$/1M'], ...d.rows.slice(0, TOP_PLATFORMS).map((r) => [r.shortName, r.batchOneDollarsPerMillionOutputTokens === null ? '-' : formatDollars(r.batchOneDollarsPerMillionOutputTokens), String(r.sloBatch), formatDollars(r.sloDollarsPerMillionOutputTokens)])];
    return [section(`*Batch size* ($ per 1M output tokens)\n${codeTable(rows, rows[0]!.map((_, i) => i > 0))}`)];
  }
  return d.crossovers.length ? [section(truncate(d.crossovers.slice(0, 4).map((c) => `• ${escapeMrkdwn(c)}`).join('\n'), 2900))] : [];
}

const referenceLatency = (answer: GeneralAnswer): string => {
  const latency = answer.assumptions.find((a) => a.name === 'reference latency');
  return latency ? ` (${escapeMrkdwn(latency.value)})` : '';
};

export function generalAnswerMessage(answer: GeneralAnswer): SlackMessage {
  const [first, ...rest] = answer.sections;
  if (!first) return { text: answer.howToAsk, blocks: [section(escapeMrkdwn(answer.howToAsk))] };
  // The asked-for report's verdict answers a TCO, crossover or batch question; the curve answers the rest.
  // A crossover verdict lists every boundary, which the bullets below show: lead with its first clause.
  const verdict = first.detail?.kind === 'crossover' ? first.detail.verdict.split('; ')[0]! : first.detail?.verdict;
  const lead = verdict ? `*${escapeMrkdwn(verdict.replace(/\.$/, ''))}* (${answer.modelId}, ${first.label} ${first.what})` : headline(answer, first);
  const blocks: KnownBlock[] = [section(lead, 'tokcost_general_answer'), ...detailBlocks(first)];
  if (first.detail) blocks.push(section(headline(answer, first)));
  blocks.push(section(`*$ per 1M output tokens by load* (${first.label}, 100 % = ${first.referenceRequestsPerSecond.toFixed(1)} req/s)\n${loadTable(answer, first)}`));
  if (first.partialLoadLeader) blocks.push(context([`*Why:* ${escapeMrkdwn(first.partialLoadLeader.why)}`]));
  if (rest.length > 0) blocks.push(section(otherShapes(rest)));
  blocks.push(
    context([`Read as ${READ_AS[answer.intent]}. No workload was named, so this is ${answer.modelId} on reference shapes${referenceLatency(answer)}, rented GPUs. * spec-only estimate.`]),
    section(`*For your own workload*, name the model, token lengths, load and any latency target, e.g. _llama 70b, 2k in / 500 out, 30 rps, peaks 4x, p95 TTFT under 1s_`),
  );
  const leader = ranked(first)[0];
  const text = verdict ? `${verdict.replace(/\.$/, '')} (${answer.modelId}, ${first.label}).` : leader ? `At 30 % load ${leader.shortName} is cheapest: ${formatDollars(costAt(leader, 0.3))} per 1M output tokens (${answer.modelId}, ${first.label}), ${formatDollars(costAt(leader, 1))} at full load.` : answer.howToAsk;
  return { text, blocks };
}

const tokensWord = (t: 'output' | 'total'): string => (t === 'total' ? 'total' : 'output');

export function claimCheckMessage(c: ClaimCheck): SlackMessage {
  const claimed = formatDollars(c.claimedDollarsPerMillionTokens);
  const k = c.closest;
  if (!k) {
    const text = `tokcost finds no priced configuration of ${c.platformName} that serves ${c.modelId}, so it cannot check ${claimed} per 1M tokens.`;
    return { text, blocks: [section(`*Can't check it:* ${escapeMrkdwn(text)}`, 'tokcost_general_answer')] };
  }
  const verdict = c.reproduced ? `Reproduced only at full load: ${formatDollars(k.dollarsPerMillionTokens)}` : `Not reproduced: the best is ${formatDollars(k.dollarsPerMillionTokens)}`;
  const loads = k.atLoad.map((a) => `${formatDollars(a.dollarsPerMillionTokens)} at ${pct(a.loadFraction)} load`).join(', ');
  const first = `*${verdict} per 1M ${tokensWord(k.tokens)} tokens* on ${escapeMrkdwn(c.platformName)} for ${c.modelId} (claimed ${claimed}). At real load it is ${loads}.`;
  const conditions = `Conditions: every GPU busy all the time, ${escapeMrkdwn(k.pricing)} pricing, ${tokensWord(k.tokens)} tokens counted, ${escapeMrkdwn(k.interactivity)}, ${c.inputTokens} in / ${c.outputTokens} out.`;
  const loadHeads = (c.conditions[0]?.atLoad ?? []).map((a) => pct(a.loadFraction));
  const rows = [['Pricing', 'full', ...loadHeads], ...c.conditions.filter((x) => x.interactivity === k.interactivity).slice(0, 6).map((x) => [x.pricing.replace(/^rented, /, '').replace(/ \(.*\)$/, ''), formatDollars(k.tokens === 'total' ? x.fullLoadDollarsPerMillionTotalTokens : x.fullLoadDollarsPerMillionOutputTokens), ...x.atLoad.map((a) => formatDollars(a.dollarsPerMillionTokens))])];
  const blocks: KnownBlock[] = [
    section(first, 'tokcost_general_answer'),
    context([conditions]),
    section(`*$ per 1M ${tokensWord(k.tokens)} tokens by pricing and load* (${escapeMrkdwn(k.interactivity)})\n${codeTable(rows, rows[0]!.map((_, i) => i > 0))}`),
    section(`*For your own workload*, e.g. _${c.modelId} on ${c.platform}, 2k in / 500 out, 30 rps, peaks 3x_`),
  ];
  const text = `${c.reproduced ? 'Reproduced only at full load' : 'Not reproduced'}: ${formatDollars(k.dollarsPerMillionTokens)} per 1M ${tokensWord(k.tokens)} tokens on ${c.platformName} for ${c.modelId} (claimed ${claimed}); ${loads}.`;
  return { text, blocks };
}
