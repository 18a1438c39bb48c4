/**
 * Names a platform goes by: its id, name and aliases, the id without its form factor ("h100" ->
 * h100-sxm, the SXM part being the default one), a distinctive name word ("trillium", "ironwood"),
 * and vendor words ("nvidia", "amd", "tpus", "intel").
 */
import type { VendorName } from './schema.ts';
import { compact } from './tokens.ts';
import type { Vocabulary } from './vocabulary.ts';

export type Mention = { kind: 'platform'; id: string } | { kind: 'vendor'; vendor: VendorName } | { kind: 'ambiguous'; ids: string[] };

const FORM_FACTORS = /(?:sxm\d?|pcie|nvl|oam|hgx|dgx|server|edition|blackwell|\d+gb)$/;
const STOP_WORDS = new Set(['nvidia', 'google', 'cloud', 'intel', 'instinct', 'hopper', 'blackwell', 'ultra', 'superchip', 'edition', 'server', 'paired', 'bridge', 'side', 'per']);
const VENDOR_WORDS: Readonly<Record<string, VendorName>> = {
  nvidia: 'nvidia',
  nvda: 'nvidia',
  amd: 'amd',
  instinct: 'amd',
  google: 'google',
  tpu: 'google',
  tpus: 'google',
  intel: 'intel',
  habana: 'intel',
  awschips: 'aws',
  awssilicon: 'aws',
  amazonchips: 'aws',
};

function stripFormFactor(key: string): string {
  let previous = '';
  let current = key;
  while (current !== previous) {
    previous = current;
    current = current.replace(FORM_FACTORS, '');
  }
  return current;
}

const cache = new WeakMap<Vocabulary, ReadonlyMap<string, Mention>>();

/** key (compact) -> what it names; built once per vocabulary. */
export function platformIndex(vocabulary: Vocabulary): ReadonlyMap<string, Mention> {
  const cached = cache.get(vocabulary);
  if (cached) return cached;
  const loose = new Map<string, Set<string>>();
  const addLoose = (key: string, id: string): void => {
    if (key.length < 2) return;
    loose.set(key, (loose.get(key) ?? new Set()).add(id));
  };
  for (const p of vocabulary.platforms) {
    const base = stripFormFactor(compact(p.id));
    addLoose(base, p.id);
    const vendorless = compact(p.name.toLowerCase().replace(new RegExp(`^${p.vendor}\\s`), ''));
    addLoose(stripFormFactor(vendorless), p.id);
    const family = /^[a-z]{5,}/.exec(base)?.[0];
    if (family && !(family in VENDOR_WORDS)) addLoose(family, p.id);
    for (const word of p.name.toLowerCase().split(/[^a-z0-9]+/)) {
      if (/^[a-z]{5,}$/.test(word) && !STOP_WORDS.has(word)) addLoose(word, p.id);
    }
  }
  const index = new Map<string, Mention>();
  for (const [key, ids] of loose) {
    const list = [...ids];
    const canonical = list.find((id) => compact(id) === key) ?? list.find((id) => compact(id) === `${key}sxm`);
    if (list.length === 1 || canonical) index.set(key, { kind: 'platform', id: canonical ?? list[0]! });
    else if (list.length > 1 && !/^[a-z]+$/.test(key)) index.set(key, { kind: 'ambiguous', ids: list });
  }
  for (const [word, vendor] of Object.entries(VENDOR_WORDS)) index.set(word, { kind: 'vendor', vendor });
  for (const p of vocabulary.platforms) {
    for (const name of [p.id, p.name, ...p.aliases]) index.set(compact(name), { kind: 'platform', id: p.id });
  }
  cache.set(vocabulary, index);
  return index;
}

/** Look a token sequence up, also without a plural "s" ("h100s", "tpus"). */
export function lookupPlatform(index: ReadonlyMap<string, Mention>, key: string): Mention | undefined {
  return index.get(key) ?? (key.endsWith('s') ? index.get(key.slice(0, -1)) : undefined);
}
