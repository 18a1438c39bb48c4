/** Rendering helpers shared by the report commands' text output. */
import type { Assumption } from '../../engine/advice-types.ts';

/** Assumptions with their sources and dates, deduplicated by name and value. */
export function renderAssumptions(assumptions: readonly Assumption[]): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const a of assumptions) {
    const key = `${a.name}\u0000${a.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(`  - ${a.name}: ${a.value} [${a.source.title}, ${a.source.asOf}, ${a.source.basis}]`);
  }
  return lines.length ? `Assumptions (with sources):\n${lines.join('\n')}` : '';
}

/** "MI355X" or "B300 (spec-only)". */
export function labelled(row: { readonly shortName: string; readonly basis: string }): string {
  return row.basis === 'spec-only' ? `${row.shortName} (spec-only)` : row.shortName;
}

/** A planning report's text: its own rendering, then the assumptions with their sources. */
export function withAssumptions(body: string, assumptions: readonly Assumption[]): string {
  const listed = renderAssumptions(assumptions);
  return listed ? `${body}\n\n${listed}` : body;
}
