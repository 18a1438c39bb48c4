/** The held-out bar's judge: a question parsed "fully right", shared by every held-out set. */
import type { ParsedQuery } from '../../src/query/schema.ts';
import { fieldsOf } from './helpers.ts';

function round(value: unknown): unknown {
  if (typeof value === 'number') return Number(value.toPrecision(6));
  if (Array.isArray(value)) return value.map(round);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, round(v)]));
  return value;
}

/** Fully right: no problems, the expected fields exactly, every other field a stated default. */
export function parsedRight(query: ParsedQuery, expected: Record<string, unknown>): string | null {
  if (query.problems.length > 0) return `problems: ${query.problems.map((p) => `${p.fragment}: ${p.message}`).join(' | ')}`;
  const fields = fieldsOf(query);
  const said = Object.fromEntries(Object.keys(expected).map((k) => [k, fields[k]]));
  if (JSON.stringify(round(said)) !== JSON.stringify(round(expected))) return `got ${JSON.stringify(round(said))}`;
  const assumed = new Set(query.assumptions.map((a) => a.field));
  const unexplained = Object.keys(fields).filter((k) => !(k in expected) && !assumed.has(k));
  return unexplained.length > 0 ? `unexplained fields ${unexplained.join(', ')}` : null;
}

/** An expected refusal: a problem about `field` whose message names every string in `names`. */
export interface ExpectedProblem {
  readonly problem: { readonly field: string; readonly names: readonly string[] };
}

/** Right when the question is refused for the stated reason: a problem on the field naming what it should. */
export function refusedRight(query: ParsedQuery, expected: ExpectedProblem): string | null {
  const { field, names } = expected.problem;
  const hit = query.problems.find((p) => p.field === field && names.every((n) => `${p.fragment} ${p.message} ${p.example}`.toLowerCase().includes(n.toLowerCase())));
  if (hit) return null;
  return query.problems.length === 0 ? `no problem (fields ${JSON.stringify(fieldsOf(query))})` : `problems: ${query.problems.map((p) => `[${p.field}] ${p.fragment}: ${p.message}`).join(' | ')}`;
}
