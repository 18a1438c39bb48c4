/**
 * Creates the folder a store file lives in, one level at a time. Node's `mkdirSync(..., { recursive: true })`
 * loops forever on paths under /proc (ENOENT from a folder that exists), so a path that cannot exist
 * must fail here with its reason instead of spinning.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const MAX_DEPTH = 64;

export function ensureFolderFor(filePath: string): void {
  const missing: string[] = [];
  let folder = dirname(resolve(filePath));
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    try {
      if (!statSync(folder).isDirectory()) throw Object.assign(new Error(`${folder} is not a folder`), { code: 'ENOTDIR' });
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== 'ENOENT') throw error;
      missing.unshift(folder);
      const parent = dirname(folder);
      if (parent === folder) break;
      folder = parent;
    }
  }
  for (const dir of missing) {
    try {
      mkdirSync(dir);
    } catch (error) {
      if ((error as { code?: string }).code === 'EEXIST') continue;
      throw Object.assign(new Error(`cannot create the folder ${dir} (${(error as { code?: string }).code ?? 'error'})`), { code: (error as { code?: string }).code });
    }
  }
}
