/** Horizon of the simulation: "over a week", "for a day", "week-long view". */
import type { Extraction } from './extraction.ts';
import type { Scanner } from './scanner.ts';

const HORIZON =
  /\b(?:over|across|during|horizon(?: of)?|simulate(?:d)?(?: over)?)\s?(?:a|one|the|1|an entire|a full|the whole|a whole)?\s?(day|week|24 hours|7 days)\b|\b(day|week)[\s-]?long (?:horizon|view|simulation|window)\b/gi;

export function extractHorizon(scanner: Scanner, out: Extraction): void {
  scanner.each(HORIZON, (m) => {
    const word = (m[1] ?? m[2]!).toLowerCase();
    out.add('horizon', word.startsWith('d') || word.startsWith('24') ? 'day' : 'week', m[0]);
  });
}
