/**
 * A thread follow-up ("what if peak is 10x?", "use fp4", "only nvidia", "drop the TTFT target",
 * "double the traffic") applied to the previous query: only what the text mentions changes, and the
 * changes are listed.
 */
import { applyInteractive, applyTokenRate } from './defaults.ts';
import { extract } from './extract.ts';
import { checkConsistency, finishQuery } from './finish-query.ts';
import { applyRelative, mergeSaid } from './merge-fields.ts';
import { extractRelativeChanges, type RelativeChange } from './relative-changes.ts';
import { EXAMPLES, FIELD_NAMES, QueryFieldsSchema, type FieldName, type ParsedQuery, type Problem, type QueryFields } from './schema.ts';
import { draftFromQuery } from './to-advice-request.ts';
import { draftOf, type DraftFields, type WorkloadDraft } from '../advice/workload-draft.ts';
import type { Vocabulary } from './vocabulary.ts';

export interface Change {
  readonly field: string;
  readonly from: unknown;
  readonly to: unknown;
}

export interface FollowUpResult {
  readonly query: ParsedQuery;
  readonly changes: readonly Change[];
  readonly problems: readonly Problem[];
}

function fieldsOf(query: ParsedQuery): QueryFields {
  const { problems: _p, assumptions: _a, ...fields } = query;
  return fields;
}

export function diffFields(before: QueryFields, after: QueryFields): Change[] {
  const changes: Change[] = [];
  for (const field of FIELD_NAMES) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) changes.push({ field, from: before[field], to: after[field] });
  }
  return changes;
}

export function applyFollowUpStrict(previous: ParsedQuery, text: string, vocabulary: Vocabulary): FollowUpResult {
  let relative: RelativeChange[] = [];
  const { out, collected } = extract(text, vocabulary, (scanner, o) => {
    relative = extractRelativeChanges(scanner, o);
  });
  const before = fieldsOf(previous);
  const { fields, said } = mergeSaid(before, collected, out);
  applyRelative(fields, relative, out);
  if (collected.tokenRate) applyTokenRate(fields as QueryFields, collected, out);
  if (collected.interactive) applyInteractive(collected.interactive, out);
  checkConsistency(fields as QueryFields, out);
  const changed = new Set(diffFields(before, fields as QueryFields).map((c) => c.field));
  for (const f of said) changed.add(f);
  if (changed.size === 0 && out.problems.length === 0) {
    out.problem(text.slice(0, 120), "didn't find anything to change in this follow-up", EXAMPLES.followUp);
  }
  const ownProblems = out.problems.slice(0);
  const kept = previous.problems.filter((p) => p.field !== undefined && !changed.has(p.field) && !(p.field === 'model' && fields.model));
  const keptAssumptions = previous.assumptions.filter((a) => !changed.has(a.field));
  out.problems.splice(0, out.problems.length, ...kept, ...ownProblems);
  out.assumptions.unshift(...keptAssumptions);
  const query = finishQuery(fields as QueryFields, out);
  return { query, changes: diffFields(before, fieldsOf(query)), problems: ownProblems };
}

export function applyFollowUp(previous: ParsedQuery, text: string, vocabulary: Vocabulary): FollowUpResult {
  try {
    return applyFollowUpStrict(previous, text, vocabulary);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const problem = { fragment: String(text).slice(0, 60), message: `internal error while reading this follow-up (${detail})`, example: EXAMPLES.followUp };
    return { query: { ...previous, problems: [...previous.problems, problem] }, changes: [], problems: [problem] };
  }
}

export interface DraftChange {
  readonly field: string;
  readonly from: unknown;
  readonly to: unknown;
}

/**
 * A follow-up applied to a stored workload draft: the fields the parser knows go through the query's
 * merge rules; the rest (a CSV series, weekend share, serving engine, latency class) stay unless the
 * follow-up's words change them ("batch", "interactive").
 */
export function applyFollowUpToDraft(previous: WorkloadDraft, text: string, vocabulary: Vocabulary): { draft: WorkloadDraft; changes: DraftChange[]; problems: readonly Problem[] } {
  const known = new Set<string>(FIELD_NAMES);
  const queryFields: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  // A value the text schema cannot hold (a series shape, p99.9, a tier only flags name) stays as it was.
  const fits = (k: string, v: unknown) => known.has(k) && QueryFieldsSchema.shape[k as FieldName].safeParse(v).success;
  for (const [k, v] of Object.entries(previous.fields)) (fits(k, v) ? queryFields : rest)[k] = v;
  const base: ParsedQuery = { ...(queryFields as QueryFields), problems: [], assumptions: previous.notes.map((n) => ({ ...n })) };
  const result = applyFollowUp(base, text, vocabulary);
  if (result.problems.length > 0) return { draft: previous, changes: [], problems: result.problems };
  const said = draftFromQuery(result.query, text);
  const fields: DraftFields = { ...(rest as DraftFields), ...said.fields };
  // A new rate or shape replaces a series; a flat or peaked load replaces the series shape.
  if (fields.shape !== 'series' && rest.series !== undefined && (said.fields.requestsPerSecond !== undefined || said.fields.shape !== undefined)) delete fields.series;
  const draft = draftOf(fields, said.notes);
  const changes = [...new Set([...Object.keys(previous.fields), ...Object.keys(draft.fields)])]
    .filter((k) => JSON.stringify((previous.fields as Record<string, unknown>)[k]) !== JSON.stringify((draft.fields as Record<string, unknown>)[k]))
    .map((field) => ({ field, from: (previous.fields as Record<string, unknown>)[field as FieldName], to: (draft.fields as Record<string, unknown>)[field as FieldName] }));
  return { draft, changes, problems: [] };
}
