/** Run every extractor over normalized text, in an order where each claims its own words first. */
import { extractChoices, findMentions } from './choices.ts';
import { collect, type Collected } from './collect.ts';
import { Extraction } from './extraction.ts';
import { extractHorizon } from './horizon.ts';
import { extractLatency } from './latency.ts';
import { reportLeftovers } from './leftovers.ts';
import { reportUnknownNames } from './unknown-names.ts';
import { extractLengths } from './lengths.ts';
import { extractLoad } from './load.ts';
import { extractModel } from './model-match.ts';
import { normalizeSlackText } from './normalize-slack-text.ts';
import { rewriteNumberForms } from './number-forms.ts';
import { extractPrecision } from './precision.ts';
import { extractPrefixCache } from './prefix-cache.ts';
import { extractSpeculative } from './speculative.ts';
import { extractPricing } from './pricing.ts';
import { Scanner } from './scanner.ts';
import { extractShape } from './shape.ts';
import type { Vocabulary } from './vocabulary.ts';

export interface Extracted {
  readonly text: string;
  readonly out: Extraction;
  readonly collected: Collected;
  /** The scanner after extraction, for follow-up phrases that run before or after. */
  readonly scanner: Scanner;
}

/** Extract findings from raw text. `before` runs first on the normalized text (follow-up verbs). */
export function extract(raw: string, vocabulary: Vocabulary, before?: (scanner: Scanner, out: Extraction) => void): Extracted {
  const normalized = normalizeSlackText(raw);
  const forms = rewriteNumberForms(normalized.text);
  const out = new Extraction();
  out.problems.push(...normalized.problems, ...forms.problems);
  for (const a of forms.assumptions) out.assume(a.field, a.value, a.reason);
  const scanner = new Scanner(forms.text);
  before?.(scanner, out);
  // Serving settings first: their percentages and token counts are not latencies, loads or lengths.
  extractSpeculative(scanner, out);
  extractPrefixCache(scanner, out);
  extractModel(scanner, vocabulary, out);
  extractPrecision(scanner, out);
  extractLatency(scanner, out);
  const mentions = findMentions(scanner, vocabulary);
  extractPricing(scanner, mentions, out);
  extractChoices(scanner, mentions, out);
  extractLoad(scanner, out);
  extractLengths(scanner, out);
  extractShape(scanner, out);
  extractHorizon(scanner, out);
  reportUnknownNames(scanner, vocabulary, out);
  reportLeftovers(scanner, out);
  return { text: forms.text, out, collected: collect(out), scanner };
}
