/**
 * Which model the text names: greedy longest match of its words against every name of every catalog
 * model; a typo ("lama 70") or an unknown size ("llama 13b") becomes a problem with a suggestion.
 */
import type { Extraction } from './extraction.ts';
import { modelIndex, type ModelIndex } from './model-index.ts';
import { EXAMPLES } from './schema.ts';
import type { Scanner } from './scanner.ts';
import { editDistance, matchNames, tokenize, type Token } from './tokens.ts';
import type { Vocabulary } from './vocabulary.ts';

const SIZE_TOKEN = /^\d+(?:\.\d+)?b?$/;
const NOT_TYPOS = new Set(['lamp', 'llamas', 'mini', 'kind', 'time', 'when', 'queen', 'mistake', 'made']);

function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** Several ids for one phrase: the newest version when they differ only by version, else undefined. */
function newestOf(ids: readonly string[], index: ModelIndex): string | undefined {
  const infos = ids.map((id) => index.info.get(id)!);
  const first = infos[0]!;
  const sameFamily = infos.every((i) => i.family === first.family);
  const sharedSize = first.sizes.some((s) => infos.every((i) => i.sizes.includes(s)));
  if (!sameFamily || !sharedSize) return undefined;
  return [...infos].sort((a, b) => compareVersions(b.version, a.version))[0]!.id;
}

function withFollowingSize(text: string, tokens: readonly Token[], match: { start: number; end: number; firstToken: number; lastToken: number }): string {
  const hasSize = tokens.slice(match.firstToken, match.lastToken + 1).some((t) => /^\d+(?:\.\d+)?b$|^\d+x\d+b$/.test(t.text));
  const next = tokens[match.lastToken + 1];
  const joined = next !== undefined && /^[\s-]{1,2}$/.test(text.slice(match.end, next.start));
  const end = !hasSize && joined && SIZE_TOKEN.test(next.text) ? next.end : match.end;
  return text.slice(match.start, end);
}

function suggestTypo(scanner: Scanner, tokens: readonly Token[], index: ModelIndex, out: Extraction): boolean {
  const text = scanner.text;
  for (let i = 0; i < tokens.length; i += 1) {
    const word = tokens[i]!.text;
    if (!/^[a-z]{4,12}$/.test(word) || NOT_TYPOS.has(word)) continue;
    for (const [family, ids] of index.families) {
      const limit = family.length <= 5 ? 1 : 2;
      if (word === family || editDistance(word, family, limit) > limit) continue;
      const next = tokens[i + 1];
      const size = next && SIZE_TOKEN.test(next.text) ? next.text : '';
      const candidates = index.keys.get(`${family}${size}`) ?? index.keys.get(`${family}${size}b`) ?? ids;
      const guess = newestOf(candidates, index) ?? (candidates.length === 1 ? candidates[0] : undefined);
      const end = size ? next!.end : tokens[i]!.end;
      const fragment = text.slice(tokens[i]!.start, end);
      scanner.consume(tokens[i]!.start, end);
      const hint = guess ? `did you mean ${guess}?` : `known ${family} models: ${candidates.join(', ')}`;
      out.problem(fragment, `unknown model "${fragment}"; ${hint}`, guess ?? EXAMPLES.model, 'model');
      return true;
    }
  }
  return false;
}

/** Find the model in the scanner's text, consume its words, and report unknown or ambiguous names. */
export function extractModel(scanner: Scanner, vocabulary: Vocabulary, out: Extraction): void {
  const index = modelIndex(vocabulary);
  const text = scanner.text;
  const tokens = tokenize(text);
  const matches = matchNames(text, tokens, 6, (key) => index.keys.get(key));
  for (const m of matches) scanner.consume(m.start, m.end);
  const exact = matches.filter((m) => m.value.length === 1);
  if (exact.length > 0) {
    for (const m of exact) out.add('model', m.value[0]!, m.fragment);
    return;
  }
  const loose = matches[0];
  if (loose) {
    const newest = newestOf(loose.value, index);
    const fragment = withFollowingSize(text, tokens, loose);
    if (newest && fragment === loose.fragment) {
      out.add('model', newest, loose.fragment);
      out.assume('model', newest, `"${loose.fragment}" matches ${loose.value.join(', ')}; took the newest version`);
      return;
    }
    const what = fragment === loose.fragment ? `"${fragment}" could be several models` : `unknown model "${fragment}"`;
    out.problem(fragment, `${what}: ${loose.value.join(', ')}; say which`, loose.value[0]!, 'model');
    return;
  }
  if (suggestTypo(scanner, tokens, index, out)) return;
  const sized = /\b([a-z][a-z0-9.]{1,20}[\s-]v?\d+(?:\.\d+)?b)\b/i.exec(text);
  if (sized) {
    scanner.consume(sized.index, sized.index + sized[0].length);
    const known = vocabulary.models.map((m) => m.id).join(', ');
    out.problem(sized[1]!, `unknown model "${sized[1]}"; known models: ${known}`, EXAMPLES.model, 'model');
  }
}
