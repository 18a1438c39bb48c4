/**
 * The words door: a parsed query -> the workload draft (what the text said, plus what reading it
 * inferred, as notes). Defaults and bounds are not applied here: src/advice/build-workload.ts does that
 * for every door. "batch" or "offline" in the text drops the interactive latency default.
 */
import { draftOf, type DraftFields, type Note, type WorkloadDraft } from '../advice/workload-draft.ts';
import { INTERACTIVE_NOTE } from './defaults.ts';
import type { ParsedQuery } from './schema.ts';

/** "batch", "offline", "batch job" - but not the batch-efficiency report's own words. */
const BATCH_WORDS = /\b(?:offline|batch(?![\s-]*(?:efficiency|size|sizes|sizing|report)\b))\b/i;

export function draftFromQuery(query: ParsedQuery, text = ''): WorkloadDraft {
  const { problems: _problems, assumptions, ...said } = query;
  const notes: Note[] = [];
  let latencyClass: DraftFields['latencyClass'];
  for (const a of assumptions) {
    if (a.field === INTERACTIVE_NOTE) latencyClass = 'interactive';
    else notes.push({ field: a.field, value: a.value, reason: a.reason });
  }
  if (BATCH_WORDS.test(text)) latencyClass = 'batch';
  return draftOf({ ...said, ...(latencyClass ? { latencyClass } : {}) }, notes);
}

/** A draft shown back as query fields (the stored question's editable part). */
export function queryFieldsOf(draft: WorkloadDraft): DraftFields {
  return draft.fields;
}
