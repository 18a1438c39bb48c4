/**
 * EDGE: reads data/*.json, validates each file with zod and the files against each other, and returns
 * the engine's plain Catalog or every problem found, each with its JSON path
 * (`accelerators.json[3].memoryBytes: expected positive number`). Results are cached per directory.
 * Bytes the build validated already are read from its snapshot instead (validated-snapshot.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as z from 'zod';
import type { Catalog } from '../engine/catalog/types.ts';
import { CATALOG_FILES } from './schemas.ts';
import { crossReferenceProblems, type CatalogProblem } from './cross-references.ts';
import { BUNDLED_SNAPSHOT_DIR, contentDigest, readSnapshot } from './validated-snapshot.ts';

export type { CatalogProblem } from './cross-references.ts';
export type LoadResult = { readonly ok: true; readonly catalog: Catalog } | { readonly ok: false; readonly problems: readonly CatalogProblem[] };

/** The package's data/ directory. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));
/** Snapshot kind of a whole catalog directory. */
export const CATALOG_SNAPSHOT_KIND = 'catalog';
const cache = new Map<string, LoadResult>();

type CatalogKey = keyof typeof CATALOG_FILES;
/** Each file's bytes, or why it could not be read; optional files that are absent are left out. */
type CatalogTexts = ReadonlyMap<CatalogKey, { readonly bytes: Buffer } | { readonly readProblem: string }>;

function formatPath(file: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`), file);
}

function readTexts(dir: string): CatalogTexts {
  const texts = new Map<CatalogKey, { bytes: Buffer } | { readProblem: string }>();
  for (const [key, entry] of Object.entries(CATALOG_FILES) as [CatalogKey, (typeof CATALOG_FILES)[CatalogKey]][]) {
    if ('optional' in entry && entry.optional && !existsSync(resolve(dir, entry.file))) continue;
    try {
      texts.set(key, { bytes: readFileSync(resolve(dir, entry.file)) });
    } catch (error) {
      texts.set(key, { readProblem: `cannot read file (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
    }
  }
  return texts;
}

/** Digest of the files read (names and exact bytes, CATALOG_FILES order); null when one could not be read. */
function digestOf(texts: CatalogTexts): string | null {
  const parts: [string, Buffer][] = [];
  for (const [key, read] of texts) {
    if (!('bytes' in read)) return null;
    parts.push([CATALOG_FILES[key].file, read.bytes]);
  }
  return contentDigest(parts);
}

/** zod per file, then the cross-file checks: the catalog, or every problem with its path. */
function validate(texts: CatalogTexts): LoadResult {
  const problems: CatalogProblem[] = [];
  const parts: Record<string, unknown> = {};
  for (const [key, read] of texts) {
    const { file, schema } = CATALOG_FILES[key];
    if (!('bytes' in read)) {
      problems.push({ path: file, message: read.readProblem });
      continue;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(read.bytes.toString('utf8'));
    } catch (error) {
      problems.push({ path: file, message: `invalid JSON: ${(error as Error).message}` });
      continue;
    }
    const parsed = (schema as z.ZodType).safeParse(raw);
    if (parsed.success) parts[key] = parsed.data;
    else for (const issue of parsed.error.issues) problems.push({ path: formatPath(file, issue.path), message: issue.message });
  }
  if (problems.length > 0) return { ok: false, problems };
  const catalog = parts as unknown as Catalog;
  const crossProblems = crossReferenceProblems(catalog);
  return crossProblems.length > 0 ? { ok: false, problems: crossProblems } : { ok: true, catalog };
}

/**
 * Validates the catalog in `dataDir` in full (no snapshot), with the digest of the bytes validated, for
 * the build to snapshot (write-snapshots.ts).
 */
export function validateCatalog(dataDir: string = DEFAULT_DATA_DIR): LoadResult & { readonly digest: string | null } {
  const texts = readTexts(resolve(dataDir));
  return { ...validate(texts), digest: digestOf(texts) };
}

function loadUncached(dir: string, snapshotDir: string | null): LoadResult {
  const texts = readTexts(dir);
  const digest = digestOf(texts);
  const trusted = digest === null ? undefined : readSnapshot(snapshotDir, CATALOG_SNAPSHOT_KIND, digest);
  return trusted === undefined ? validate(texts) : { ok: true, catalog: trusted as Catalog };
}

/**
 * Loads and validates the catalog in `dataDir` (default: the repo's data/), cached per resolved path.
 * `snapshotDir`: where validated snapshots are looked up (default: the bundle's; null: always validate).
 */
export function loadCatalog(dataDir: string = DEFAULT_DATA_DIR, snapshotDir: string | null = BUNDLED_SNAPSHOT_DIR): LoadResult {
  const dir = resolve(dataDir);
  const key = `${dir}\0${snapshotDir ?? ''}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const result = loadUncached(dir, snapshotDir);
  cache.set(key, result);
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
