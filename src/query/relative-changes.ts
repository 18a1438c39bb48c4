/**
 * Follow-up verbs that change a previous value rather than state a new one: "double the traffic",
 * "3x the load", "20% more traffic", "halve the inputs", "drop the TTFT target", "any vendor".
 */
import type { Extraction } from './extraction.ts';
import { PLAIN, parseNumber } from './numbers.ts';
import type { Scanner } from './scanner.ts';

export type RelativeChange =
  | { readonly kind: 'scale-load'; readonly factor: number; readonly fragment: string }
  | { readonly kind: 'scale-length'; readonly side: 'inputTokens' | 'outputTokens'; readonly factor: number; readonly fragment: string }
  | { readonly kind: 'clear'; readonly fields: readonly string[]; readonly fragment: string };

const LOAD = '(?:traffic|load|requests|rps|qps|volume|demand|users|usage|qps)';
const WORD_FACTORS: Readonly<Record<string, number>> = { double: 2, doubles: 2, triple: 3, triples: 3, quadruple: 4, halve: 0.5, half: 0.5, halves: 0.5 };

const LOAD_VERB = new RegExp(`\\b(double|triple|quadruple|halve|half)\\s(?:the\\s|our\\s|all\\s)?${LOAD}\\b|\\b${LOAD}\\s(doubles|triples|halves)\\b`, 'gi');
const LOAD_TIMES = new RegExp(`${PLAIN}\\s?(?:x|times)\\s(?:the\\s|more\\s|as much\\s)?${LOAD}\\b`, 'gi');
const LOAD_PERCENT = new RegExp(
  `${PLAIN}\\s?%\\s(more|less|fewer|higher|lower)\\s(?:the\\s)?${LOAD}\\b|\\b${LOAD}\\s(?:goes\\s)?(up|down|grows|increases|rises|drops|decreases|falls)\\s(?:by\\s)?${PLAIN}\\s?%`,
  'gi',
);
const LENGTH_VERB = /\b(double|triple|halve)\s(?:the\s)?(inputs?|prompts?|input length|outputs?|completions?|output length)\b/gi;
const CLEAR_LATENCY =
  /\b(?:drop|remove|no|without|forget|ignore|clear|delete|lose|skip)\s(?:the\s|any\s|all\s)?(ttft|tpot|itl|latency|slos?|slas?|first[\s-]token|per[\s-]user speed)(?:\s(?:targets?|limits?|slos?|constraints?|requirements?|goals?|bounds?))?\b/gi;
const CLEAR_CHOICES =
  /\b(?:any|all)\s(?:platforms?|vendors?|hardware|chips|gpus|accelerators)\b|\b(?:no|drop|remove|clear)\s(?:the\s)?(?:platform|vendor|hardware)\s(?:filters?|restrictions?|limits?)\b/gi;

const LATENCY_FIELDS: Readonly<Record<string, readonly string[]>> = {
  ttft: ['ttftMs', 'ttftPercentile'],
  tpot: ['tpotMs', 'tokensPerSecondPerUser'],
  all: ['ttftMs', 'ttftPercentile', 'tpotMs', 'tokensPerSecondPerUser'],
};

function loadFactor(changes: RelativeChange[], out: Extraction, factor: number, fragment: string): void {
  if (!Number.isFinite(factor) || factor <= 0 || factor > 1e6) {
    out.problem(fragment, `"${fragment}" is not a usable change of load`, 'double the traffic', 'requestsPerSecond');
  } else changes.push({ kind: 'scale-load', factor, fragment });
}

export function extractRelativeChanges(scanner: Scanner, out: Extraction): RelativeChange[] {
  const changes: RelativeChange[] = [];
  scanner.each(LOAD_VERB, (m) => loadFactor(changes, out, WORD_FACTORS[(m[1] ?? m[2]!).toLowerCase()]!, m[0]));
  scanner.each(LOAD_TIMES, (m) => loadFactor(changes, out, parseNumber(m[1]!), m[0]));
  scanner.each(LOAD_PERCENT, (m) => {
    const percent = parseNumber(m[1] ?? m[4]!);
    const down = /less|fewer|lower|down|drops|decreases|falls/i.test(m[2] ?? m[3]!);
    loadFactor(changes, out, 1 + (down ? -percent : percent) / 100, m[0]);
  });
  scanner.each(LENGTH_VERB, (m) => {
    const side = /^(?:in|prompt)/i.test(m[2]!) ? 'inputTokens' : 'outputTokens';
    changes.push({ kind: 'scale-length', side, factor: WORD_FACTORS[m[1]!.toLowerCase()]!, fragment: m[0] });
  });
  scanner.each(CLEAR_LATENCY, (m) => {
    const word = m[1]!.toLowerCase();
    const fields = word.startsWith('tt') || word.startsWith('first') ? LATENCY_FIELDS.ttft! : /^(?:tpot|itl|per)/.test(word) ? LATENCY_FIELDS.tpot! : LATENCY_FIELDS.all!;
    changes.push({ kind: 'clear', fields, fragment: m[0] });
  });
  scanner.each(CLEAR_CHOICES, (m) => {
    changes.push({ kind: 'clear', fields: ['platforms', 'vendors', 'excludePlatforms', 'excludeVendors'], fragment: m[0] });
  });
  return changes;
}
