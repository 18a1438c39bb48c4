/** The query edge: free text and thread follow-ups -> exact query -> engine AdviceRequest. */
export { parseQuery } from './parse-query.ts';
export { applyFollowUp, type Change, type FollowUpResult } from './follow-up.ts';
export { draftFromQuery } from './to-advice-request.ts';
export { vocabularyFromCatalog, type Vocabulary, type VocabularyModel, type VocabularyPlatform } from './vocabulary.ts';
export { QuerySchema, type ParsedQuery, type Problem, type Assumption } from './schema.ts';
export { normalizeSlackText } from './normalize-slack-text.ts';
export { statedAssumptions, fieldLabel, showValue } from './stated-assumptions.ts';
