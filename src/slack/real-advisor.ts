/**
 * The real Advisor: query parser -> AdviceRequest (with workspace settings applied) -> engine ->
 * report (with workspace and parser assumptions named) -> cost-vs-load chart PNG.
 * The engine's `advise` and the catalog are injected so the composition root decides what runs.
 */
import { SLACK_CHART } from './chart-size.ts';
import { renderChartPng } from '../chart/render.ts';
import { costVsLoadSpec } from '../chart/spec.ts';
import type { AdviceReport, AdviceRequest, Assumption } from '../engine/advice-types.ts';
import type { Catalog } from '../engine/catalog/types.ts';
import { applyFollowUp, fieldLabel, parseQuery, QuerySchema, showValue, statedAssumptions, toAdviceRequest, vocabularyFromCatalog, type ParsedQuery } from '../query/index.ts';

export { fieldLabel, showValue };
import type { Advisor, AdvisorAnswer, QueryChange, QueryFields, ReportAnswer, ReportKind, StoredQuery, Vocabulary, WorkspaceSettings } from './advisor.ts';
import { runReport, type ReportEngines } from './report-engines.ts';
import { formatDollars } from './blocks/format-slack.ts';

export type AdviseFn = (request: AdviceRequest, catalog: Catalog) => AdviceReport;

export interface RealAdvisorOptions {
  readonly catalog: Catalog;
  readonly advise: AdviseFn;
  /** Render the chart PNG (default true). */
  readonly chart?: boolean;
  readonly now?: () => Date;
  /** Planning-report engines (tco, crossover, batch, curve, api); a kind without one answers 'unavailable'. */
  readonly reports?: ReportEngines;
}

function fieldsOf(request: AdviceRequest): QueryFields {
  const { latency, shape } = request;
  return {
    model: request.modelId,
    inputTokens: request.inputTokens,
    outputTokens: request.outputTokens,
    requestsPerSecond: Number(request.meanRequestsPerSecond.toPrecision(6)),
    ...('peakToAverage' in shape ? { peakToAverage: shape.peakToAverage } : {}),
    ...(latency.ttftMs !== undefined ? { ttftMs: latency.ttftMs, ttftPercentile: latency.ttftPercentile ?? 95 } : {}),
    ...(latency.tpotMs !== undefined ? { tpotMs: Number(latency.tpotMs.toPrecision(6)) } : {}),
    ...(request.platforms ? { platforms: [...request.platforms] } : {}),
  };
}

