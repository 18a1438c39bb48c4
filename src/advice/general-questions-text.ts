/** A general answer as text: per reference workload, cost at each load level per platform, the leader and why. */
import { formatDollars, formatTable } from '../format.ts';
import type { GeneralAnswer, WorkloadSection } from './general-questions.ts';
import type { IntentDetail } from './intent-detail.ts';

const TITLES: Readonly<Record<GeneralAnswer['intent'], string>> = {
  curve: 'what utilization does to the effective cost per token',
  tco: 'TCO across chip makers: price, energy and memory cost per token',
  crossover: 'the cheapest vendor by throughput and interactivity, and where it changes',
  batch: 'batch-size efficiency and the real cost per token',
};

const percent = (f: number): string => `${Math.round(f * 100)} %`;
const orDash = (v: number | null, show: (x: number) => string): string => (v === null ? '-' : show(v));

function loadTable(answer: GeneralAnswer, s: WorkloadSection): string {
  const head = ['platform', 'policy', ...answer.loadLevels.map(percent), '30 % vs full'];
  const rows = s.platforms.map((p) => [
    p.basis === 'spec-only' ? `${p.shortName} (spec-only)` : p.shortName,
    p.policy,
    ...p.costs.map((c) => formatDollars(c.dollarsPerMillionOutputTokens)),
    `${p.partialLoadMultiplier.toFixed(1)}x`,
  ]);
  return formatTable([head, ...rows]);
}

function detailText(detail: IntentDetail): string {
  switch (detail.kind) {
    case 'tco':
      return `${detail.verdict}\n${formatTable([
        ['platform', 'rented $/GPU-h', 'rented $/1M total, full load', 'owned $/1M total, full load', 'J / token', '$/h per GB HBM'],
        ...detail.rows.map((r) => [
          r.shortName,
          orDash(r.rentedDollarsPerGpuHour, formatDollars),
          orDash(r.rentedFullLoadDollarsPerMillionTotalTokens, formatDollars),
          orDash(r.ownedFullLoadDollarsPerMillionTotalTokens, formatDollars),
          orDash(r.joulesPerTotalToken, (j) => j.toFixed(2)),
          orDash(r.dollarsPerHourPerHbmGigabyte, (d) => `$${d.toFixed(4)}`),
        ]),
      ])}`;
    case 'crossover':
      return [detail.verdict, ...detail.crossovers.map((c) => `  - ${c}`)].join('\n');
    case 'batch':
      return `${detail.verdict}\n${formatTable([
        ['platform', '$/1M out at batch 1', 'batch at the SLO', '$/1M out at the SLO batch', 'compute-bound from batch'],
        ...detail.rows.map((r) => [r.shortName, orDash(r.batchOneDollarsPerMillionOutputTokens, formatDollars), String(r.sloBatch), formatDollars(r.sloDollarsPerMillionOutputTokens), r.computeBoundFromBatch === null ? 'never (memory-bound)' : String(r.computeBoundFromBatch)]),
      ])}`;
  }
}

function sectionText(answer: GeneralAnswer, s: WorkloadSection): string {
  const lines = [
    `${s.label} (${s.inputTokens} in / ${s.outputTokens} out, ${s.what}): effective $ per 1M output tokens by mean load (100 % = ${s.referenceRequestsPerSecond.toFixed(1)} req/s)`,
    loadTable(answer, s),
    s.partialLoadLeader ? `Most efficient under partial load: ${s.partialLoadLeader.why}` : s.curveVerdict,
  ];
  if (s.detail) lines.push(detailText(s.detail));
  return lines.join('\n');
}

export function renderGeneralAnswer(answer: GeneralAnswer): string {
  const leaders = answer.partialLoadLeaders.map((l) => `${l.shortName} (${l.workloads.join(', ')})`).join(', ');
  return [
    `General question, read as: ${TITLES[answer.intent]} (from "${answer.cues[0]}"). No workload was named, so this answers on ${answer.modelId} at three reference shapes.`,
    leaders ? `Cheapest at 30 % load: ${leaders}. A GPU costs the same per hour busy or idle, so at lower load each token carries more of it; how much more depends on how finely the fleet can shrink.` : '',
    ...answer.sections.map((s) => sectionText(answer, s)),
    answer.howToAsk,
    `Assumptions:\n${answer.assumptions.map((a) => `  - ${a.name}: ${a.value} [${a.source.title}, ${a.source.asOf}, ${a.source.basis}]`).join('\n')}`,
  ].filter((x) => x !== '').join('\n\n');
}
