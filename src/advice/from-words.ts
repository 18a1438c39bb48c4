/**
 * The words door end to end: a question (or a follow-up on a stored draft) -> the parser -> the draft
 * -> buildWorkload. The parser's own problems come back first; the workload's bounds after.
 */
import type { Catalog } from '../engine/catalog/types.ts';
import { applyFollowUpToDraft, type DraftChange } from '../query/follow-up.ts';
import { parseQuery } from '../query/parse-query.ts';
import type { Problem } from '../query/schema.ts';
import { draftFromQuery } from '../query/to-advice-request.ts';
import { vocabularyFromCatalog, type Vocabulary } from '../query/vocabulary.ts';
import { buildWorkload } from './build-workload.ts';
import type { WorkloadProblem, WorkloadResult } from './workload.ts';
import { draftOf, type DraftFields, type LoadSeries, type WorkloadDraft } from './workload-draft.ts';

const problemsOf = (problems: readonly Problem[]): WorkloadProblem[] => problems.map((p) => ({ field: p.field ?? '', fragment: p.fragment, message: p.message, example: p.example }));

/** Vocabularies are built once per catalog (the Slack app asks many questions of one catalog). */
const vocabularies = new WeakMap<Catalog, Vocabulary>();
export function vocabularyOf(catalog: Catalog): Vocabulary {
  let v = vocabularies.get(catalog);
  if (!v) vocabularies.set(catalog, (v = vocabularyFromCatalog(catalog)));
  return v;
}

/** `series`: a load series that came with the question (a CSV attached in Slack); a rate said in words then conflicts with it, and is reported. */
export function workloadFromWords(text: string, catalog: Catalog, asOfDate: string, series?: LoadSeries): WorkloadResult {
  const parsed = parseQuery(text, vocabularyOf(catalog));
  if (parsed.problems.length > 0) return { ok: false, problems: problemsOf(parsed.problems) };
  const draft = draftFromQuery(parsed, text);
  return buildWorkload(series ? draftOf({ ...draft.fields, shape: 'series', series }, draft.notes) : draft, catalog, { door: 'words', asOfDate });
}

/** Fields that describe the load; a series sent with a follow-up replaces them all (the stored load was the last question's). */
const LOAD_FIELDS = ['requestsPerSecond', 'concurrentUsers', 'shape', 'peakToAverage', 'peakHourUtc', 'weekendFraction', 'businessHours', 'spikeRiseMinutes', 'spikeDurationMinutes', 'series', 'horizon'] as const;

/** The stored draft with its load replaced by `series`. */
export function withLoadSeries(draft: WorkloadDraft, series: LoadSeries): WorkloadDraft {
  const fields: DraftFields = { ...draft.fields };
  for (const field of LOAD_FIELDS) delete fields[field];
  return draftOf({ ...fields, shape: 'series', series }, draft.notes.filter((n) => !(LOAD_FIELDS as readonly string[]).includes(n.field)));
}

export type FollowUpWorkload = WorkloadResult & { readonly changes?: readonly DraftChange[] };

/** A follow-up applied to the stored draft (validated where it was read back), then built like a new question. */
export function workloadFromFollowUp(previous: WorkloadDraft, text: string, catalog: Catalog, asOfDate: string, series?: LoadSeries): FollowUpWorkload {
  const base = series ? withLoadSeries(previous, series) : previous;
  // A file alone ("here is our traffic") changes only the load.
  if (series && text.trim() === '') {
    const built = buildWorkload(base, catalog, { door: 'follow-up', asOfDate });
    return built.ok ? { ...built, changes: [{ field: 'series', from: previous.fields.series?.label ?? 'the stated load', to: series.label ?? 'the attached series' }] } : built;
  }
  const result = applyFollowUpToDraft(base, text, vocabularyOf(catalog));
  if (result.problems.length > 0) return { ok: false, problems: problemsOf(result.problems) };
  const built = buildWorkload(result.draft, catalog, { door: 'follow-up', asOfDate });
  return built.ok ? { ...built, changes: result.changes } : built;
}
