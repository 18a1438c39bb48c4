/**
 * The seam between the Slack app and the rest of tokcost. The app only talks to an Advisor;
 * real-advisor.ts composes query + catalog + engine + chart behind it, tests may inject a fake.
 */
import type { ClaimCheck } from '../advice/claim-check.ts';
import type { GeneralAnswer } from '../advice/general-questions.ts';
import type { PlanningReportKind } from '../advice/report-kinds.ts';
import type { LoadSeries, WorkloadDraft } from '../advice/workload-draft.ts';
import type { AdviceReport } from '../engine/advice-types.ts';
import type { SlackMessage } from './blocks/message.ts';
import type { WorkspaceSettings } from '../store/store.ts';

export type { WorkspaceSettings } from '../store/store.ts';

/** The inputs the modal form edits; also how a stored query is shown back to the user. */
export interface QueryFields {
  readonly model: string;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly requestsPerSecond: number;
  readonly peakToAverage?: number;
  readonly ttftMs?: number;
  readonly ttftPercentile?: number;
  readonly tpotMs?: number;
  readonly platforms?: readonly string[];
  /** Share of input tokens served from the prefix cache, in percent (the form's unit). */
  readonly prefixCacheHitPercent?: number;
  /** Speculative decoding in its written form (`eagle3:3`, `mtp:3`, `draft:llama-3.1-8b:4`). */
  readonly speculativeSetting?: string;
  /** Its per-token acceptance rate (0..1). */
  readonly acceptanceRate?: number;
}

/**
 * A question as remembered for a thread: JSON-serialisable, versioned. Version 2 keeps the workload
 * draft (what was said, through whichever door); follow-ups and the form apply to it, and it is
 * validated once, where it is read back (readStoredDraft). Version 1 kept the parser's query: its text
 * is asked again.
 */
export interface StoredQuery {
  readonly version: 2;
  /** The question in words, as the user put it (the form: a summary of its fields). */
  readonly text: string;
  /** The form's fields, as the built workload has them. */
  readonly fields: QueryFields;
  readonly draft: WorkloadDraft;
}

export interface QueryChange {
  readonly field: string;
  readonly from: string;
  readonly to: string;
}

export interface QueryProblem {
  /** The part of the question that could not be used ('' when something is missing). */
  readonly fragment: string;
  readonly message: string;
  /** A phrasing that works. */
  readonly example: string;
}

/**
 * A question with no workload in it (a general planning question or a claim check), answered on stated
 * reference workloads: its own card and chart, nothing to follow up on. Carried through the worker pool
 * like the others (plain data plus the PNG).
 */
export interface GeneralAdvisorAnswer {
  readonly kind: 'general';
  /** The advice layer's answer (GeneralAnswer or ClaimCheck), JSON-serialisable. */
  readonly data: GeneralAnswer | ClaimCheck;
  readonly message: SlackMessage;
  readonly chartPng?: Buffer;
  readonly chartTitle: string;
  /** Read from a fallback cue only ("is AMD cheaper?"): where there is a last answer, try it as a follow-up first. */
  readonly weak?: boolean;
}

/** The answer for one workload: its advice card, or what could not be used. */
export type WorkloadAnswer =
  | {
      readonly kind: 'answer';
      readonly query: StoredQuery;
      readonly report: AdviceReport;
      readonly chartPng?: Buffer;
      /** For follow-ups: what the follow-up changed in the query. */
      readonly changes?: readonly QueryChange[];
    }
  | { readonly kind: 'problems'; readonly problems: readonly QueryProblem[] };

/** What words get: a workload's answer, or (no workload in them) a general answer. */
export type AdvisorAnswer = WorkloadAnswer | GeneralAdvisorAnswer;

export interface Choice {
  readonly id: string;
  readonly name: string;
}

export interface Vocabulary {
  readonly models: readonly Choice[];
  readonly platforms: readonly Choice[];
}

/** The planning reports (and the API comparison) a question can ask for instead of the advice card (src/advice/report-registry.ts). */
export type ReportKind = PlanningReportKind;
export { PLANNING_REPORT_KINDS as REPORT_KINDS } from '../advice/report-kinds.ts';

export type ReportAnswer =
  | {
      readonly kind: 'report';
      readonly reportKind: ReportKind;
      readonly query: StoredQuery;
      /** The engine's report (JSON-serialisable), stored with the thread. */
      readonly report: unknown;
      /** The Block Kit message, built by the report's pure builder. */
      readonly message: SlackMessage;
      readonly chartPng?: Buffer;
      readonly chartTitle: string;
      readonly changes?: readonly QueryChange[];
    }
  | { readonly kind: 'problems'; readonly problems: readonly QueryProblem[] }
  /** "tco across the top chip makers": a report asked for with no workload, answered on reference workloads. */
  | GeneralAdvisorAnswer
  /** The report can't be produced here (not built yet, or no engine wired): say so plainly. */
  | { readonly kind: 'unavailable'; readonly message: string };

export interface Advisor {
  /** A new question in words; `series`: a load series attached to it (a CSV file in Slack). */
  answer(input: { text: string; settings: WorkspaceSettings; series?: LoadSeries }): Promise<AdvisorAnswer>;
  /** The Slack form's workload draft (never turned into words); `previous`: the thread's last query it edits. */
  answerDraft(input: { draft: WorkloadDraft; previous?: StoredQuery; settings: WorkspaceSettings }): Promise<AdvisorAnswer>;
  /** A follow-up ("what if 4k in?", "on mi355x", "double the traffic") applied to a thread's last query. */
  followUp(input: { previous: StoredQuery; text: string; settings: WorkspaceSettings; series?: LoadSeries }): Promise<AdvisorAnswer>;
  /**
   * A planning report for a question in words, or (with `previous`) for a thread's last query with the
   * follow-up `text` applied first (empty text: the query as it was).
   */
  report(kind: ReportKind, input: { text: string; previous?: StoredQuery; settings: WorkspaceSettings; series?: LoadSeries }): Promise<ReportAnswer>;
  /** Models and platforms the catalog knows (modal options, `/tokcost set price` validation). */
  vocabulary(): Vocabulary;
}
