/** Shared helpers for query tests: compare said fields exactly, with numbers to 9 significant digits. */
import { expect } from 'vitest';
import type { ParsedQuery } from '../../src/query/schema.ts';

export function fieldsOf(query: ParsedQuery): Record<string, unknown> {
  const { problems: _p, assumptions: _a, ...fields } = query;
  return fields;
}

function round(value: unknown): unknown {
  if (typeof value === 'number') return Number(value.toPrecision(9));
  if (Array.isArray(value)) return value.map(round);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, round(v)]));
  return value;
}

/**
 * The query has exactly `expected` among its fields, and every other field it has was filled by a
 * stated default (it appears in `assumptions`).
 */
export function expectFields(query: ParsedQuery, expected: Record<string, unknown>): void {
  const fields = fieldsOf(query);
  const said = Object.fromEntries(Object.keys(expected).map((k) => [k, fields[k]]));
  expect(round(said)).toEqual(round(expected));
  const assumed = new Set(query.assumptions.map((a) => a.field));
  const unexplained = Object.keys(fields).filter((k) => !(k in expected) && !assumed.has(k));
  expect(unexplained, 'fields neither expected nor listed as assumptions').toEqual([]);
}
