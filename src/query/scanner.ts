/**
 * The working text every extractor reads. A recognized fragment is consumed (overwritten by a barrier
 * character of the same length), so no number is read twice and what is left can be reported.
 * Consumed ranges are applied in one pass when the text is next read, so many matches stay linear.
 */
export const BARRIER = '\u0001';

export class Scanner {
  private working: string;
  private pending: [number, number][] = [];

  constructor(readonly original: string) {
    this.working = original;
  }

  get text(): string {
    if (this.pending.length > 0) this.flush();
    return this.working;
  }

  /**
   * Run a global regex over the current text; for each match call `onMatch`, and consume the match
   * unless it returns false.
   */
  each(pattern: RegExp, onMatch: (match: RegExpExecArray) => boolean | void): void {
    const snapshot = this.text;
    pattern.lastIndex = 0;
    for (const match of snapshot.matchAll(pattern)) {
      if (onMatch(match) !== false) this.consume(match.index, match.index + match[0].length);
    }
  }

  consume(start: number, end: number): void {
    if (end > start) this.pending.push([start, end]);
  }

  private flush(): void {
    const ranges = this.pending.sort((a, b) => a[0] - b[0]);
    this.pending = [];
    const parts: string[] = [];
    let at = 0;
    for (const [start, end] of ranges) {
      const from = Math.max(start, at);
      if (end <= from) continue;
      parts.push(this.working.slice(at, from), BARRIER.repeat(end - from));
      at = end;
    }
    parts.push(this.working.slice(at));
    this.working = parts.join('');
  }
}
