/** One display module: money and numbers print the same in the CLI, in Slack and on charts. */
import { describe, expect, it } from 'vitest';
import * as format from '../src/format.ts';
import * as slack from '../src/slack/blocks/format-slack.ts';

describe('display formatting', () => {
  it('prints $0.05 as $0.05, everywhere', () => {
    expect(format.formatDollars(0.05)).toBe('$0.05');
    expect(slack.formatDollars).toBe(format.formatDollars);
    expect(slack.formatPercent).toBe(format.formatPercent);
    expect(slack.formatMs).toBe(format.formatMs);
    expect(slack.formatCount).toBe(format.formatCount);
  });

  it.each([
    [12272.4, '$12,272'], [123.4, '$123'], [12.3, '$12.30'], [4.2, '$4.20'], [0.39, '$0.39'], [0.1, '$0.10'],
    [0.0873, '$0.087'], [0.00123, '$0.0012'], [0, '$0'], [-0.05, '-$0.05'], [4.2e-301, '<$0.000001'], [Number.NaN, 'n/a'], [Number.POSITIVE_INFINITY, 'n/a'],
  ])('formatDollars(%s) = %s (never exponent notation)', (value, text) => {
    expect(format.formatDollars(value)).toBe(text);
  });

  it.each([[2000, '2k'], [12345, '12.3k'], [1.5e6, '1.5M'], [726, '726'], [9.256, '9.26'], [0.125, '0.125'], [2.55e29, '255,000,000,000,000,000T']])('formatCount(%s) = %s', (value, text) => {
    expect(format.formatCount(value)).toBe(text);
  });

  it('percent keeps one decimal for small shares', () => {
    expect([0.4231, 0.042, 0.005, 0].map(format.formatPercent)).toEqual(['42%', '4.2%', '0.5%', '0%']);
  });
});
