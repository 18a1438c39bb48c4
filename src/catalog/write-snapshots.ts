/**
 * Build step (scripts/build.mjs imports it from dist/catalog/): validates data/ and data/calibration.json
 * in full with the bundle's own validators and snapshots what they return under the digest of the bytes
 * validated (validated-snapshot.ts). Data that does not validate gets no snapshot, so every start
 * validates it and reports its problems as before.
 */
import { existsSync, readFileSync } from 'node:fs';
import { CALIBRATION_SNAPSHOT_KIND, calibrationDigest, DEFAULT_CALIBRATION_PATH, validateCalibration } from './load-calibration.ts';
import { CATALOG_SNAPSHOT_KIND, DEFAULT_DATA_DIR, validateCatalog } from './load-catalog.ts';
import { BUNDLED_SNAPSHOT_DIR, writeSnapshot } from './validated-snapshot.ts';

/** Writes the snapshots; returns a line for each one that could not be written, and why. */
export function writeSnapshots(snapshotDir: string = BUNDLED_SNAPSHOT_DIR, dataDir: string = DEFAULT_DATA_DIR, calibrationPath: string = DEFAULT_CALIBRATION_PATH): string[] {
  const notes: string[] = [];
  const catalog = validateCatalog(dataDir);
  if (!catalog.ok) notes.push(`data/ has ${catalog.problems.length} problem(s) (first: ${catalog.problems[0]?.path}: ${catalog.problems[0]?.message}); no catalog snapshot, so each start validates it`);
  else if (catalog.digest === null || !writeSnapshot(snapshotDir, CATALOG_SNAPSHOT_KIND, catalog.digest, catalog.catalog)) notes.push('the catalog does not survive a JSON round trip; no snapshot, so each start validates it');
  if (existsSync(calibrationPath)) {
    const bytes = readFileSync(calibrationPath);
    try {
      if (!writeSnapshot(snapshotDir, CALIBRATION_SNAPSHOT_KIND, calibrationDigest(bytes), validateCalibration(bytes))) notes.push('the calibration table does not survive a JSON round trip; no snapshot');
    } catch (error) {
      notes.push(`${(error as Error).message.split('\n')[0]}; no calibration snapshot`);
    }
  }
  return notes;
}
