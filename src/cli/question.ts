/** A question in words -> the engine's request, with the parser's defaults named as assumptions. */
import type { AdviceRequest, Assumption } from '../engine/advice-types.ts';
import type { Catalog } from '../engine/catalog/types.ts';
import { parseQuery, statedAssumptions, toAdviceRequest, vocabularyFromCatalog, type Problem } from '../query/index.ts';

export type QuestionResult =
  | { readonly ok: true; readonly request: AdviceRequest; readonly assumptions: readonly Assumption[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

export function requestFromQuestion(text: string, catalog: Catalog, asOf: string = new Date().toISOString().slice(0, 10)): QuestionResult {
  const parsed = parseQuery(text, vocabularyFromCatalog(catalog));
  const converted = toAdviceRequest(parsed);
  if (converted.request === null) return { ok: false, problems: converted.problems };
  return { ok: true, request: converted.request, assumptions: statedAssumptions([...parsed.assumptions, ...converted.assumptions], asOf) };
}

/** Problems as a user reads them: what was wrong, in which words, and a phrasing that works. */
export function formatProblems(problems: readonly Problem[]): string {
  const lines = problems.map((p) => `  - ${p.fragment ? `"${p.fragment}": ` : ''}${p.message}${p.example ? `\n    try: ${p.example}` : ''}`);
  return `tokcost could not use this question:\n${lines.join('\n')}\n`;
}
