/**
 * The seam between the Slack app and the rest of tokcost. The app only talks to an Advisor;
 * real-advisor.ts composes query + catalog + engine + chart behind it, tests may inject a fake.
 */
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
}

/** A question as remembered for a thread: JSON-serialisable, versioned. */
export interface StoredQuery {
  readonly version: 1;
  /** The question in words, as the user (or the form) put it. */
  readonly text: string;
  readonly fields: QueryFields;
  /** The query layer's own parsed form, opaque to the app; follow-ups apply to it. */
  readonly parsed: unknown;
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

export type AdvisorAnswer =
  | {
      readonly kind: 'answer';
      readonly query: StoredQuery;
      readonly report: AdviceReport;
      readonly chartPng?: Buffer;
      /** For follow-ups: what the follow-up changed in the query. */
      readonly changes?: readonly QueryChange[];
    }
  | { readonly kind: 'problems'; readonly problems: readonly QueryProblem[] };

export interface Choice {
  readonly id: string;
  readonly name: string;
}

export interface Vocabulary {
  readonly models: readonly Choice[];
  readonly platforms: readonly Choice[];
}

/** The planning reports (and the API comparison) a question can ask for instead of the advice card. */
export type ReportKind = 'tco' | 'crossover' | 'batch' | 'curve' | 'api';
export const REPORT_KINDS: readonly ReportKind[] = ['tco', 'crossover', 'batch', 'curve', 'api'];

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
  /** The report can't be produced here (not built yet, or no engine wired): say so plainly. */
  | { readonly kind: 'unavailable'; readonly message: string };

export interface Advisor {
  /** A new question in words. */
  answer(input: { text: string; settings: WorkspaceSettings }): Promise<AdvisorAnswer>;
  /** A follow-up ("what if 4k in?", "on mi355x", "double the traffic") applied to a thread's last query. */
  followUp(input: { previous: StoredQuery; text: string; settings: WorkspaceSettings }): Promise<AdvisorAnswer>;
  /**
   * A planning report for a question in words, or (with `previous`) for a thread's last query with the
   * follow-up `text` applied first (empty text: the query as it was).
   */
  report(kind: ReportKind, input: { text: string; previous?: StoredQuery; settings: WorkspaceSettings }): Promise<ReportAnswer>;
  /** Models and platforms the catalog knows (modal options, `/tokcost set price` validation). */
  vocabulary(): Vocabulary;
}
