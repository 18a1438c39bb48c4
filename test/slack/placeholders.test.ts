/**
 * No `<word>` placeholder in what tokcost posts: Slack reads any <...> as a link or mention, even
 * inside backticks, so `/tokcost tco <question>` would show as "/tokcost tco question" with a link.
 * Scans every golden Block Kit file and the help, home and settings builders.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { helpMessage, noticeMessage } from '../../src/slack/blocks/help-blocks.ts';
import { homeView } from '../../src/slack/blocks/home-view.ts';
import { settingsMessage } from '../../src/slack/blocks/settings-blocks.ts';
import { parseCommandText } from '../../src/slack/command-text.ts';

/** <...> tokens that are neither a link (<http…>, <mailto:…>) nor a mention (<@U…>, <#C…>, <!here>). */
export function placeholdersIn(value: unknown): string[] {
  const texts: string[] = [];
  (function walk(v: unknown) {
    if (typeof v === 'string') texts.push(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  })(value);
  return texts.flatMap((t) => [...t.matchAll(/<([^<>\n]*)>/g)].map((m) => m[0]).filter((token) => !/^<(https?:\/\/|mailto:|@[UW]|#C|!)/.test(token)));
}

const GOLDEN = join(import.meta.dirname, '..', 'golden', 'slack');

describe('no <word> placeholders outside links and mentions', () => {
  it('in help, home and settings', () => {
    const usage = parseCommandText('set price');
    expect(placeholdersIn([helpMessage(), homeView({ answer: 1, 'follow-up': 0, form: 0, problems: 0, error: 0 }, { dollarsPerGpuHour: { b200: 4.5 }, dollarsPerKwh: 0.1 }), settingsMessage({ dollarsPerGpuHour: {} })])).toEqual([]);
    expect(usage.kind).toBe('set-usage');
    if (usage.kind === 'set-usage') expect(placeholdersIn(noticeMessage(usage.message))).toEqual([]);
  });

  for (const file of readdirSync(GOLDEN).filter((f) => f.endsWith('.json'))) {
    it(`in golden ${file}`, () => {
      expect(placeholdersIn(JSON.parse(readFileSync(join(GOLDEN, file), 'utf8')))).toEqual([]);
    });
  }

  it('the check finds a placeholder inside backticks', () => {
    expect(placeholdersIn({ text: '`/tokcost tco <question>` <https://x.example|ok> <@U1> <#C1|general> <!here>' })).toEqual(['<question>']);
  });
});
