/**
 * A planning question with no workload in it ("What does utilization do to effective cost per token?")
 * answered on the stated reference workloads: each platform's effective $ per 1M output tokens at several
 * load levels (the engine's utilization curve), the platforms most efficient under partial load and why,
 * and the report the question asked for (TCO, crossover, batch efficiency) from the engine's own reports.
 * Plain data; general-questions-text.ts renders it.
 */
import type { AdviceRequest, Assumption } from '../engine/advice-types.ts';
import type { Catalog } from '../engine/catalog/types.ts';
import type { CalibrationTable } from '../engine/performance/calibration.ts';
import { batchEfficiencyReport } from '../engine/reports/batch-efficiency.ts';
import { crossoverReport } from '../engine/reports/crossover.ts';
import { tcoReport } from '../engine/reports/tco.ts';
import { utilizationCurveReport, type UtilizationCurveReport } from '../engine/reports/utilization-curve.ts';
import type { GeneralIntent, PlanningIntent } from '../query/general-intent.ts';
import { intentDetail, type IntentDetail } from './intent-detail.ts';
import { partialLoadLeader, platformAtLoads, LOAD_LEVELS, type PartialLoadLeader, type PlatformAtLoads } from './partial-load.ts';
import { REFERENCE_MODEL_ID, referenceAssumptions, referenceWorkloads, type PlatformFilters } from './reference-workloads.ts';

export interface WorkloadSection {
  readonly label: string;
  readonly what: string;
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** Requests/s at 100 % load: the recommended fleet's capacity at the reference latency. */
  readonly referenceRequestsPerSecond: number;
  readonly platforms: readonly PlatformAtLoads[];
  readonly partialLoadLeader: PartialLoadLeader | null;
  /** The utilization curve's own verdict sentence. */
  readonly curveVerdict: string;
  /** The asked-for report's figures on this workload (absent for the curve, which is the table itself). */
  readonly detail: IntentDetail | null;
}

export interface GeneralAnswer {
  readonly kind: 'general-question';
  readonly question: string;
  readonly intent: PlanningIntent;
  readonly cues: readonly string[];
  readonly modelId: string;
  readonly loadLevels: readonly number[];
  readonly sections: readonly WorkloadSection[];
  /** Platforms that lead at 30 % load on at least one reference workload, most wins first. */
  readonly partialLoadLeaders: readonly { readonly shortName: string; readonly workloads: readonly string[] }[];
  readonly howToAsk: string;
  readonly assumptions: readonly Assumption[];
}

const HOW_TO_ASK =
  'For your own workload, name the model, the token lengths, the load and its shape, and any latency target, e.g. "llama 70b, 2k in / 500 out, 30 rps, peaks 4x at noon, p95 TTFT under 1s"';

function detailFor(intent: PlanningIntent, request: AdviceRequest, catalog: Catalog, calibration: CalibrationTable): IntentDetail | null {
  switch (intent) {
    case 'tco':
      return intentDetail({ kind: 'tco', report: tcoReport(request, catalog, calibration) });
    case 'crossover':
      return intentDetail({ kind: 'crossover', report: crossoverReport(request, catalog, calibration) });
    case 'batch':
      return intentDetail({ kind: 'batch', report: batchEfficiencyReport(request, catalog, calibration) });
    case 'curve':
      return null;
  }
}

function leadersOf(sections: readonly WorkloadSection[]): GeneralAnswer['partialLoadLeaders'] {
  const wins = new Map<string, string[]>();
  for (const s of sections) if (s.partialLoadLeader) wins.set(s.partialLoadLeader.shortName, [...(wins.get(s.partialLoadLeader.shortName) ?? []), s.label]);
  return [...wins].sort((a, b) => b[1].length - a[1].length).map(([shortName, workloads]) => ({ shortName, workloads }));
}

export function answerGeneralQuestion(question: string, intent: GeneralIntent, catalog: Catalog, calibration: CalibrationTable, asOf: string, filters: PlatformFilters = {}): GeneralAnswer {
  return generalAnswerWithCurve(question, intent, catalog, calibration, asOf, filters).answer;
}

/** The answer and the first reference workload's utilization curve, which a chat front end charts. */
export function generalAnswerWithCurve(question: string, intent: GeneralIntent, catalog: Catalog, calibration: CalibrationTable, asOf: string, filters: PlatformFilters = {}): { answer: GeneralAnswer; curve: UtilizationCurveReport } {
  const modelId = catalog.models.some((m) => m.id === REFERENCE_MODEL_ID) ? REFERENCE_MODEL_ID : catalog.models[0]!.id;
  const main = intent.intents[0]!;
  const curves: UtilizationCurveReport[] = [];
  const sections = referenceWorkloads(modelId, asOf, filters).map((w): WorkloadSection => {
    const curve = utilizationCurveReport(w.request, catalog, calibration);
    curves.push(curve);
    const platforms = curve.platforms.map(platformAtLoads);
    return {
      label: w.label,
      what: w.what,
      inputTokens: w.request.inputTokens,
      outputTokens: w.request.outputTokens,
      referenceRequestsPerSecond: curve.referenceRequestsPerSecond,
      platforms,
      partialLoadLeader: partialLoadLeader(platforms),
      curveVerdict: curve.verdict,
      detail: detailFor(main, w.request, catalog, calibration),
    };
  });
  const answer: GeneralAnswer = {
    kind: 'general-question',
    question,
    intent: main,
    cues: intent.cues,
    modelId,
    loadLevels: LOAD_LEVELS,
    sections,
    partialLoadLeaders: leadersOf(sections),
    howToAsk: HOW_TO_ASK,
    assumptions: referenceAssumptions(modelId, asOf),
  };
  return { answer, curve: curves[0]! };
}
