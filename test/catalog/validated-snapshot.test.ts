/**
 * The build's validated snapshots (src/catalog/validated-snapshot.ts): a start reads the snapshot made
 * for exactly the bytes on disk, and data changed after the build (a refresh, an edit) is validated
 * again, never answered from a stale snapshot.
 */
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { clearCatalogCache, loadCatalog } from '../../src/catalog/index.ts';
import { loadCalibration } from '../../src/catalog/load-calibration.ts';
import { CATALOG_SNAPSHOT_KIND, validateCatalog } from '../../src/catalog/load-catalog.ts';
import { contentDigest, writeSnapshot } from '../../src/catalog/validated-snapshot.ts';
import { writeSnapshots } from '../../src/catalog/write-snapshots.ts';

const VALID = fileURLToPath(new URL('../fixtures/catalog/valid/', import.meta.url));
const CALIBRATION = fileURLToPath(new URL('../../data/calibration.json', import.meta.url));
const dirs: string[] = [];

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** A copy of the valid fixture catalog and a snapshot directory made for it by the build step. */
function snapshotted(): { data: string; snapshots: string } {
  const data = tempDir('tokcost-snap-data-');
  cpSync(VALID, data, { recursive: true });
  const snapshots = tempDir('tokcost-snap-');
  expect(writeSnapshots(snapshots, data, CALIBRATION)).toEqual([]);
  return { data, snapshots };
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  clearCatalogCache();
});

describe('validated snapshots', () => {
  it('the build step snapshots the catalog and the calibration as validation returned them', () => {
    const { data, snapshots } = snapshotted();
    expect(readdirSync(snapshots).sort().map((f) => f.replace(/-[0-9a-f]{64}\.json$/, ''))).toEqual(['calibration', 'catalog']);
    const fromSnapshot = loadCatalog(data, snapshots);
    const validated = loadCatalog(data, null);
    expect(fromSnapshot.ok && validated.ok).toBe(true);
    expect(fromSnapshot).not.toBe(validated);
    expect(fromSnapshot).toStrictEqual(validated);
    expect(JSON.stringify(fromSnapshot)).toBe(JSON.stringify(validated)); // key order too
    expect(loadCalibration(CALIBRATION, snapshots)).toStrictEqual(loadCalibration(CALIBRATION, null));
  });

  it('reads the snapshot named by the digest of the bytes on disk instead of validating', () => {
    const { data, snapshots } = snapshotted();
    const { digest, ...validated } = validateCatalog(data);
    if (!validated.ok || digest === null) throw new Error('fixture does not validate');
    // A marked snapshot for the same bytes shows which path answered.
    writeSnapshot(snapshots, CATALOG_SNAPSHOT_KIND, digest, { ...validated.catalog, accelerators: validated.catalog.accelerators.slice(0, 1) });
    const result = loadCatalog(data, snapshots);
    expect(result.ok && result.catalog.accelerators.map((a) => a.id)).toEqual(['h100-sxm']);
  });

  it('validates data changed after the build: one more byte, or a bad value, finds no snapshot', () => {
    const { data, snapshots } = snapshotted();
    appendFileSync(join(data, 'models.json'), '\n');
    const reformatted = loadCatalog(data, snapshots);
    expect(reformatted).toStrictEqual(loadCatalog(data, null));

    clearCatalogCache();
    const prices = JSON.parse(readFileSync(join(data, 'prices.json'), 'utf8'));
    prices[0].dollarsPerGpuHour = -1;
    writeFileSync(join(data, 'prices.json'), JSON.stringify(prices));
    const broken = loadCatalog(data, snapshots);
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.problems.map((p) => p.path)).toContain('prices.json[0].dollarsPerGpuHour');
  });

  it('writes no snapshot for data that does not validate, and says so', () => {
    const data = tempDir('tokcost-snap-data-');
    cpSync(VALID, data, { recursive: true });
    writeFileSync(join(data, 'energy.json'), '{ not json');
    const snapshots = tempDir('tokcost-snap-');
    const notes = writeSnapshots(snapshots, data, CALIBRATION);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^data\/ has 1 problem\(s\) \(first: energy\.json: invalid JSON.*no catalog snapshot/);
    expect(readdirSync(snapshots).filter((f) => f.startsWith('catalog-'))).toEqual([]);
  });

  it('refuses a value JSON would not carry back exactly', () => {
    const snapshots = tempDir('tokcost-snap-');
    expect(writeSnapshot(snapshots, 'x', 'd', { a: 1, b: undefined })).toBe(false);
    expect(writeSnapshot(snapshots, 'x', 'd', { a: -0 })).toBe(false);
    expect(writeSnapshot(snapshots, 'x', 'd', { a: [1, 'two', null] })).toBe(true);
  });

  it('digests names and bytes so that moving bytes between parts changes the digest', () => {
    const bytes = (s: string) => Buffer.from(s);
    expect(contentDigest([['a', bytes('xy')], ['b', bytes('z')]])).not.toBe(contentDigest([['a', bytes('x')], ['b', bytes('yz')]]));
    expect(contentDigest([['a', bytes('x')]])).toBe(contentDigest([['a', bytes('x')]]));
  });
});
