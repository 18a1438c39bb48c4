/**
 * `tokcost data refresh`: for each chosen source, read its response (network or `--from DIR`), parse
 * it into catalog records dated `asOf`, replace the records that source owns, and report the diff.
 * Unless it is a dry run, the changed files are then validated and swapped in whole (write-catalog.ts).
 * Any problem with any source stops the refresh before a byte is written.
 */
import { loadCatalog } from '../catalog/load-catalog.ts';
import type { Catalog } from '../engine/catalog/types.ts';
import { diffSource, type SourceDiff } from './diff.ts';
import { fetchText, readResponse, type FetchText } from './read-response.ts';
import { RefreshError, type CatalogFileKey, type PriceSource, type RecordOf } from './types.ts';
import { writeCatalogFiles } from './write-catalog.ts';

/** A response that would drop more than this share of a source's records is treated as partial. */
export const MAX_REMOVED_FRACTION = 0.5;

export interface RefreshOptions {
  readonly dataDir: string;
  readonly sources: readonly PriceSource[];
  /** True when the user named the sources: a missing recording is then an error, not a skip. */
  readonly sourcesNamed: boolean;
  readonly fromDir?: string;
  /** ISO date of the responses: today for a download, the recording's date for `--from`. */
  readonly asOf: string;
  readonly dryRun: boolean;
  readonly fetcher?: FetchText;
}

export interface RefreshOutcome {
  readonly diffs: readonly SourceDiff[];
  readonly notes: readonly string[];
  /** Files replaced; empty for a dry run or when nothing changed. */
  readonly written: readonly string[];
}

function withStableIds<K extends CatalogFileKey>(source: PriceSource<K>, owned: readonly RecordOf<K>[], fresh: readonly RecordOf<K>[], taken: Set<string>): RecordOf<K>[] {
  const oldIds = new Map(owned.map((r) => [source.keyOf(r), r.id]));
  return fresh.map((record) => {
    let id = oldIds.get(source.keyOf(record)) ?? record.id;
    for (let n = 2; taken.has(id); n++) id = `${record.id}-${n}`;
    taken.add(id);
    return { ...record, id };
  });
}

export async function refreshPrices(options: RefreshOptions): Promise<RefreshOutcome> {
  const loaded = loadCatalog(options.dataDir);
  if (!loaded.ok) throw new RefreshError('catalog', options.dataDir, `the current catalog does not validate (${loaded.problems[0]?.path}: ${loaded.problems[0]?.message}); fix it before refreshing`);
  const catalog: Catalog = loaded.catalog;
  const files: Record<CatalogFileKey, readonly RecordOf<CatalogFileKey>[]> = { prices: catalog.prices, apiPrices: catalog.apiPrices };
  const touched = new Set<CatalogFileKey>();
  const diffs: SourceDiff[] = [];
  const notes: string[] = [];
  for (const source of options.sources) {
    const response = await readResponse(source, options.fromDir, options.fetcher ?? fetchText);
    if (response === null) {
      if (options.sourcesNamed) throw new RefreshError(source.name, `${options.fromDir}/${source.recordedFile}`, 'no recorded response there');
      notes.push(`${source.name}: skipped, no recorded response ${source.recordedFile} in ${options.fromDir}`);
      continue;
    }
    const parsed = source.parse(response.text, { accelerators: catalog.accelerators, models: catalog.models, asOf: options.asOf, origin: response.origin });
    const current = files[source.file];
    const owned = current.filter((r) => source.owns(r as never));
    const kept = current.filter((r) => !source.owns(r as never));
    const fresh = withStableIds(source, owned as never, parsed.records as never, new Set(kept.map((r) => r.id)));
    const diff = diffSource(source, owned as never, fresh as never);
    if (owned.length >= 4 && diff.removed.length > MAX_REMOVED_FRACTION * owned.length) {
      throw new RefreshError(source.name, 'response', `would remove ${diff.removed.length} of the ${owned.length} prices it supplies; a partial or truncated response? Nothing was written`);
    }
    diffs.push(diff);
    if (parsed.skippedRows > 0) notes.push(`${source.name}: ${parsed.skippedRows} listing(s) for hardware or models tokcost does not price, left out`);
    files[source.file] = [...kept, ...fresh];
    touched.add(source.file);
  }
  if (options.dryRun || touched.size === 0) return { diffs, notes, written: [] };
  const updates = Object.fromEntries([...touched].map((key) => [key, files[key]]));
  return { diffs, notes, written: writeCatalogFiles(options.dataDir, catalog, updates) };
}
