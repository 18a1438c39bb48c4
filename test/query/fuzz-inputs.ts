/** Seeded generators of hostile and mutated inputs for the fuzz tests. */

/** The engine's seeded PRNG (mulberry32), shared so every fuzz run is reproducible from its seed. */
export { createSeededRandom as mulberry32 } from '../../src/engine/traffic/seeded-random.ts';

export const GOOD = [
  'llama 70b, 2k in / 500 out, 1200 rpm, peaks 4x at noon, p95 TTFT under 1s, only AMD',
  '5.6M queries a week on deepseek-r1, 1000 input 4000 output',
  'gpt-oss 120b ISL=1024 OSL=1024 qps 100 no TPUs or gaudi, h100 at $1.99/hr',
  'kimi k2, 10 billion tokens per day, 8k prompts and 1k completions, on-prem at $0.07/kWh, 3-year amortization',
  '<@U123> qwen3 235b `200 concurrent users` at 50 tok/s per user &amp; *viral launch* <https://x.y|link>',
  'what if peak is 10x? use fp4, compare b200 and mi355x, drop the TTFT target, double the traffic',
  'llama 70b 30 rps peak at 2pm ET, TPOT 20ms, ITL 40 ms, median TTFT 500ms, spot, over a week',
];

const PIECES = [
  ' ', '  ', ',', '.', '/', '=', ':', '~', '<', '>', '<=', '$', '%', 'x', 'k', 'M', 'B', '-', '1', '00', '2k', '1,000',
  '1.5', 'rps', 'ttft', 'p95', 'under', 'peak', 'peaks', 'in', 'out', 'tokens', 'per', 'a', 'day', 'week', 'llama', '70b',
  'no', 'only', 'amd', 'h100', '<@U1>', '<#C1|x>', '&amp;', '&lt;', '*', '_', '`', '\u00a0', '\u201c', '\u2014', 'ﬁ', '﷽',
  'at', '9am', 'utc', 'kWh', '/hr', 'x peak', 'concurrent', 'users', 'of', 'is', 'tok/s', 'user', 'billion', 'and',
];

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

function randomUnicode(rand: () => number, length: number): string {
  let s = '';
  for (let i = 0; i < length; i += 1) {
    const r = rand();
    const code = r < 0.5 ? 32 + Math.floor(rand() * 95) : r < 0.8 ? Math.floor(rand() * 0x3000) : Math.floor(rand() * 0x110000);
    s += code >= 0xd800 && code <= 0xdfff ? String.fromCharCode(code) : String.fromCodePoint(code);
  }
  return s;
}

function mutate(rand: () => number, text: string): string {
  let s = text;
  const edits = 1 + Math.floor(rand() * 6);
  for (let e = 0; e < edits; e += 1) {
    const at = Math.floor(rand() * (s.length + 1));
    const op = rand();
    if (op < 0.3) s = s.slice(0, at) + pick(rand, PIECES) + s.slice(at);
    else if (op < 0.5) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(rand() * 5));
    else if (op < 0.65) s = s.slice(0, at) + String.fromCharCode(Math.floor(rand() * 0x2100)) + s.slice(at + 1);
    else if (op < 0.8) s = s.slice(at) + ' ' + s.slice(0, at);
    else if (op < 0.9) s = s.toUpperCase();
    else s = s + ' ' + pick(rand, GOOD).slice(Math.floor(rand() * 40));
  }
  return s;
}

function hugeNumber(rand: () => number): string {
  const forms = [
    () => '9'.repeat(1 + Math.floor(rand() * 400)),
    () => `-${Math.floor(rand() * 1e6)}`,
    () => `1e${Math.floor(rand() * 400)}`,
    () => (rand() * 1e308).toString(),
    () => '1,'.repeat(Math.floor(rand() * 200)) + '000',
    () => `0.${'0'.repeat(Math.floor(rand() * 50))}1`,
    () => `${Math.floor(rand() * 1e15)}${pick(rand, ['k', 'M', 'B', ' billion', 'x', '%', 'ms', 's'])}`,
  ];
  const units = ['rps', 'in', 'out', 'x peak', 'ms ttft', 'tok/s per user', '$/kWh', 'requests per day', 'concurrent users', 'tokens per day', ''];
  return `llama 70b ${pick(rand, forms)()} ${pick(rand, units)} ${pick(rand, forms)()} ${pick(rand, units)}`;
}

function long(rand: () => number): string {
  const unit = rand() < 0.5 ? pick(rand, PIECES) + pick(rand, PIECES) : pick(rand, GOOD);
  const target = 4000 + Math.floor(rand() * 7000);
  return unit.repeat(Math.ceil(target / Math.max(unit.length, 1))).slice(0, target);
}

function soup(rand: () => number): string {
  const parts: string[] = [];
  const n = 1 + Math.floor(rand() * 40);
  for (let i = 0; i < n; i += 1) parts.push(pick(rand, PIECES));
  return parts.join(rand() < 0.5 ? ' ' : '');
}

/** The i-th input of a seeded stream: a mix of unicode, numbers, markup soup, long strings and mutations. */
export function generateInput(rand: () => number): string {
  const r = rand();
  if (r < 0.15) return randomUnicode(rand, Math.floor(rand() * 200));
  if (r < 0.3) return hugeNumber(rand);
  if (r < 0.5) return soup(rand);
  if (r < 0.51) return long(rand);
  if (r < 0.52) return randomUnicode(rand, 10_000);
  return mutate(rand, pick(rand, GOOD));
}
