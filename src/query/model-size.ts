/**
 * Models named by size alone ("a 30b dense model", "a 1T MoE with 32B active") and the closest known
 * names to one the catalog lacks. A size alone becomes the engine's typical-shape model (an estimate,
 * stated as such); an unknown name is answered with the nearest ids by edit distance and family.
 */
import { typicalShapeId } from '../engine/catalog/typical-shape.ts';
import type { Extraction } from './extraction.ts';
import type { ModelIndex } from './model-index.ts';
import type { Scanner } from './scanner.ts';
import { compact, editDistance } from './tokens.ts';
import { compareText } from '../engine/text-order.ts';

const SIZE = String.raw`(\d+(?:\.\d+)?)\s*([bt])(?:\s*-?\s*param(?:eter)?s?)?`;
const SHAPED = new RegExp(
  String.raw`\b(?:an?\s+)?${SIZE}[\s-]+(dense|moe|mixture[- ]of[- ]experts)(?:\s+(?:model|llm))?(?:\s*,?\s*(?:with\s+)?(\d+(?:\.\d+)?)\s*([bt])\s*(?:active|activated)(?:\s+param(?:eter)?s?)?)?`,
  'i',
);
const BARE = new RegExp(String.raw`\ban?\s+${SIZE}\s+(?:model|llm)\b`, 'i');
/** Cheap screen before the full patterns: a size in b/t next to a word that could name a shape. */
const MAYBE_SIZED = /\d\s*[bt]\b[^]*\b(?:dense|moe|mixture|model|llm)\b/i;
const scale = (value: string, unit: string) => Number(value) * (unit.toLowerCase() === 't' ? 1e12 : 1e9);

/** Read a size-only model phrase; true when the text had one (found or reported as a problem). */
export function extractModelBySize(scanner: Scanner, out: Extraction): boolean {
  const text = scanner.text;
  if (!MAYBE_SIZED.test(text)) return false;
  const shaped = SHAPED.exec(text);
  const bare = shaped ? null : BARE.exec(text);
  const m = shaped ?? bare;
  if (!m) return false;
  const fragment = m[0];
  const total = scale(m[1]!, m[2]!);
  const moe = shaped !== null && !/dense/i.test(m[3]!);
  scanner.consume(m.index, m.index + fragment.length);
  if (moe && m[4] === undefined) {
    out.problem(fragment, `"${fragment}": how many parameters are active per token?`, 'a 1T MoE with 32B active', 'model');
    return true;
  }
  const active = moe ? scale(m[4]!, m[5]!) : undefined;
  if (active !== undefined && active >= total) {
    out.problem(fragment, `"${fragment}": active parameters must be fewer than the total`, 'a 1T MoE with 32B active', 'model');
    return true;
  }
  const id = typicalShapeId(total, active);
  out.add('model', id, fragment);
  const shape = active !== undefined ? `${(total / 1e9).toFixed(0)}B MoE with ${(active / 1e9).toFixed(1)}B active` : `${(total / 1e9).toFixed(total < 10e9 ? 1 : 0)}B dense model`;
  out.assume('model', id, `"${fragment.trim()}": no catalog model is named, so a typical ${shape} shape is derived from open models of that size (an ESTIMATE: layers, width, heads${active !== undefined ? ', experts' : ''} are not the real model's)${bare ? '; dense assumed' : ''}`);
  return true;
}

const byLength = new WeakMap<ModelIndex, Map<number, [string, readonly string[]][]>>();

/** Index keys within `slack` characters of `length` long (only those can be within that edit distance). */
function keysNearLength(index: ModelIndex, length: number, slack: number): [string, readonly string[]][] {
  let groups = byLength.get(index);
  if (!groups) {
    groups = new Map();
    for (const entry of index.keys) groups.set(entry[0].length, [...(groups.get(entry[0].length) ?? []), entry]);
    byLength.set(index, groups);
  }
  const near: [string, readonly string[]][] = [];
  for (let n = length - slack; n <= length + slack; n += 1) near.push(...(groups.get(n) ?? []));
  return near;
}

/** Model ids whose names are closest to `fragment`: edit distance over every indexed name, then family prefix. */
export function closestModels(index: ModelIndex, fragment: string, limit: number): string[] {
  const key = compact(fragment);
  if (key.length < 3) return [];
  const maxDistance = Math.max(1, Math.floor(key.length / 4));
  const digits = key.match(/\d+/g) ?? [];
  const scored = new Map<string, number>();
  for (const [name, ids] of keysNearLength(index, key.length, maxDistance)) {
    const distance = editDistance(key, name, maxDistance);
    if (distance > maxDistance) continue;
    // Same size digits (120 in gtp-oss-120b) break ties: a typo keeps the size.
    const score = distance - (digits.some((d) => name.includes(d)) ? 0.5 : 0);
    for (const id of ids) scored.set(id, Math.min(scored.get(id) ?? Infinity, score));
  }
  const prefix = /^[a-z]+/.exec(key)?.[0] ?? '';
  if (scored.size === 0 && prefix.length >= 3) {
    for (const [family, ids] of index.families) {
      if (family.startsWith(prefix) || editDistance(prefix, family.slice(0, prefix.length), 1) <= (prefix.length >= 5 ? 1 : 0)) {
        for (const id of ids) scored.set(id, maxDistance + 1);
      }
    }
  }
  return [...scored.entries()]
    .sort((a, b) => a[1] - b[1] || compareText(a[0], b[0]))
    .slice(0, limit)
    .map(([id]) => id);
}
