/**
 * Names a model goes by, derived from its catalog id, name and aliases: "llama-3.3-70b" is also
 * "llama 3.3 70b", "llama 3 70b", "llama 70b" (shared with llama-3.1-70b: the newest wins), "llama".
 * "deepseek-r1" is also "r1"; "qwen3-235b-a22b" is also "qwen 235b".
 */
import { PRECISION_WORDS } from './precision.ts';
import { compact } from './tokens.ts';
import type { Vocabulary, VocabularyModel } from './vocabulary.ts';

export interface ModelInfo {
  readonly id: string;
  readonly family: string;
  readonly sizes: readonly string[];
  readonly version: readonly number[];
}

export interface ModelIndex {
  readonly keys: ReadonlyMap<string, readonly string[]>;
  readonly info: ReadonlyMap<string, ModelInfo>;
  readonly families: ReadonlyMap<string, readonly string[]>; // alphabetic family word -> model ids
}

/** Words in checkpoint names that say nothing about which model it is (a precision is its own field). */
const IGNORED = new Set(['instruct', 'chat', 'it', 'hf', 'base', 'preview', 'v0', 'v1', ...PRECISION_WORDS]);
const SIZE = /^\d+(?:\.\d+)?[bt]$|^\d+x\d+b$/;
const ACTIVE = /^a\d+(?:\.\d+)?b$/;
const VERSION = /^\d+(?:\.\d+)*$/;

function deriveKeys(idLike: string): { keys: string[]; family: string; sizes: string[]; version: number[] } {
  const parts = idLike.toLowerCase().split(/[^a-z0-9.]+/).filter((p) => p.length > 0);
  let f = 1;
  while (f < parts.length && /^[a-z]+$/.test(parts[f]!) && !IGNORED.has(parts[f]!)) f += 1;
  const family = compact(parts.slice(0, f).join(''));
  const rest = parts.slice(f);
  const sizes = rest.filter((p) => SIZE.test(p));
  const active = rest.filter((p) => ACTIVE.test(p)).map(compact);
  const versions = rest.filter((p) => VERSION.test(p));
  const extras = rest.filter((p) => !SIZE.test(p) && !ACTIVE.test(p) && !VERSION.test(p) && !IGNORED.has(p)).map(compact);
  const families = [family];
  const bare = family.replace(/\d+$/, '');
  if (bare !== family && bare.length >= 4) families.push(bare);
  const versionForms = versions.flatMap((v) => [compact(v), v.split('.')[0]!]);
  const sizeForms = sizes.flatMap((s) => [s, s.replace(/b$/, '')]).filter((s) => !/^\d+x\d+$/.test(s));
  const keys = [compact(idLike)];
  for (const fam of families) {
    keys.push(fam);
    for (const v of versionForms) keys.push(fam + v);
    for (const e of extras) keys.push(fam + e, ...sizeForms.map((s) => fam + e + s));
    for (const s of sizeForms) {
      keys.push(fam + s, ...versionForms.map((v) => fam + v + s), ...active.map((a) => fam + s + a));
    }
  }
  for (const e of extras) if (e.length >= 2 && /[a-z]/.test(e) && /\d/.test(e)) keys.push(e);
  const version = (versions[0] ?? '').split('.').filter((x) => x !== '').map(Number);
  return { keys, family, sizes, version };
}

function paramsKeys(model: VocabularyModel, family: string): string[] {
  if (!model.totalParams || !Number.isFinite(model.totalParams)) return [];
  const billions = Math.round(model.totalParams / 1e9);
  return billions > 0 ? [`${family}${billions}b`] : [];
}

const cache = new WeakMap<Vocabulary, ModelIndex>();

/** Index of every name of every model in the vocabulary (built once per vocabulary object). */
export function modelIndex(vocabulary: Vocabulary): ModelIndex {
  const cached = cache.get(vocabulary);
  if (cached) return cached;
  const keys = new Map<string, string[]>();
  const info = new Map<string, ModelInfo>();
  const families = new Map<string, string[]>();
  const add = (key: string, id: string): void => {
    if (key.length === 0) return;
    const ids = keys.get(key) ?? [];
    if (!ids.includes(id)) ids.push(id);
    keys.set(key, ids);
  };
  for (const model of vocabulary.models) {
    const fromId = deriveKeys(model.id);
    info.set(model.id, { id: model.id, family: fromId.family, sizes: fromId.sizes, version: fromId.version });
    const alphaFamily = fromId.family.replace(/\d+$/, '');
    if (alphaFamily.length >= 4) families.set(alphaFamily, [...(families.get(alphaFamily) ?? []), model.id]);
    for (const name of [model.id, model.name, ...model.aliases]) {
      for (const key of deriveKeys(name).keys) add(key, model.id);
    }
    for (const key of paramsKeys(model, fromId.family)) add(key, model.id);
  }
  // An exact id, name or alias always means that model alone.
  for (const model of vocabulary.models) {
    for (const name of [model.id, model.name, ...model.aliases]) keys.set(compact(name), [model.id]);
  }
  const index = { keys, info, families };
  cache.set(vocabulary, index);
  return index;
}
