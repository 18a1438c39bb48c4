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
import type { WorkloadDraft } from './workload-draft.ts';

const problemsOf = (problems: readonly Problem[]): WorkloadProblem[] => problems.map((p) => ({ field: p.field ?? '', fragment: p.fragment, message: p.message, example: p.example }));

/** Vocabularies are built once per catalog (the Slack app asks many questions of one catalog). */
const vocabularies = new WeakMap<Catalog, Vocabulary>();
export function vocabularyOf(catalog: Catalog): Vocabulary {
  let v = vocabularies.get(catalog);
  if (!v) vocabularies.set(catalog, (v = vocabularyFromCatalog(catalog)));
  return v;
}

export function workloadFromWords(text: string, catalog: Catalog, asOfDate: string): WorkloadResult {
  const parsed = parseQuery(text, vocabularyOf(catalog));
  if (parsed.problems.length > 0) return { ok: false, problems: problemsOf(parsed.problems) };
  return buildWorkload(draftFromQuery(parsed, text), catalog, { door: 'words', asOfDate });
}

export type FollowUpWorkload = WorkloadResult & { readonly changes?: readonly DraftChange[] };

/** A follow-up applied to the stored draft (validated where it was read back), then built like a new question. */
export function workloadFromFollowUp(previous: WorkloadDraft, text: string, catalog: Catalog, asOfDate: string): FollowUpWorkload {
  const result = applyFollowUpToDraft(previous, text, vocabularyOf(catalog));
  if (result.problems.length > 0) return { ok: false, problems: problemsOf(result.problems) };
  const built = buildWorkload(result.draft, catalog, { door: 'follow-up', asOfDate });
  return built.ok ? { ...built, changes: result.changes } : built;
}
