/**
 * compareText (src/engine/text-order.ts) against its oracle, localeCompare: the primary-order table
 * itself, every pair of the catalog's ids and names, and seeded strings built to tie at the primary
 * level (case flips, punctuation, prefixes), plus characters outside the table (handed to localeCompare).
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/index.ts';
import { ASCII_PRIMARY_ORDER, compareText } from '../../src/engine/text-order.ts';

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const oracle = (a: string, b: string) => Math.sign(a.localeCompare(b));

function mismatches(pairs: Iterable<readonly [string, string]>): string[] {
  const out: string[] = [];
  for (const [a, b] of pairs) if (compareText(a, b) !== oracle(a, b)) out.push(`${JSON.stringify(a)} vs ${JSON.stringify(b)}: ${compareText(a, b)} != ${oracle(a, b)}`);
  return out;
}

describe('compareText', () => {
  it('orders printable ASCII as ICU does', () => {
    const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
    const byIcu = [...ascii].sort((a, b) => a.localeCompare(b)).join('');
    expect(byIcu.replace(/[A-Z]/g, '')).toBe(ASCII_PRIMARY_ORDER);
    expect([...ascii].sort(compareText).join('')).toBe(byIcu);
  });

  it('matches localeCompare on every pair of the catalog ids, names and providers', () => {
    const catalog = loadCatalog();
    if (!catalog.ok) throw new Error('data/ does not load');
    const { accelerators, models, apiPrices } = catalog.catalog;
    const texts = [...new Set([...accelerators.flatMap((a) => [a.id, a.name]), ...models.flatMap((m) => [m.id, m.name]), ...apiPrices.flatMap((p) => [p.id, p.provider, p.source.asOf])])];
    const pairs: [string, string][] = [];
    for (let i = 0; i < texts.length; i += 3) for (const b of texts) pairs.push([texts[i]!, b]);
    expect(mismatches(pairs)).toEqual([]);
  });

  it('matches localeCompare on 20,000 seeded near-equal strings', () => {
    const random = seeded(25);
    const pick = (alphabet: string) => alphabet[Math.floor(random() * alphabet.length)]!;
    const printable = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
    const word = () => Array.from({ length: Math.floor(random() * 6) }, () => pick(random() < 0.6 ? 'abAB01-_ .:/' : printable)).join('');
    const vary = (text: string) => {
      const chars = text.split('');
      const i = Math.floor(random() * (chars.length + 1));
      const r = random();
      if (r < 0.4 && chars[i]) chars[i] = chars[i] === chars[i]!.toUpperCase() ? chars[i]!.toLowerCase() : chars[i]!.toUpperCase();
      else if (r < 0.7) chars.splice(i, 0, pick(printable));
      else if (r < 0.85) chars.splice(i, 1);
      return chars.join('');
    };
    const pairs: [string, string][] = [];
    for (let n = 0; n < 20_000; n++) {
      const a = word();
      pairs.push([a, random() < 0.8 ? vary(a) : word()]);
    }
    pairs.push(['é', 'e'], ['a\u0301', 'b'], ['ä', 'a'], ['Å', 'b'], ['zz', 'ß']);
    expect(mismatches(pairs)).toEqual([]);
  });
});
