/**
 * EDGE: reads data/*.json, validates each file with zod and the files against each other, and returns
 * the engine's plain Catalog or every problem found, each with its JSON path
 * (`accelerators.json[3].memoryBytes: expected positive number`). Results are cached per directory.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as z from 'zod';
import type { Catalog } from '../engine/catalog/types.ts';
import { CATALOG_FILES } from './schemas.ts';
import { crossReferenceProblems, type CatalogProblem } from './cross-references.ts';

export type { CatalogProblem } from './cross-references.ts';
export type LoadResult = { readonly ok: true; readonly catalog: Catalog } | { readonly ok: false; readonly problems: readonly CatalogProblem[] };

/** The package's data/ directory. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));
const cache = new Map<string, LoadResult>();

function formatPath(file: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`), file);
}

function readJson(dir: string, file: string, problems: CatalogProblem[]): unknown {
  let text: string;
  try {
    text = readFileSync(resolve(dir, file), 'utf8');
  } catch (error) {
    problems.push({ path: file, message: `cannot read file (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    problems.push({ path: file, message: `invalid JSON: ${(error as Error).message}` });
    return undefined;
  }
}

function loadUncached(dir: string): LoadResult {
  const problems: CatalogProblem[] = [];
  const parts: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(CATALOG_FILES)) {
    const { file, schema } = entry;
    if ('optional' in entry && entry.optional && !existsSync(resolve(dir, file))) continue;
    const raw = readJson(dir, file, problems);
    if (raw === undefined) continue;
    const parsed = (schema as z.ZodType).safeParse(raw);
    if (parsed.success) parts[key] = parsed.data;
    else for (const issue of parsed.error.issues) problems.push({ path: formatPath(file, issue.path), message: issue.message });
  }
  if (problems.length > 0) return { ok: false, problems };
  const catalog = parts as unknown as Catalog;
  const crossProblems = crossReferenceProblems(catalog);
  return crossProblems.length > 0 ? { ok: false, problems: crossProblems } : { ok: true, catalog };
}

/** Loads and validates the catalog in `dataDir` (default: the repo's data/), cached per resolved path. */
export function loadCatalog(dataDir: string = DEFAULT_DATA_DIR): LoadResult {
  const dir = resolve(dataDir);
  const cached = cache.get(dir);
  if (cached) return cached;
  const result = loadUncached(dir);
  cache.set(dir, result);
  return result;
}

/** Like loadCatalog, but throws an Error listing every problem (for scripts and startup). */
export function loadCatalogOrThrow(dataDir?: string): Catalog {
  const result = loadCatalog(dataDir);
  if (result.ok) return result.catalog;
  const lines = result.problems.map((p) => `  ${p.path}: ${p.message}`);
  throw new Error(`catalog in ${resolve(dataDir ?? DEFAULT_DATA_DIR)} has ${result.problems.length} problem(s):\n${lines.join('\n')}`);
}

/** Forgets cached results (tests that rewrite a directory). */
export function clearCatalogCache(): void {
  cache.clear();
}
