/**
 * The working text every extractor reads. A recognized fragment is consumed (overwritten by a barrier
 * character of the same length), so no number is read twice and what is left can be reported.
 */
export const BARRIER = '\u0001';

export class Scanner {
  private working: string;

  constructor(readonly original: string) {
    this.working = original;
  }

  get text(): string {
    return this.working;
  }

  /**
   * Run a global regex over the current text; for each match call `onMatch`, and consume the match
   * unless it returns false.
   */
  each(pattern: RegExp, onMatch: (match: RegExpExecArray) => boolean | void): void {
    const snapshot = this.working;
    pattern.lastIndex = 0;
    for (const match of snapshot.matchAll(pattern)) {
      if (onMatch(match) !== false) this.consume(match.index, match.index + match[0].length);
    }
  }

  consume(start: number, end: number): void {
    this.working = this.working.slice(0, start) + BARRIER.repeat(end - start) + this.working.slice(end);
  }
}
