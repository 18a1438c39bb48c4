/** What the extractors found: values with the fragment that said them, plus problems and assumptions. */
import type { Assumption, FieldName, Problem } from './schema.ts';

/** A load stated in tokens per time; converted to requests/s once the token lengths are known. */
export interface TokenRate {
  readonly tokensPerSecond: number;
  /** As said: `tokens` per `perSeconds` (86400 for "per day"). */
  readonly tokens: number;
  readonly perSeconds: number;
  readonly basis: 'total' | 'input' | 'output';
}

export type FindingField = FieldName | 'tokenRate' | 'interactive' | 'contextTokens' | 'rateUnitSeconds' | 'peakRequestsPerSecond' | 'sharedPrefixTokens';

export interface Finding {
  readonly field: FindingField;
  readonly value: unknown;
  readonly fragment: string;
}

export const MAX_PROBLEMS = 12;
export const MAX_ASSUMPTIONS = 30;

export class Extraction {
  readonly findings: Finding[] = [];
  readonly problems: Problem[] = [];
  readonly assumptions: Assumption[] = [];

  add(field: FindingField, value: unknown, fragment: string): void {
    this.findings.push({ field, value, fragment: fragment.trim() });
  }

  problem(fragment: string, message: string, example: string, field?: FieldName): void {
    if (this.problems.length >= MAX_PROBLEMS) return;
    const trimmed = fragment.trim().slice(0, 120);
    this.problems.push(field === undefined ? { fragment: trimmed, message, example } : { fragment: trimmed, message, example, field });
  }

  assume(field: string, value: string | number | boolean, reason: string): void {
    if (this.assumptions.length >= MAX_ASSUMPTIONS || this.assumptions.some((a) => a.field === field && a.reason === reason)) return;
    this.assumptions.push({ field, value, reason });
  }

  has(field: FindingField): boolean {
    return this.findings.some((f) => f.field === field);
  }

  hasProblemFor(field: FieldName): boolean {
    return this.problems.some((p) => p.field === field);
  }
}
