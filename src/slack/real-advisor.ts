/**
 * The real Advisor: each door (words, the form's draft, a follow-up on the stored draft) -> the one
 * workload builder -> workspace settings applied -> answer() -> the report's Block Kit message and chart
 * PNG. Slack only renders here: defaults, bounds and figures all come from src/advice.
 * The catalog and calibration are injected so the composition root decides what runs; tests may stand
 * in an `advise` for the main answer.
 */
import { speculativeSettingText } from '../engine/performance/speculative-syntax.ts';
import { answer, chartsOf } from '../advice/answer.ts';
import { wordAdvice } from '../report-text/word-advice.ts';
import { buildWorkload } from '../advice/build-workload.ts';
import { fieldLabel, showValue } from '../advice/field-labels.ts';
import { workloadFromFollowUp, workloadFromWords } from '../advice/from-words.ts';
import type { ReportKind as AnyReportKind } from '../advice/report-registry.ts';
import type { Workload, WorkloadProblem, WorkloadResult } from '../advice/workload.ts';
import { readStoredDraft, type LoadSeries, type WorkloadDraft } from '../advice/workload-draft.ts';
import { withWorkspaceSettings } from '../advice/workspace-settings.ts';
import { renderReportChartPng } from '../chart/render-report.ts';
import type { AdviceReport, AdviceRequest } from '../engine/advice-types.ts';
import type { Catalog } from '../engine/catalog/types.ts';
import { EMPTY_CALIBRATION, type CalibrationTable } from '../engine/performance/calibration.ts';
import type { Advisor, AdvisorAnswer, QueryChange, QueryFields, QueryProblem, ReportAnswer, ReportKind, StoredQuery, Vocabulary, WorkspaceSettings } from './advisor.ts';
import { SLACK_CHART } from './chart-size.ts';
import { formSummary } from './form-fields.ts';
import { generalAdvisorAnswer } from './general-answer.ts';
import type { PlanningIntent } from '../query/general-intent.ts';
import { REPORT_MESSAGES } from './report-engines.ts';

export { fieldLabel, showValue };

export type AdviseFn = (request: AdviceRequest, catalog: Catalog) => AdviceReport;

export interface RealAdvisorOptions {
  readonly catalog: Catalog;
  /** The fitted performance model; without it the planning reports answer 'unavailable'. */
  readonly calibration?: CalibrationTable;
  /** A stand-in for the main answer's engine (tests); default: answer(workload, ..., 'advise'). */
  readonly advise?: AdviseFn;
  /** Render the chart PNG (default true). */
  readonly chart?: boolean;
  readonly now?: () => Date;
}

/** The form's fields, as the built request has them (what the form shows when opened again). */
export function fieldsOf(request: AdviceRequest): QueryFields {
  const { latency, shape } = request;
  return {
    model: request.modelId,
    inputTokens: request.inputTokens,
    outputTokens: request.outputTokens,
    requestsPerSecond: Number(request.meanRequestsPerSecond.toPrecision(6)),
    ...('peakToAverage' in shape ? { peakToAverage: shape.peakToAverage } : shape.kind === 'flat' ? { peakToAverage: 1 } : {}),
    ...(latency.ttftMs !== undefined ? { ttftMs: latency.ttftMs, ttftPercentile: latency.ttftPercentile ?? 95 } : {}),
    ...(latency.tpotMs !== undefined ? { tpotMs: Number(latency.tpotMs.toPrecision(6)) } : {}),
    ...(request.platforms ? { platforms: [...request.platforms] } : {}),
    ...(request.prefixCacheHitFraction ? { prefixCacheHitPercent: Number((request.prefixCacheHitFraction * 100).toPrecision(4)) } : {}),
    ...(request.speculative ? { speculativeSetting: speculativeSettingText(request.speculative), ...(request.speculative.acceptanceRate !== undefined ? { acceptanceRate: request.speculative.acceptanceRate } : {}) } : {}),
  };
}

const problemsOf = (problems: readonly WorkloadProblem[]): QueryProblem[] => problems.map((p) => ({ fragment: p.fragment, message: p.message, example: p.example }));

