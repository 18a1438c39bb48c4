/**
 * How long a spike lasts: "spike 10x for 2 hours", "bursts lasting 30 minutes", "a 3-hour spike". Only
 * the duration words are consumed here, so the height ("10x") is still read by the shape extractor.
 */
import type { Extraction } from './extraction.ts';
import { PLAIN, parseNumber } from './numbers.ts';
import type { Scanner } from './scanner.ts';

const AMOUNT = `(?:${PLAIN}|(an?|one|half an?))`;
const UNIT = '(minutes?|mins?|m|hours?|hrs?|h|days?)';
const SPIKE = '(?:spikes?|spiking|bursts?|surges?|peaks?|peaking|launch)';
const AFTER = new RegExp(
  `\\b${SPIKE}\\b[^.;,!?\\u0001]{0,30}?(\\b(?:for|lasting|that lasts?|which lasts?|over|of)\\s(?:about\\s|around\\s|~)?${AMOUNT}[\\s-]?${UNIT}\\b)`,
  'gid',
);
const BEFORE = new RegExp(`(\\b(?:an?\\s)?${AMOUNT}[\\s-]?${UNIT}[\\s-](?:long\\s)?)${SPIKE}\\b`, 'gid');

function minutesOf(raw: string | undefined, word: string | undefined, unit: string): number {
  const amount = raw !== undefined ? parseNumber(raw) : /^half/i.test(word ?? '') ? 0.5 : 1;
  const u = unit.toLowerCase();
  return amount * (u.startsWith('d') ? 1440 : u.startsWith('h') ? 60 : 1);
}

function addDuration(out: Extraction, minutes: number, fragment: string): void {
  if (!Number.isFinite(minutes) || minutes < 1 || minutes > 7 * 1440) {
    out.problem(fragment, `a spike of "${fragment}" must last between 1 minute and 7 days`, 'spike 10x for 2 hours', 'spikeDurationMinutes');
    return;
  }
  out.add('spikeDurationMinutes', minutes, fragment);
  out.add('shape', 'spike', fragment);
}

export function extractSpikeDuration(scanner: Scanner, out: Extraction): void {
  scanner.each(AFTER, (m) => {
    const [start, end] = m.indices![1]!;
    scanner.consume(start, end);
    addDuration(out, minutesOf(m[2], m[3], m[4]!), m[1]!);
    return false;
  });
  scanner.each(BEFORE, (m) => {
    const [start, end] = m.indices![1]!;
    scanner.consume(start, end);
    addDuration(out, minutesOf(m[2], m[3], m[4]!), m[0]);
    return false;
  });
}
