/**
 * Money: rented (tier) or owned ("on-prem", "owned", "$0.07/kWh", "3-year amortization", "PUE 1.3")
 * and custom $/GPU-hour ("h100 at $1.99/hr", "$2/hr for mi300x").
 */
import type { FoundMention } from './choices.ts';
import type { Extraction } from './extraction.ts';
import { NUM, parseNumber, PLAIN } from './numbers.ts';
import type { Scanner } from './scanner.ts';
import { EXAMPLES } from './schema.ts';

const DOLLARS = `(?:\\$\\s?${NUM}|${NUM}\\s?(?:\\$|dollars?|usd|bucks))`;
const KWH = new RegExp(`${DOLLARS}(?:\\s?/\\s?|\\s(?:per|a)\\s)kwh\\b|${NUM}\\s?(?:cents?|c)(?:\\s?/\\s?|\\s(?:per|a)\\s)kwh\\b`, 'gi');
const GPU_HOUR = new RegExp(`${DOLLARS}(?:\\s?/\\s?|\\s(?:per|an|a)\\s)(?:gpu[\\s-]?(?:/|per)?\\s?)?(?:hr|hour|h)\\b(?:\\s?(?:/|per)\\s?gpu\\b)?`, 'gi');
const PUE = new RegExp(`\\bpue(?:\\s?(?:of|=|:|~|is|at|around))?\\s?${PLAIN}`, 'gi');
const YEARS = '\\s?(?:years?|yrs?|y)\\b';
const RESERVED = new RegExp(`${PLAIN}[\\s-]?(?:years?|yrs?|y)\\s?(?:reserved|commit(?:ment)?|committed|term|contract|ri)\\b|\\breserved\\s?(?:for\\s)?${PLAIN}${YEARS}`, 'gi');
const AMORTIZATION = new RegExp(
  `${PLAIN}[\\s-]?(?:years?|yrs?|y)\\s?(?:amorti[sz]ation|amorti[sz]ed|depreciation|lifetime|useful life|life)\\b|\\b(?:amorti[sz]\\w{0,6}|depreciat\\w{0,6}|useful life|lifetime)(?:\\s?(?:over|of|=|:|is|across))?\\s?${PLAIN}${YEARS}`,
  'gi',
);
const OWNED = /\b(?:on[\s-]?prem(?:ise|ises)?|owned|own (?:the )?(?:hardware|gpus|servers|cluster)|buy(?:ing)? (?:the )?(?:hardware|gpus|servers)|bought|capex|colo(?:cation)?|our own (?:hardware|gpus|data ?cent(?:er|re)))\b/gi;
const RENTED = /\b(?:rent(?:ed|ing)?|cloud|on[\s-]demand|reserved|spot|hyperscaler|neocloud)\b/gi;
const BEFORE_PRICE = /^[\s:=@-]*(?:(?:at|for|costs?|is|are|rents? (?:at|for)|priced at|price|pricing|@)\s?)*[\s:=@-]*$/i;
const AFTER_PRICE = /^\s?(?:for|on|per)?\s?(?:the\s|an?\s)?$/i;

function positive(out: Extraction, raw: string, fragment: string, field: 'dollarsPerKwh' | 'amortizationYears' | 'powerUsageEffectiveness', example: string, scale = 1): number | undefined {
  const value = parseNumber(raw) * scale;
  const ok = Number.isFinite(value) && value > 0 && value < 1e6 && (field !== 'powerUsageEffectiveness' || value >= 1);
  if (!ok) out.problem(fragment, `"${fragment}" is not a usable value`, example, field);
  return ok ? value : undefined;
}

function priceGpuHours(scanner: Scanner, mentions: FoundMention[], out: Extraction): void {
  const text = scanner.text;
  const platforms = mentions.filter((m) => m.mention.kind === 'platform');
  scanner.each(GPU_HOUR, (m) => {
    const value = parseNumber(m[1] ?? m[2]!);
    const end = m.index + m[0].length;
    const target =
      [...platforms].reverse().find((p) => p.end <= m.index && BEFORE_PRICE.test(text.slice(p.end, m.index))) ??
      platforms.find((p) => p.start >= end && AFTER_PRICE.test(text.slice(end, p.start))) ??
      (platforms.length === 1 ? platforms[0] : undefined);
    if (!target || target.mention.kind !== 'platform') {
      out.problem(m[0], `which platform does "${m[0]}" apply to?`, EXAMPLES.gpuHour, 'dollarsPerGpuHour');
      return;
    }
    if (!Number.isFinite(value) || value <= 0 || value > 10_000) {
      out.problem(m[0], `"${m[0]}" is not a usable price per GPU-hour`, EXAMPLES.gpuHour, 'dollarsPerGpuHour');
      return;
    }
    target.priced = true;
    out.add('dollarsPerGpuHour', { [target.mention.id]: value }, `${target.fragment} ${m[0]}`);
  });
}

export function extractPricing(scanner: Scanner, mentions: FoundMention[], out: Extraction): void {
  scanner.each(KWH, (m) => {
    const cents = m[3] !== undefined;
    const value = positive(out, m[1] ?? m[2] ?? m[3]!, m[0], 'dollarsPerKwh', EXAMPLES.pricing, cents ? 0.01 : 1);
    if (value === undefined) return;
    out.add('dollarsPerKwh', value, m[0]);
    out.add('pricing', 'owned', m[0]);
  });
  priceGpuHours(scanner, mentions, out);
  scanner.each(PUE, (m) => {
    const value = positive(out, m[1]!, m[0], 'powerUsageEffectiveness', 'PUE 1.3');
    if (value !== undefined) out.add('powerUsageEffectiveness', value, m[0]);
  });
  scanner.each(RESERVED, (m) => {
    const years = Number(m[1] ?? m[2]);
    if (years !== 1 && years !== 3) {
      out.problem(m[0], `reserved terms are 1 or 3 years, not "${m[0]}"`, '3-year reserved', 'tier');
      return;
    }
    out.add('tier', years === 1 ? 'reserved-1y' : 'reserved-3y', m[0]);
    out.add('pricing', 'rented', m[0]);
  });
  scanner.each(AMORTIZATION, (m) => {
    const value = positive(out, m[1] ?? m[2]!, m[0], 'amortizationYears', '4-year amortization');
    if (value === undefined) return;
    out.add('amortizationYears', value, m[0]);
    out.add('pricing', 'owned', m[0]);
  });
  scanner.each(OWNED, (m) => out.add('pricing', 'owned', m[0]));
  scanner.each(RENTED, (m) => {
    const word = m[0].toLowerCase();
    if (/demand/.test(word)) out.add('tier', 'on-demand', m[0]);
    if (word === 'spot') out.add('tier', 'spot', m[0]);
    if (word === 'reserved') {
      out.add('tier', 'reserved-1y', m[0]);
      out.assume('tier', 'reserved-1y', '"reserved" without a term; read as a 1-year reservation');
    }
    out.add('pricing', 'rented', m[0]);
  });
}