export function createRealAdvisor(options: RealAdvisorOptions): Advisor {
  const { catalog } = options;
  const now = options.now ?? (() => new Date());
  const today = () => now().toISOString().slice(0, 10);
  const choices: Vocabulary = {
    models: catalog.models.map((m) => ({ id: m.id, name: m.name })),
    platforms: catalog.accelerators.map((a) => ({ id: a.id, name: a.name })),
  };

  /** The stored draft, validated here once; a version-1 query (or an unreadable one) is asked again from its text. */
  function storedDraft(previous: StoredQuery): WorkloadDraft | WorkloadProblem[] {
    const read = readStoredDraft((previous as { draft?: unknown }).draft);
    if (read.ok) return read.draft;
    const again = workloadFromWords(previous.text, catalog, today());
    return again.ok ? again.workload.draft : [...again.problems];
  }

  async function chartPng<K extends AnyReportKind>(kind: K, report: Parameters<typeof chartsOf<K>>[1]): Promise<Buffer | undefined> {
    if (options.chart === false) return undefined;
    // Charts draw the report's own figures; the calibration only matters to building reports.
    const [first] = await chartsOf(kind, report, catalog, options.calibration ?? EMPTY_CALIBRATION);
    return first ? renderReportChartPng(first.spec, SLACK_CHART) : undefined;
  }

  function settled(workload: Workload, settings: WorkspaceSettings) {
    return withWorkspaceSettings(workload, settings, catalog, today());
  }

  async function advice(result: WorkloadResult, text: string, settings: WorkspaceSettings, changes?: readonly QueryChange[]): Promise<AdvisorAnswer> {
    if (!result.ok) return { kind: 'problems', problems: problemsOf(result.problems) };
    const { workload, assumptions: workspace } = settled(result.workload, settings);
    const report = options.advise
      ? wordAdvice(withAssumptions(options.advise(workload.request, catalog), [...workload.assumptions, ...workspace]))
      : answer(workload, catalog, options.calibration!, 'advise', { extraAssumptions: workspace });
    const png = await chartPng('advise', report);
    const query: StoredQuery = { version: 2, text, fields: fieldsOf(workload.request), draft: workload.draft };
    return { kind: 'answer', query, report: withoutSeries(report), ...(png ? { chartPng: png } : {}), ...(changes ? { changes } : {}) };
  }

  function changesOf(changes: readonly { field: string; from: unknown; to: unknown }[] | undefined): QueryChange[] | undefined {
    return changes?.map((c) => ({ field: fieldLabel(c.field), from: showValue(c.from), to: showValue(c.to) }));
  }

  async function report(kind: ReportKind, input: { text: string; previous?: StoredQuery; settings: WorkspaceSettings; series?: LoadSeries }): Promise<ReportAnswer> {
    if (!options.calibration) return { kind: 'unavailable', message: `The ${kind} report is not available in this installation.` };
    let result: WorkloadResult & { changes?: readonly { field: string; from: unknown; to: unknown }[] };
    let text = input.text;
    if (!input.previous) result = workloadFromWords(input.text, catalog, today(), input.series);
    else {
      const draft = storedDraft(input.previous);
      if (Array.isArray(draft)) return { kind: 'problems', problems: problemsOf(draft) };
      result = input.text.trim() === '' && !input.series ? buildWorkload(draft, catalog, { door: 'follow-up', asOfDate: today() }) : workloadFromFollowUp(draft, input.text, catalog, today(), input.series);
      text = input.text.trim() === '' ? input.previous.text : `${input.previous.text}; ${input.text}`;
    }
    if (!result.ok) return { kind: 'problems', problems: problemsOf(result.problems) };
    const { workload, assumptions: workspace } = settled(result.workload, input.settings);
    const data = answer(workload, catalog, options.calibration, kind, { extraAssumptions: workspace });
    const png = await chartPng(kind, data);
    const { REPORTS } = await import('../advice/report-registry.ts');
    const query: StoredQuery = { version: 2, text, fields: fieldsOf(workload.request), draft: workload.draft };
    const changes = changesOf(result.changes);
    return { kind: 'report', reportKind: kind, query, report: data, message: REPORT_MESSAGES[kind](data as never), chartTitle: REPORTS[kind].title, ...(png ? { chartPng: png } : {}), ...(changes ? { changes } : {}) };
  }

  /** A question with no workload (general or a claim check); null without a calibration or for a workload question. */
  function general(text: string, asked?: PlanningIntent) {
    if (!options.calibration) return Promise.resolve(null);
    return generalAdvisorAnswer(text, { catalog, calibration: options.calibration, asOf: today(), chart: options.chart !== false, ...(asked ? { asked } : {}) });
  }

  return {
    async report(kind, input) {
      const answered = await report(kind, input);
      // "tco across the top chip makers": a report asked for with no workload named is answered on reference workloads.
      if (answered.kind !== 'problems' || input.previous || input.series || kind === 'api') return answered;
      const reference = await general(input.text === '' ? kind : input.text, kind);
      return reference?.kind === 'general' ? reference : answered;
    },
    async answer({ text, settings, series }) {
      // An attached load series makes it a workload question, never a general one.
      return (series ? null : await general(text)) ?? advice(workloadFromWords(text, catalog, today(), series), text, settings);
    },
    answerDraft: async ({ draft, settings }) => advice(buildWorkload(draft, catalog, { door: 'form', asOfDate: today() }), formSummary(draft), settings),
    async followUp({ previous, text, settings, series }) {
      const draft = storedDraft(previous);
      if (Array.isArray(draft)) return { kind: 'problems', problems: problemsOf(draft) };
      const result = workloadFromFollowUp(draft, text, catalog, today(), series);
      if (!result.ok && !series) {
        // A general question asked inside a thread is answered as one, not as a change that found nothing.
        const reference = await general(text);
        if (reference?.kind === 'general') return reference;
      }
      const asked = [previous.text, text.trim(), series?.label ? `load from ${series.label}` : ''].filter(Boolean).join('; ');
      return advice(result, asked, settings, result.ok ? changesOf(result.changes) : undefined);
    },
    vocabulary: () => choices,
  };
}

function withAssumptions(report: AdviceReport, first: AdviceReport['assumptions']): AdviceReport {
  return { ...report, assumptions: [...first, ...report.assumptions] };
}

/**
 * The report as Slack keeps it: the minute-by-minute load and capacity series (about 0.8 MB for a week)
 * only feed the chart, already rendered, so they are dropped before the answer crosses the worker
 * boundary and lands in the store.
 */
function withoutSeries(report: AdviceReport): AdviceReport {
  return { ...report, loadSeries: { stepMinutes: report.loadSeries.stepMinutes, requestsPerSecond: [] }, capacitySeries: [] };
}
