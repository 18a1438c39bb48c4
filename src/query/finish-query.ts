/** Cross-field checks and a final zod validation: a query that leaves here always fits QuerySchema. */
import type { Extraction } from './extraction.ts';
import { formatNumber } from './numbers.ts';
import { EXAMPLES, QuerySchema, type FieldName, type ParsedQuery, type QueryFields } from './schema.ts';

export function checkConsistency(fields: QueryFields, out: Extraction): void {
  const { tpotMs, tokensPerSecondPerUser } = fields;
  if (tpotMs !== undefined && tokensPerSecondPerUser !== undefined && Math.abs(1000 / tokensPerSecondPerUser - tpotMs) > 0.02 * tpotMs) {
    out.problem(
      `TPOT ${formatNumber(tpotMs)} ms / ${formatNumber(tokensPerSecondPerUser)} tok/s per user`,
      `TPOT ${formatNumber(tpotMs)} ms means ${formatNumber(1000 / tpotMs)} tok/s per user, not ${formatNumber(tokensPerSecondPerUser)}; say one`,
      EXAMPLES.tpot,
      'tpotMs',
    );
    delete fields.tpotMs;
    delete fields.tokensPerSecondPerUser;
  }
}

/** Assemble and validate; fields that fail validation are dropped with a problem each. */
export function finishQuery(fields: QueryFields, out: Extraction): ParsedQuery {
  const candidate: Record<string, unknown> = { ...fields, problems: out.problems, assumptions: out.assumptions };
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const result = QuerySchema.safeParse(candidate);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '');
      if (field === 'problems' || field === 'assumptions' || !(field in candidate)) continue;
      out.problem(String(JSON.stringify(candidate[field])), `${field}: ${issue.message}`, EXAMPLES.whole, field as FieldName);
      delete candidate[field];
    }
    candidate.problems = out.problems;
  }
  return { problems: out.problems, assumptions: out.assumptions };
}
