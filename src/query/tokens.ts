/** Word tokens with positions, and the compact form used to compare names ("Llama-3.3 70B" -> "llama3370b"). */

export interface Token {
  readonly text: string; // lower-case
  readonly start: number;
  readonly end: number;
}

const TOKEN = /[a-z0-9]+/gi;
/** What may sit between two tokens of one name: spaces, dashes, dots, slashes, underscores. */
const JOINABLE_GAP = /^[\s\-./_:]{0,2}$/;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    tokens.push({ text: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

export function compact(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** Greedy longest match of up to `maxTokens` joined tokens against `lookup`, left to right. */
export function matchNames<T>(
  text: string,
  tokens: readonly Token[],
  maxTokens: number,
  lookup: (key: string) => T | undefined,
): { value: T; start: number; end: number; fragment: string; firstToken: number; lastToken: number }[] {
  const found: { value: T; start: number; end: number; fragment: string; firstToken: number; lastToken: number }[] = [];
  const joinsNext = tokens.map((t, k) => k + 1 < tokens.length && JOINABLE_GAP.test(text.slice(t.end, tokens[k + 1]!.start)));
  let i = 0;
  while (i < tokens.length) {
    let key = '';
    let best: { value: T; n: number } | undefined;
    for (let n = 1; n <= maxTokens && i + n <= tokens.length; n += 1) {
      key += tokens[i + n - 1]!.text;
      const value = lookup(key);
      if (value !== undefined) best = { value, n };
      if (!joinsNext[i + n - 1]) break;
    }
    if (best) {
      const start = tokens[i]!.start;
      const end = tokens[i + best.n - 1]!.end;
      found.push({ value: best.value, start, end, fragment: text.slice(start, end), firstToken: i, lastToken: i + best.n - 1 });
      i += best.n;
    } else i += 1;
  }
  return found;
}

/** Levenshtein distance, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}
