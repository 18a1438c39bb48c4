/** Collects a workload's stated assumptions (defaults and the door's notes) as the engine's Assumption. */
import type { Assumption } from '../engine/advice-types.ts';
import type { SourceRef } from '../engine/catalog/types.ts';
import { fieldLabel, showValue } from './field-labels.ts';

export class AssumptionList {
  private readonly first: Assumption[] = [];
  private readonly rest: Assumption[] = [];
  constructor(private readonly asOf: string) {}

  /** A default from the table (or derived from one), with why. */
  default(field: string, value: unknown, reason: string): void {
    this.rest.push(this.make(field, value, reason, { title: 'Not stated; tokcost default', asOf: this.asOf, basis: 'estimate' }));
  }

  /** Something the door read into what was said ("at noon" as UTC, a token rate as requests/s). */
  note(field: string, value: unknown, reason: string): void {
    this.rest.push(this.make(field, value, reason, { title: 'Read from what you said', asOf: this.asOf, basis: 'estimate' }));
  }

  /** Listed before everything else (the latency default decides the most). */
  leading(field: string, value: unknown, reason: string, source: SourceRef): void {
    this.first.push(this.make(field, value, reason, source));
  }

  all(): Assumption[] {
    return [...this.first, ...this.rest];
  }

  private make(field: string, value: unknown, reason: string, source: SourceRef): Assumption {
    return { name: fieldLabel(field), value: `${showValue(value)} (${reason})`, source };
  }
}
