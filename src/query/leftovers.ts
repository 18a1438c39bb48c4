/** Numbers no extractor claimed: each becomes a problem naming the fragment, so nothing is silently ignored. */
import type { Extraction } from './extraction.ts';
import type { Scanner } from './scanner.ts';
import { EXAMPLES } from './schema.ts';

const LEFTOVER = /(?<![\w.,\u0001$-])(-?\$?\d(?:[\d,.]{0,30}\d)?[a-z%]{0,10})(?: ([a-z/]{1,20}))?(?: ([a-z]{1,20}))?/gi;
const MAX_LEFTOVERS = 5;

function exampleFor(next: string): { message: string; example: string } {
  if (/^(?:users?|people|customers|seats)$/.test(next)) {
    return { message: 'how many of them are in flight at once, or how many requests they send?', example: '200 concurrent users' };
  }
  if (/^(?:tokens?|toks?)$/.test(next)) return { message: 'are these input or output tokens?', example: EXAMPLES.lengths };
  if (/^(?:gpus?|nodes?|cards?|chips?|servers?)$/.test(next)) {
    return { message: 'tokcost sizes the fleet itself; to limit the hardware name it', example: 'only h100' };
  }
  return { message: 'not sure what this number refers to', example: EXAMPLES.whole };
}

export function reportLeftovers(scanner: Scanner, out: Extraction): void {
  let count = 0;
  scanner.each(LEFTOVER, (m) => {
    const number = m[1]!;
    if (out.problems.some((p) => p.fragment.includes(number))) return;
    count += 1;
    if (count > MAX_LEFTOVERS) return;
    const fragment = [number, m[2], m[3]].filter((w) => w !== undefined).join(' ');
    const { message, example } = exampleFor((m[2] ?? '').toLowerCase());
    out.problem(fragment, `didn't understand "${fragment}": ${message}`, example);
  });
  if (count > MAX_LEFTOVERS) {
    out.problem('', `and ${count - MAX_LEFTOVERS} more numbers that were not understood`, EXAMPLES.whole);
  }
}
