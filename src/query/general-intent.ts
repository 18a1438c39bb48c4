/**
 * Questions with no workload in them: which planning report a general question asks for (utilization
 * curve, TCO, crossover, batch efficiency), and claim checks that quote a price per million tokens
 * ("Is it true that B200 does two cents per million tokens on gpt-oss-120b?"). Pure: words -> intent.
 */
import { findMentions } from './choices.ts';
import { normalizeSlackText } from './normalize-slack-text.ts';
import { NUM, parseNumber } from './numbers.ts';
import { rewriteNumberWords } from './number-words.ts';
import { Scanner } from './scanner.ts';
import { extractModel } from './model-match.ts';
import { Extraction } from './extraction.ts';
import type { Vocabulary } from './vocabulary.ts';

export type PlanningIntent = 'curve' | 'tco' | 'crossover' | 'batch';

export interface GeneralIntent {
  readonly kind: 'general';
  /** Reports asked for, the first being the main one. */
  readonly intents: readonly PlanningIntent[];
  /** The words that named each intent, for the answer's "read as" line. */
  readonly cues: readonly string[];
  /** Only a fallback cue ("what does serving cost"): not general when the words also state a workload. */
  readonly weak?: boolean;
}

export interface ClaimIntent {
  readonly kind: 'claim';
  readonly dollarsPerMillionTokens: number;
  /** Which tokens the claim counts, when it says. */
  readonly tokens: 'total' | 'output' | 'input' | 'unspecified';
  readonly platform?: string;
  readonly model?: string;
  readonly fragment: string;
}

const CUES: readonly { readonly intent: PlanningIntent; readonly re: RegExp }[] = [
  { intent: 'batch', re: /\b(?:batch(?:ing)?(?:\s(?:size|sizes|efficiency))?|batch size efficiency|concurrency per gpu)\b/i },
  { intent: 'tco', re: /\b(?:tco|total cost of ownership|energy|power|electricity|memory cost|capex|opex|own(?:ing)? (?:the )?(?:hardware|gpus?)|owning vs\.? renting|buy(?:ing)? vs\.? rent(?:ing)?|chip ?makers?|chip vendors?|price, energy)\b/i },
  { intent: 'crossover', re: /\b(?:cross[\s-]?overs?|break[\s-]?even between|where (?:does|do) .{0,30}change|at what point|(?:becomes?|gets?|is) cheaper than|given throughput|throughput and latency|latency target|depending on (?:the )?(?:throughput|latency|interactivity)|which vendor is cheapest|cheapest vendor)\b/i },
  { intent: 'curve', re: /\b(?:utili[sz]ation|utili[sz]ed|partial load|part load|idle|load levels?|under load|low load|light (?:load|traffic)|traffic is light|uneven load|effective cost|saturated|busy|underused|under-used|spare capacity)\b/i },
];

/**
 * A question about which hardware is cheapest per token, or what serving costs, with nothing more specific:
 * the curve answers it. Weak cues: a question that also states a load or lengths but no model is a workload
 * question missing its model, not a general one (GeneralIntent.weak).
 */
const FALLBACKS: readonly RegExp[] = [
  /\b(?:most (?:cost[\s-]?)?efficient|cheapest (?:gpu|platform|accelerator|chip|hardware|option)s?|which (?:gpu|platform|accelerator|chip|hardware|vendor)s?|(?:cost|price) per (?:million |1m |m )?(?:output )?tokens?|per[\s-](?:million[\s-])?tokens? (?:cost|price)s?|per[\s-]token)\b/i,
  /\b(?:gpus?|hardware|accelerators?|chips?|platforms?|vendors?|tpus?|amd|nvidia|intel|blackwell|hopper|instinct)\b/i,
  /\b(?:self[\s-]?host\w*|serv(?:e|ing)|inference|llms?|deploy\w*)\b/i,
];
const RENT_OR_BUY = /\b(?:rent(?:ing)? (?:vs\.?|versus|or) buy(?:ing)?|buy(?:ing)? (?:vs\.?|versus|or) rent(?:ing)?)\b/i;

/** A question about costs in general rather than a workload: cost words, or a question shape. */
const ABOUT_COST = /\b(?:cost\w*|cheap\w*|pric\w+|\$|dollars?|efficien\w*|tco|capex|opex|spend\w*|pay(?:s|ing)?|bills?|expensive|budget\w*|afford\w*|worth|buy(?:ing)?|rent(?:ing|al)?|per[\s-]token)\b|\$/i;

export function generalIntent(text: string): GeneralIntent | null {
  const specific = CUES.map((c) => ({ intent: c.intent, match: c.re.exec(text) })).filter((c) => c.match !== null);
  if (!ABOUT_COST.test(text)) return null;
  // The main report: the earliest specific cue (the question's subject); "cost per token" alone means the curve.
  specific.sort((a, b) => a.match!.index - b.match!.index);
  const rentOrBuy = RENT_OR_BUY.exec(text);
  if (rentOrBuy) specific.unshift({ intent: 'tco', match: rentOrBuy });
  const fallback = FALLBACKS.map((re) => re.exec(text)).find((m) => m !== null);
  const found = fallback ? [...specific, { intent: 'curve' as const, match: fallback }] : specific;
  if (found.length === 0) return null;
  return { kind: 'general', intents: [...new Set(found.map((f) => f.intent))], cues: found.map((f) => f.match![0]), ...(specific.length === 0 ? { weak: true } : {}) };
}

const PER_MILLION = `(?:\\s?/\\s?|\\s(?:per|a|for|every)\\s)(?:1 million|one million|million|mtok|1\\s?m|m)(?![a-z])\\s?(?:(input|output|total|generated|completion)\\s)?(?:tokens?|toks?)?`;
const CLAIM_PRICE = new RegExp(`(?:\\$\\s?${NUM}|${NUM}\\s?(?:\\$|dollars?|usd)|${NUM}\\s?(?:cents?|c)\\b)${PER_MILLION}`, 'i');
const CLAIM_WORDS = /\b(?:is it true|true that|really|claim\w*|does|do|can|reproduce|quoted|advertised|they say|says|said|get)\b/i;

/** A quoted figure: "$0.02 per million tokens", "two cents per 1M tokens", "2c/M output tokens". */
export function claimIntent(raw: string, vocabulary: Vocabulary): ClaimIntent | null {
  const text = rewriteNumberWords(normalizeSlackText(raw).text);
  const price = CLAIM_PRICE.exec(text);
  if (!price || !CLAIM_WORDS.test(text)) return null;
  const cents = price[3] !== undefined;
  const value = parseNumber(price[1] ?? price[2] ?? price[3]!) * (cents ? 0.01 : 1);
  if (!(value > 0) || !Number.isFinite(value)) return null;
  const which = (price[4] ?? '').toLowerCase();
  const tokens = which === '' ? 'unspecified' : which === 'input' ? 'input' : which === 'total' ? 'total' : 'output';
  const scanner = new Scanner(text);
  const out = new Extraction();
  extractModel(scanner, vocabulary, out);
  const model = out.findings.find((f) => f.field === 'model')?.value as string | undefined;
  const platform = findMentions(scanner, vocabulary).find((m) => m.mention.kind === 'platform')?.mention;
  return {
    kind: 'claim',
    dollarsPerMillionTokens: value,
    tokens,
    ...(platform?.kind === 'platform' ? { platform: platform.id } : {}),
    ...(model !== undefined ? { model } : {}),
    fragment: price[0],
  };
}
