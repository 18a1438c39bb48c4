/**
 * The sign of `a.localeCompare(b)` without Intl for printable-ASCII strings (ids, provider names, ISO
 * dates): the first collator in a process loads ICU's collation data, 10-30 ms of every CLI start for
 * a few tie-breaks in sorts. ICU's root collation on ASCII: characters compare by a primary order
 * (spaces, punctuation, symbols, digits, then letters, case aside), the whole strings first at that
 * level (a prefix first); strings equal there compare by case at the first position where it differs,
 * lowercase first. Any other character goes to localeCompare itself. test/engine/text-order.test.ts
 * checks the table and the rule against localeCompare.
 */

/** Printable ASCII in ICU's root primary order, uppercase letters sharing their lowercase's place. */
export const ASCII_PRIMARY_ORDER = " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz";

const RANK = new Int8Array(128).fill(-1);
for (let i = 0; i < ASCII_PRIMARY_ORDER.length; i++) {
  const code = ASCII_PRIMARY_ORDER.charCodeAt(i);
  RANK[code] = i;
  if (code >= 97 && code <= 122) RANK[code - 32] = i;
}

function inTable(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128 || RANK[code]! < 0) return false;
  }
  return true;
}

/** -1, 0 or 1, as `a.localeCompare(b)` orders them (root collation). */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  if (!inTable(a) || !inTable(b)) return Math.sign(a.localeCompare(b));
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const difference = RANK[a.charCodeAt(i)]! - RANK[b.charCodeAt(i)]!;
    if (difference !== 0) return difference < 0 ? -1 : 1;
  }
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  // Equal but for case: at the first letter whose case differs, lowercase sorts first.
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca !== cb) return ca > cb ? -1 : 1; // 'a' (97) after 'A' (65) in code units, before it here
  }
  return 0;
}
