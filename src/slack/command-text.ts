/** What `/tokcost <text>` asks for: a question, a planning report, the form, help, or a workspace setting. Pure. */
import { PLANNING_REPORT_KINDS, REPORT_WORDS as WORDS_OF } from '../advice/report-kinds.ts';
import type { ReportKind } from './advisor.ts';

export type CommandIntent =
  | { readonly kind: 'form' }
  | { readonly kind: 'help' }
  | { readonly kind: 'settings' }
  | { readonly kind: 'reset' }
  | { readonly kind: 'set-price'; readonly platform: string; readonly dollarsPerGpuHour: number }
  | { readonly kind: 'set-power'; readonly dollarsPerKwh: number }
  | { readonly kind: 'set-usage'; readonly message: string }
  | { readonly kind: 'report'; readonly report: ReportKind; readonly text: string }
  | { readonly kind: 'question'; readonly text: string };

/** Words naming each report, as a command's first word or inside a short request ("show the crossover"): the registry's. */
const REPORT_WORDS: readonly (readonly [ReportKind, string])[] = PLANNING_REPORT_KINDS.map((kind) => [kind, WORDS_OF[kind]] as const);
const LEAD = String.raw`^(?:(?:please|pls|ok|and|so|now|also|can you|could you|show|show me|give me|draw|plot|make|what(?:'s| is| about)|how about|the|a|an|me)\s+)*`;
const API_LEAD = String.raw`^(?:(?:and|so|now|how|what|about|does|do|it|this|that|compare|compared|comparing|stack|stacks|up|vs\.?|versus|against|with|to|the|hosted)\s+)*`;
const CONNECTORS = /^(?:[\s?:,.!-]+|(?:for|of|with|on this|please|chart|graph|plot|table|report)(?=$|[\s?:,.!]))+/i;

/**
 * A report asked for in words: `tco <question>`, "show the crossover", "tco?", "vs API?",
 * "compare with APIs", "utilization curve for llama 70b ...". `rest` is what follows (a question, a
 * follow-up, or ''). Null when the text does not start by naming a report.
 */
export function parseReportRequest(raw: string): { readonly report: ReportKind; readonly rest: string } | null {
  const text = raw.trim();
  for (const [report, words] of REPORT_WORDS) {
    const lead = report === 'api' ? API_LEAD : LEAD;
    const match = new RegExp(`${lead}(?:${words})(?=$|[\\s?:,.!])`, 'i').exec(text);
    if (!match) continue;
    // "api" must be the point of the message, not a word inside a question ("an api gateway ...").
    if (report === 'api' && match[0].trim().split(/\s+/).length === 1 && text.length > match[0].length + 1 && !/^[\s?:,.!]/.test(text.slice(match[0].length))) continue;
    return { report, rest: text.slice(match[0].length).replace(CONNECTORS, '').trim() };
  }
  return null;
}

const SET_USAGE = 'Use `/tokcost set price` with a platform and its dollars per GPU-hour (e.g. `/tokcost set price h100-sxm 2.10`) or `/tokcost set power` with dollars per kWh (e.g. `/tokcost set power 0.12`).';

/** "$2.10", "2.1/h", "2.10/GPU-hour" -> 2.1; undefined when not a positive amount. */
export function parseDollars(text: string | undefined): number | undefined {
  const match = /^\$?(\d+(?:\.\d+)?|\.\d+)(?:\s*(?:\/|per)\s*\S*)?$/i.exec((text ?? '').trim());
  const value = match ? Number(match[1]) : Number.NaN;
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

export function parseCommandText(raw: string): CommandIntent {
  const text = raw.trim();
  const lower = text.toLowerCase();
  if (text === '') return { kind: 'form' };
  if (lower === 'help' || lower === '?' || lower === '-h' || lower === '--help') return { kind: 'help' };
  if (lower === 'settings' || lower === 'show settings') return { kind: 'settings' };
  if (lower === 'reset' || lower === 'reset settings') return { kind: 'reset' };
  const words = text.split(/\s+/);
  const first = words[0]?.toLowerCase().replace(/[?:,.!]+$/, '');
  const asked = first && (PLANNING_REPORT_KINDS as readonly string[]).includes(first) ? parseReportRequest(text) : null;
  if (asked) return { kind: 'report', report: asked.report, text: asked.rest };
  if (words[0]?.toLowerCase() !== 'set') return { kind: 'question', text };
  const what = words[1]?.toLowerCase();
  if (what === 'price' && words.length >= 4) {
    const dollars = parseDollars(words.slice(3).join(' '));
    if (dollars === undefined) return { kind: 'set-usage', message: `“${words.slice(3).join(' ')}” is not a price in dollars per GPU-hour. ${SET_USAGE}` };
    return { kind: 'set-price', platform: words[2]!, dollarsPerGpuHour: dollars };
  }
  if (what === 'power' && words.length >= 3) {
    const dollars = parseDollars(words.slice(2).join(' '));
    if (dollars === undefined || dollars > 5) return { kind: 'set-usage', message: `“${words.slice(2).join(' ')}” is not a power price in dollars per kWh. ${SET_USAGE}` };
    return { kind: 'set-power', dollarsPerKwh: dollars };
  }
  return { kind: 'set-usage', message: SET_USAGE };
}
