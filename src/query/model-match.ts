/**
 * Which model the text names: greedy longest match of its words against every name of every catalog
 * model, the size before the family ("70b llama"), or a size alone ("a 30b dense model": a typical
 * shape, stated as an estimate). A typo ("lama 70", "gtp-oss-120b") or an unknown name ("gpt-5",
 * "llama 13b") becomes a problem naming what was not known and the closest known models.
 */
import type { Extraction } from './extraction.ts';
import { modelIndex, type ModelIndex } from './model-index.ts';
import { EXAMPLES } from './schema.ts';
import type { Scanner } from './scanner.ts';
import { editDistance, matchNames, tokenize, type Token } from './tokens.ts';
import type { Vocabulary } from './vocabulary.ts';
import { closestModels, extractModelBySize } from './model-size.ts';

const SIZE_TOKEN = /^\d+(?:\.\d+)?b?$/;
/** Families of hosted models without published weights. */
const HOSTED_ONLY = /^(claude|gemini|grok|command-r|gpt-4|gpt-3|o1|o3|o4)/i;
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
  if (extractModelBySize(scanner, out)) return;
  if (extractSizeThenFamily(scanner, index, out)) return;
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
  if (suggestNearName(scanner, index, out)) return;
  if (reportHostedFamily(scanner, tokens, index, out)) return;
  const sized = /\b([a-z][a-z0-9.]{1,20}[\s-]v?\d+(?:\.\d+)?b)\b/i.exec(text);
  if (sized) {
    scanner.consume(sized.index, sized.index + sized[0].length);
    const near = closestModels(index, sized[1]!, 3);
    const hint = near.length > 0 ? `the closest known: ${near.join(', ')}` : `known models: ${vocabulary.models.map((m) => m.id).join(', ')}`;
    out.problem(sized[1]!, `unknown model "${sized[1]}"; ${hint}`, near[0] ?? EXAMPLES.model, 'model');
  }
}

/** "70b llama", "120b gpt-oss": a size before a family word means the family's model of that size. */
function extractSizeThenFamily(scanner: Scanner, index: ModelIndex, out: Extraction): boolean {
  const text = scanner.text;
  const tokens = tokenize(text);
  for (let i = 0; i + 1 < tokens.length; i += 1) {
    const size = tokens[i]!.text;
    if (!/^\d+(?:\.\d+)?b$/.test(size) || !/^[\s-]{1,2}$/.test(text.slice(tokens[i]!.end, tokens[i + 1]!.start))) continue;
    for (let n = 1; n <= 2 && i + n < tokens.length; n += 1) {
      const family = tokens.slice(i + 1, i + 1 + n).map((t) => t.text).join('');
      if (!index.families.has(family) && !index.families.has(family.replace(/\d+$/, ''))) continue;
      const ids = index.keys.get(`${family}${size}`);
      if (!ids) continue;
      const id = ids.length === 1 ? ids[0] : newestOf(ids, index);
      if (!id) continue;
      const end = tokens[i + n]!.end;
      const fragment = text.slice(tokens[i]!.start, end);
      scanner.consume(tokens[i]!.start, end);
      out.add('model', id, fragment);
      if (ids.length > 1) out.assume('model', id, `"${fragment}" matches ${ids.join(', ')}; took the newest version`);
      return true;
    }
  }
  return false;
}

/** The message for a hosted model whose weights are not published, naming open models it can size. */
function hostedProblem(fragment: string, index: ModelIndex, out: Extraction): void {
  const open = ['gpt-oss-120b', 'llama-3.3-70b', 'deepseek-v4-pro'].filter((id) => index.info.has(id)).join(', ');
  out.problem(fragment, `"${fragment}" is a hosted model whose weights are not published; tokcost sizes open-weights models on your own accelerators (e.g. ${open}); for hosted per-token prices see "tokcost api"`, EXAMPLES.model, 'model');
}

/** "claude sonnet", "gemini pro": a hosted family named by its word alone, with no version. */
function reportHostedFamily(scanner: Scanner, tokens: readonly Token[], index: ModelIndex, out: Extraction): boolean {
  const hit = tokens.find((t) => /^(?:claude|gemini|grok|chatgpt|gpt4o?)$/.test(t.text));
  if (!hit) return false;
  scanner.consume(hit.start, hit.end);
  hostedProblem(scanner.original.slice(hit.start, hit.end), index, out);
  return true;
}

/** A hyphenated or versioned name no model has ("gtp-oss-120b", "gpt-5"): say so and name the closest. */
function suggestNearName(scanner: Scanner, index: ModelIndex, out: Extraction): boolean {
  const text = scanner.text;
  const candidate = /(?<![\w.-])([a-z][a-z0-9]*(?:[-.][a-z0-9]+)+|[a-z]{3,}\d+(?:\.\d+)?[a-z]?)(?![\w-])/gi;
  let tried = 0;
  for (const m of text.matchAll(candidate)) {
    const fragment = m[1]!;
    if (!/\d/.test(fragment) || /^\d/.test(fragment)) continue;
    // A question names one model: a few name-like words are enough to look at (keeps long junk input fast).
    if (++tried > 3) return false;
    const near = closestModels(index, fragment, 3);
    if (near.length === 0 && HOSTED_ONLY.test(fragment)) {
      scanner.consume(m.index, m.index + fragment.length);
      hostedProblem(fragment, index, out);
      return true;
    }
    if (near.length === 0) continue;
    scanner.consume(m.index, m.index + fragment.length);
    const many = near.length > 1 ? `one of ${near.join(', ')}` : near[0];
    out.problem(fragment, `unknown model "${fragment}"; did you mean ${many}?`, near[0]!, 'model');
    return true;
  }
  return false;
}
