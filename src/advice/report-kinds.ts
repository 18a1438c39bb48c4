/**
 * The report kinds and the words that ask for each, without the engine behind them (the Slack app's
 * event loop reads these; the reports themselves run in src/advice/report-registry.ts).
 */
export const REPORT_KINDS = ['advise', 'tco', 'crossover', 'batch', 'curve', 'api'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
/** The reports asked for by name (everything but the main answer). */
export type PlanningReportKind = Exclude<ReportKind, 'advise'>;
export const PLANNING_REPORT_KINDS = REPORT_KINDS.filter((k): k is PlanningReportKind => k !== 'advise');

/** Words naming each report at the start of a question (regular-expression sources). */
export const REPORT_WORDS: { readonly [K in PlanningReportKind]: string } = {
  tco: String.raw`tco|total cost of ownership|cost of ownership`,
  crossover: String.raw`cross-?overs?(?: points?)?`,
  batch: String.raw`batch(?:[- ]size)?(?: efficiency)?|batching`,
  curve: String.raw`(?:utili[sz]ation |cost[- ]vs[- ]load |load )?curve`,
  api: String.raw`apis?|api prices|hosted apis?`,
};

export const isReportKind = (value: string): value is ReportKind => (REPORT_KINDS as readonly string[]).includes(value);
