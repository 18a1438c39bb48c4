/**
 * Validated snapshots of data files, so a start of the compiled CLI parses the bundled data without
 * running zod over it (about 90 ms of a cold start, most of it on benchmarks.json, which no answer reads).
 *
 * `npm run build` validates data/ in full (dist/catalog/write-snapshots.js) and writes what validation
 * returned to dist/snapshots/<kind>-<digest>.json, where the digest is a SHA-256 of the exact bytes
 * validated. A loader digests the bytes it read and uses a snapshot only under that exact name: data
 * changed since the build (`tokcost data refresh`, an edit, a checkout) has another digest, finds no
 * snapshot and is validated as before. The directory sits next to the bundle (../snapshots/ from
 * dist/chunks/), so the sources run through tsx (src/snapshots/ never exists) always validate, and a
 * snapshot is only ever trusted by the build's own validator.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

/** The bundle's snapshot directory (dist/snapshots/ from dist/chunks/). */
export const BUNDLED_SNAPSHOT_DIR = fileURLToPath(new URL('../snapshots/', import.meta.url));

/** SHA-256 over each part's name and exact bytes, length-prefixed so no two different inputs collide by concatenation. */
export function contentDigest(parts: Iterable<readonly [name: string, bytes: Uint8Array]>): string {
  const hash = createHash('sha256');
  for (const [name, bytes] of parts) hash.update(`${name.length}:${name}${bytes.byteLength}:`).update(bytes);
  return hash.digest('hex');
}

function snapshotFile(snapshotDir: string, kind: string, digest: string): string {
  return join(snapshotDir, `${kind}-${digest}.json`);
}

/** What validation returned for exactly these bytes, or undefined when no snapshot was written for them. */
export function readSnapshot(snapshotDir: string | null, kind: string, digest: string): unknown {
  if (snapshotDir === null) return undefined;
  let text: string;
  try {
    text = readFileSync(snapshotFile(snapshotDir, kind, digest), 'utf8');
  } catch {
    return undefined;
  }
  return JSON.parse(text);
}

/**
 * Writes a validated value under its digest, if JSON carries it exactly (no undefined-valued keys, no -0):
 * a snapshot must read back as what validation returned (key order is kept by JSON itself). Returns
 * whether it was written.
 */
export function writeSnapshot(snapshotDir: string, kind: string, digest: string, value: unknown): boolean {
  const text = JSON.stringify(value);
  if (!isDeepStrictEqual(JSON.parse(text), value)) return false;
  mkdirSync(snapshotDir, { recursive: true });
  writeFileSync(snapshotFile(snapshotDir, kind, digest), text);
  return true;
}
