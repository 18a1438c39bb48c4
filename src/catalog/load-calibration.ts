/**
 * EDGE: data/calibration.json (written by `npm run calibrate`) -> zod -> engine CalibrationTable; bytes the
 * build validated already are read from its snapshot instead (validated-snapshot.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { type CalibrationTable, EMPTY_CALIBRATION } from '../engine/performance/calibration.ts';
import { BUNDLED_SNAPSHOT_DIR, contentDigest, readSnapshot } from './validated-snapshot.ts';

/** The package's data/calibration.json. */
export const DEFAULT_CALIBRATION_PATH = fileURLToPath(new URL('../../data/calibration.json', import.meta.url));
/** Snapshot kind of a calibration table. */
export const CALIBRATION_SNAPSHOT_KIND = 'calibration';

const fraction = z.number().positive().max(1.5);
const EfficienciesSchema = z.object({
  memoryBandwidthFraction: fraction,
  computeFraction: fraction,
  decodeComputeFraction: fraction,
  stepOverheadSeconds: z.number().positive().max(1),
});
const engines = z.object({ trtllm: z.number().positive(), vllm: z.number().positive(), sglang: z.number().positive(), other: z.number().positive() });
const PlatformSchema = z.object({
  efficiencies: EfficienciesSchema,
  pointCount: z.number().int().nonnegative(),
  modelIds: z.array(z.string()),
  ratioP10: z.number().positive(),
  ratioP90: z.number().positive(),
});
const BandSchema = z.object({ ratioP10: z.number().positive(), ratioP90: z.number().positive(), count: z.number().int().nonnegative() });
const BandsSchema = z.object({ saturatedThroughput: BandSchema, partialLoadThroughput: BandSchema, partialLoadTpot: BandSchema, partialLoadTtft: BandSchema });
const CalibrationSchema = z.object({
  fittedOn: z.string(),
  benchmarkCount: z.number().int().nonnegative(),
  platforms: z.record(z.string(), PlatformSchema),
  platformEngines: z.record(z.string(), z.partialRecord(z.enum(['trtllm', 'vllm', 'sglang', 'other']), PlatformSchema)).optional(),
  engineMultipliers: engines,
  specOnlyRatioP10: z.number().positive(),
  specOnlyRatioP90: z.number().positive(),
  // Held-out (leave-one-source-out) bands by kind of estimate; absent in tables fitted before 2026-12-03.
  heldOutBands: z.object({ all: BandsSchema, byFamily: z.record(z.string(), BandsSchema.partial()) }).optional(),
});

const cache = new Map<string, CalibrationTable>();

/** The digest of a calibration file's bytes, as snapshots are named. */
export function calibrationDigest(bytes: Uint8Array): string {
  return contentDigest([['calibration.json', bytes]]);
}

/** Validates a calibration file in full (no snapshot); a malformed table throws, naming every problem. */
export function validateCalibration(bytes: Buffer): CalibrationTable {
  const parsed = CalibrationSchema.safeParse(JSON.parse(bytes.toString('utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `calibration.json.${i.path.join('.')}: ${i.message}`);
    throw new Error(`data/calibration.json is invalid:\n${problems.join('\n')}`);
  }
  return parsed.data;
}

/**
 * The fitted calibration table. A missing file means nothing was fitted yet: every platform is then
 * estimated spec-only (said so in each estimate's basis). A malformed file is a defect and throws.
 * `snapshotDir`: where validated snapshots are looked up (default: the bundle's; null: always validate).
 */
export function loadCalibration(path: string = DEFAULT_CALIBRATION_PATH, snapshotDir: string | null = BUNDLED_SNAPSHOT_DIR): CalibrationTable {
  const key = `${path}\0${snapshotDir ?? ''}`;
  const cached = cache.get(key);
  if (cached) return cached;
  if (!existsSync(path)) return EMPTY_CALIBRATION;
  const bytes = readFileSync(path);
  const table = (readSnapshot(snapshotDir, CALIBRATION_SNAPSHOT_KIND, calibrationDigest(bytes)) as CalibrationTable | undefined) ?? validateCalibration(bytes);
  cache.set(key, table);
  return table;
}
