/**
 * Platforms and vendors to include or exclude: "only AMD", "no TPUs", "compare h100 vs mi300x",
 * "nvidia only", "exclude gaudi or trainium", "anything but nvidia".
 */
import type { Extraction } from './extraction.ts';
import { lookupPlatform, platformIndex, type Mention } from './platform-index.ts';
import { BARRIER, type Scanner } from './scanner.ts';
import { matchNames, tokenize } from './tokens.ts';
import type { Vocabulary } from './vocabulary.ts';

export interface FoundMention {
  readonly mention: Mention;
  readonly start: number;
  readonly end: number;
  readonly fragment: string;
  /** Set when the mention only says a price ("h100 at $1.99/hr"), not a choice. */
  priced: boolean;
}

const NEGATION = /\b(?:no|not|non|exclude|excluding|without|except|avoid|skip|minus|drop|but not|other than|anything but|besides|ignore|never|nor)\b(?:\s\S+){0,2}\s?$/i;
const NEGATION_AFTER = /^s?\s?(?:excluded|is out|are out|not allowed|banned|out of scope)\b/i;
const JOINER = /^[\s,/&+]*(?:(?:and|or|nor|vs\.?|versus|and also|as well as)\s?)?[\s,/&+]*$/i;
const CLAUSE = new RegExp(`[.;!?()\\n${BARRIER}]`);

/** Platform and vendor mentions in the scanner's text (not consumed yet: prices may claim some). */
export function findMentions(scanner: Scanner, vocabulary: Vocabulary): FoundMention[] {
  const index = platformIndex(vocabulary);
  const text = scanner.text;
  const tokens = tokenize(text);
  return matchNames(text, tokens, 4, (key) => lookupPlatform(index, key)).map((m) => ({
    mention: m.value,
    start: m.start,
    end: m.end,
    fragment: m.fragment,
    priced: false,
  }));
}

function clauseBefore(text: string, from: number, to: number): string {
  const segment = text.slice(from, to);
  const parts = segment.split(CLAUSE);
  return parts[parts.length - 1]!;
}

/** Turn mentions into include/exclude findings and consume them. */
export function extractChoices(scanner: Scanner, mentions: readonly FoundMention[], out: Extraction): void {
  const text = scanner.text;
  let previous: { end: number; excluded: boolean } | undefined;
  for (const m of mentions) {
    scanner.consume(m.start, m.end);
    if (m.priced) continue;
    const sameClause = previous !== undefined && !CLAUSE.test(text.slice(previous.end, m.start));
    const between = previous && sameClause ? text.slice(previous.end, m.start) : '';
    const excluded =
      previous && sameClause && JOINER.test(between)
        ? previous.excluded
        : NEGATION.test(clauseBefore(text, previous?.end ?? 0, m.start)) || NEGATION_AFTER.test(text.slice(m.end, m.end + 20));
    previous = { end: m.end, excluded };
    const mention = m.mention;
    if (mention.kind === 'ambiguous') {
      out.problem(m.fragment, `"${m.fragment}" could be ${mention.ids.join(', ')}; say which`, mention.ids[0]!, 'platforms');
    } else if (mention.kind === 'vendor') {
      out.add(excluded ? 'excludeVendors' : 'vendors', mention.vendor, m.fragment);
    } else {
      out.add(excluded ? 'excludePlatforms' : 'platforms', mention.id, m.fragment);
    }
  }
}

