/**
 * Names no extractor claimed that look like hardware ("on banana9000", "h900", "mi400x"): named back with
 * the closest platforms tokcost knows, never ignored. Runs after every extractor, so only unclaimed words
 * are left; a name needs letters and digits, so plain English words are not mistaken for hardware.
 */
import type { Extraction } from './extraction.ts';
import { platformIndex } from './platform-index.ts';
import type { Scanner } from './scanner.ts';
import { compact, editDistance } from './tokens.ts';
import type { Vocabulary } from './vocabulary.ts';

const NAME = /(?<![\w.$\u0001-])(?:(on|using|with|via|vs\.?|versus|compare|only|run(?:ning)? on|deploy(?:ed)? on|serve(?:d)? on)\s)?([a-z][a-z-]{0,15}\d[a-z0-9-]{0,15})(?![\w.\u0001])/gi;
const SUGGESTIONS = 3;
/** Names reported at most: each costs a pass over the platform index, and three make the point. */
const MAX_REPORTED = 3;

function closestPlatforms(word: string, vocabulary: Vocabulary): string[] {
  const key = compact(word);
  const scored = new Map<string, number>();
  for (const [name, mention] of platformIndex(vocabulary)) {
    if (mention.kind !== 'platform') continue;
    const distance = editDistance(key, name, Math.max(2, Math.ceil(key.length / 3)));
    if (distance <= Math.max(2, Math.ceil(key.length / 3))) scored.set(mention.id, Math.min(distance, scored.get(mention.id) ?? Infinity));
  }
  return [...scored].sort((a, b) => a[1] - b[1]).slice(0, SUGGESTIONS).map(([id]) => id);
}

export function reportUnknownNames(scanner: Scanner, vocabulary: Vocabulary, out: Extraction): void {
  const seen = new Set<string>();
  scanner.each(NAME, (m) => {
    const word = m[2]!;
    if (seen.has(word.toLowerCase()) || seen.size >= MAX_REPORTED) return;
    seen.add(word.toLowerCase());
    const close = closestPlatforms(word, vocabulary);
    if (close.length === 0 && m[1] === undefined && !out.has('model') && !out.hasProblemFor('model')) {
      // No hardware word before it and no model named: it may be a model tokcost does not know.
      const models = vocabulary.models.slice(0, 6).map((x) => x.id).join(', ');
      out.problem(word, `unknown name "${word}": not a model or platform tokcost knows (models: ${models}, ...)`, 'gpt-oss-120b on h200', 'model');
      return;
    }
    const known = vocabulary.platforms.slice(0, 8).map((p) => p.id).join(', ');
    const hint = close.length > 0 ? `did you mean ${close.join(' or ')}?` : `did you mean one of ${known}, ...?`;
    out.problem(word, `unknown platform "${word}"; ${hint}`, close.length > 0 ? `on ${close[0]}` : 'only h100, b200', 'platforms');
  });
}