export function createRealAdvisor(options: RealAdvisorOptions): Advisor {
  const { catalog, advise } = options;
  const now = options.now ?? (() => new Date());
  const vocabulary = vocabularyFromCatalog(catalog);
  const platformName = (id: string) => catalog.accelerators.find((a) => a.id === id)?.name ?? id;
  const choices: Vocabulary = {
    models: catalog.models.map((m) => ({ id: m.id, name: m.name })),
    platforms: catalog.accelerators.map((a) => ({ id: a.id, name: a.name })),
  };

  /** Workspace prices under the question's own; power price for owned hardware. Returns what was applied. */
  function withSettings(request: AdviceRequest, settings: WorkspaceSettings): { request: AdviceRequest; assumptions: Assumption[] } {
    const asOf = (settings.updatedAt ?? now().toISOString()).slice(0, 10);
    const assumptions: Assumption[] = [];
    const own = request.dollarsPerGpuHourOverrides ?? {};
    const overrides: Record<string, number> = { ...own };
    for (const [platform, dollars] of Object.entries(settings.dollarsPerGpuHour)) {
      if (own[platform] !== undefined) continue;
      overrides[platform] = dollars;
      assumptions.push({
        name: `${platformName(platform)} price`,
        value: `${formatDollars(dollars)} / GPU-hour (workspace setting)`,
        source: { title: 'Workspace setting (/tokcost set price)', asOf, basis: 'estimate' },
      });
    }
    let pricing = request.pricing;
    if (settings.dollarsPerKwh !== undefined) {
      const used = pricing.kind === 'owned' && pricing.dollarsPerKwh === undefined;
      if (used && pricing.kind === 'owned') pricing = { ...pricing, dollarsPerKwh: settings.dollarsPerKwh };
      assumptions.push({
        name: 'Power price',
        value: `${formatDollars(settings.dollarsPerKwh)} / kWh (workspace setting)${used ? '' : pricing.kind === 'owned' ? '; the question set its own' : '; not used for rented GPUs, whose hourly price includes power'}`,
        source: { title: 'Workspace setting (/tokcost set power)', asOf, basis: 'estimate' },
      });
    }
    const hasOverrides = Object.keys(overrides).length > 0;
    return { request: { ...request, pricing, ...(hasOverrides ? { dollarsPerGpuHourOverrides: overrides } : {}) }, assumptions };
  }

  function chartOf(report: AdviceReport): Buffer | undefined {
    const best = report.recommendation;
    if (options.chart === false || report.costCurve.length === 0) return undefined;
    const names = Object.fromEntries(report.candidates.map((c) => [c.platform, c.platformName]));
    const point = best ? { platform: best.platform, loadFraction: best.meanUtilizationFraction, effectiveDollarsPerMillionOutputTokens: best.effectiveDollarsPerMillionOutputTokens } : null;
    return renderChartPng(costVsLoadSpec(report.costCurve, point, { platformNames: names }), SLACK_CHART);
  }

  function run(parsed: ParsedQuery, text: string, settings: WorkspaceSettings, changes?: readonly QueryChange[]): AdvisorAnswer {
    const converted = toAdviceRequest(parsed);
    if (converted.request === null) {
      return { kind: 'problems', problems: converted.problems.map((p) => ({ fragment: p.fragment, message: p.message, example: p.example })) };
    }
    const asOf = now().toISOString().slice(0, 10);
    const dated = converted.request.asOfDate ? converted.request : { ...converted.request, asOfDate: asOf };
    const { request, assumptions: workspace } = withSettings(dated, settings);
    const engineReport = advise(request, catalog);
    const stated = statedAssumptions([...parsed.assumptions, ...converted.assumptions], asOf);
    const report: AdviceReport = { ...engineReport, assumptions: [...workspace, ...engineReport.assumptions, ...stated] };
    const chartPng = chartOf(report);
    const query: StoredQuery = { version: 1, text, fields: fieldsOf(request), parsed };
    return { kind: 'answer', query, report: withoutSeries(report), ...(chartPng ? { chartPng } : {}), ...(changes ? { changes } : {}) };
  }

  /** The parsed query a report is for: a new question, or the thread's last with the follow-up applied. */
  function reportQuery(text: string, previous: StoredQuery | undefined): { parsed: ParsedQuery; text: string; changes?: QueryChange[] } | { problems: ReportAnswer & { kind: 'problems' } } {
    const toProblems = (problems: readonly { fragment: string; message: string; example: string }[]) => ({ problems: { kind: 'problems' as const, problems: problems.map((p) => ({ fragment: p.fragment, message: p.message, example: p.example })) } });
    if (!previous) {
      const parsed = parseQuery(text, vocabulary);
      return parsed.problems.length > 0 ? toProblems(parsed.problems) : { parsed, text };
    }
    const stored = QuerySchema.safeParse(previous.parsed);
    const base = stored.success ? stored.data : parseQuery(previous.text, vocabulary);
    if (text.trim() === '') return { parsed: base, text: previous.text };
    const result = applyFollowUp(base, text, vocabulary);
    if (result.problems.length > 0) return toProblems(result.problems);
    const changes = result.changes.map((c) => ({ field: fieldLabel(c.field), from: showValue(c.from), to: showValue(c.to) }));
    return { parsed: result.query, text: `${previous.text}; ${text}`, changes };
  }

  async function report(kind: ReportKind, input: { text: string; previous?: StoredQuery; settings: WorkspaceSettings }): Promise<ReportAnswer> {
    const engines = options.reports ?? {};
    const asked = reportQuery(input.text, input.previous);
    if ('problems' in asked) return asked.problems;
    const converted = toAdviceRequest(asked.parsed);
    if (converted.request === null) return { kind: 'problems', problems: converted.problems.map((p) => ({ fragment: p.fragment, message: p.message, example: p.example })) };
    const today = now().toISOString().slice(0, 10);
    const { request, assumptions: workspace } = withSettings(converted.request.asOfDate ? converted.request : { ...converted.request, asOfDate: today }, input.settings);
    const built = runReport(engines, kind, request, catalog);
    if (!built) return { kind: 'unavailable', message: `The ${kind} report is not available in this installation.` };
    const stated = statedAssumptions([...asked.parsed.assumptions, ...converted.assumptions], now().toISOString().slice(0, 10));
    const data = { ...built.report, assumptions: [...workspace, ...(built.report.assumptions ?? []), ...stated] };
    const chartPng = options.chart === false || !built.chart ? undefined : await built.chart(data as never);
    const query: StoredQuery = { version: 1, text: asked.text, fields: fieldsOf(request), parsed: asked.parsed };
    return { kind: 'report', reportKind: kind, query, report: data, message: built.message(data as never), chartTitle: built.chartTitle, ...(chartPng ? { chartPng } : {}), ...(asked.changes ? { changes: asked.changes } : {}) };
  }

  return {
    report,
    async answer({ text, settings }) {
      const parsed = parseQuery(text, vocabulary);
      if (parsed.problems.length > 0) {
        return { kind: 'problems', problems: parsed.problems.map((p) => ({ fragment: p.fragment, message: p.message, example: p.example })) };
      }
      return run(parsed, text, settings);
    },
    async followUp({ previous, text, settings }) {
      const stored = QuerySchema.safeParse(previous.parsed);
      const base = stored.success ? stored.data : parseQuery(previous.text, vocabulary);
      const result = applyFollowUp(base, text, vocabulary);
      if (result.problems.length > 0) {
        return { kind: 'problems', problems: result.problems.map((p) => ({ fragment: p.fragment, message: p.message, example: p.example })) };
      }
      const changes = result.changes.map((c) => ({ field: fieldLabel(c.field), from: showValue(c.from), to: showValue(c.to) }));
      return run(result.query, `${previous.text}; ${text}`, settings, changes);
    },
    vocabulary: () => choices,
  };
}

/**
 * The report as Slack keeps it: the minute-by-minute load and capacity series (about 0.8 MB for a week)
 * only feed the chart, already rendered, so they are dropped before the answer crosses the worker
 * boundary and lands in the store.
 */
function withoutSeries(report: AdviceReport): AdviceReport {
  return { ...report, loadSeries: { stepMinutes: report.loadSeries.stepMinutes, requestsPerSecond: [] }, capacitySeries: [] };
}
