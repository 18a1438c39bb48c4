/**
 * Writes refreshed catalog files all-or-nothing: every new file is validated first (its zod schema,
 * then the cross-file checks on the catalog it would make), written to a temp file beside the real one,
 * and only then renamed over it. A problem leaves every file byte-for-byte as it was.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as z from 'zod';
import { crossReferenceProblems } from '../catalog/cross-references.ts';
import { clearCatalogCache } from '../catalog/load-catalog.ts';
import { CATALOG_FILES } from '../catalog/schemas.ts';
import type { Catalog } from '../engine/catalog/types.ts';
import type { CatalogFileKey } from './types.ts';

export class CatalogWriteError extends Error {}

export function writeCatalogFiles(dataDir: string, catalog: Catalog, updates: Partial<Record<CatalogFileKey, readonly unknown[]>>): string[] {
  const keys = Object.keys(updates) as CatalogFileKey[];
  const problems: string[] = [];
  for (const key of keys) {
    const check = (CATALOG_FILES[key].schema as z.ZodType).safeParse(updates[key]);
    if (!check.success) for (const issue of check.error.issues.slice(0, 10)) problems.push(`${CATALOG_FILES[key].file}${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}: ${issue.message}`);
  }
  if (problems.length === 0) for (const p of crossReferenceProblems({ ...catalog, ...updates } as Catalog)) problems.push(`${p.path}: ${p.message}`);
  if (problems.length > 0) throw new CatalogWriteError(`the refreshed catalog does not validate, nothing was written:\n  ${problems.join('\n  ')}`);

  const temps: [string, string][] = [];
  try {
    for (const key of keys) {
      const target = join(dataDir, CATALOG_FILES[key].file);
      const temp = `${target}.refresh-${process.pid}.tmp`;
      writeFileSync(temp, `${JSON.stringify(updates[key], null, 2)}\n`);
      temps.push([temp, target]);
    }
  } catch (error) {
    for (const [temp] of temps) rmSync(temp, { force: true });
    throw new CatalogWriteError(`cannot write the refreshed catalog, nothing was changed: ${(error as Error).message}`);
  }
  for (const [temp, target] of temps) renameSync(temp, target);
  clearCatalogCache();
  return temps.map(([, target]) => target);
}
