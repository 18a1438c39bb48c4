/**
 * Slack message text -> plain words: mentions, channel refs and links reduced to their labels, HTML
 * entities decoded, smart quotes, dashes and odd spaces made ASCII, formatting markers dropped, length
 * capped so every later pattern runs on bounded input.
 */
import { joinOddDigitGroups } from './number-forms.ts';
import type { Problem } from './schema.ts';

export const MAX_INPUT_CHARS = 4000;

export interface NormalizedText {
  readonly text: string;
  readonly problems: readonly Problem[];
}

const REPLACEMENTS: readonly (readonly [RegExp, string])[] = [
  [/<[@!][^<>|\s]{0,80}(?:\|[^<>]{0,80})?>/g, ' '], // <@U123>, <@U123|bob>, <!here>
  [/<#[^<>|\s]{0,80}\|([^<>]{0,80})>/g, ' #$1 '], // <#C123|general>
  [/<#[^<>|\s]{0,80}>/g, ' '],
  [/<(?:https?|mailto):[^<>|\s]{0,2000}\|([^<>]{0,200})>/g, ' $1 '], // <https://x|label>
  [/<(?:https?|mailto):[^<>\s]{0,2000}>/g, ' '],
  [/\bhttps?:\/\/\S{1,2000}/g, ' '],
  [/&amp;/g, '&'],
  [/&lt;/g, '<'],
  [/&gt;/g, '>'],
  [/&nbsp;/g, ' '],
  [/[\u2018\u2019\u201a\u201b\u2032]/g, "'"],
  [/[\u201c\u201d\u201e\u201f\u2033]/g, '"'],
  [/[\u2010-\u2015\u2212]/g, '-'],
  [/[\u00d7\u2715\u2716]/g, 'x'],
  [/\u2264/g, '<='],
  [/\u2265/g, '>='],
  [/\u2248/g, '~'],
  [/\u00a2/g, ' cents'],
  [/[\u200b-\u200d\u2060\ufeff\u00ad]/g, ''],
  [/[*_`~]/g, ' '], // *bold* _italic_ `code` ~strike~ (and "~2k" approximations)
  [/\s+/g, ' '],
];

/** Normalize Slack text; over-long input is cut to MAX_INPUT_CHARS with a problem saying so. */
export function normalizeSlackText(raw: string): NormalizedText {
  const problems: Problem[] = [];
  let text = typeof raw === 'string' ? raw : '';
  if (text.length > MAX_INPUT_CHARS) {
    problems.push({
      fragment: `${text.slice(0, 40)}...`,
      message: `the message is ${text.length} characters long; only the first ${MAX_INPUT_CHARS} were read`,
      example: 'one workload in a sentence or two, e.g. "llama 70b, 2k in / 500 out, 30 rps"',
    });
    text = text.slice(0, MAX_INPUT_CHARS);
  }
  // Thin and no-break spaces between digit groups are separators; NFKC would make them plain spaces.
  text = joinOddDigitGroups(text).normalize('NFKC').slice(0, MAX_INPUT_CHARS); // NFKC can expand ligatures
  for (const [pattern, replacement] of REPLACEMENTS) text = text.replace(pattern, replacement);
  return { text: text.trim(), problems };
}
