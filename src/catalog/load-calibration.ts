/** EDGE: data/calibration.json (written by `npm run calibrate`) -> zod -> engine CalibrationTable. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { type CalibrationTable, EMPTY_CALIBRATION } from '../engine/performance/calibration.ts';

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

/**
 * The fitted calibration table. A missing file means nothing was fitted yet: every platform is then
 * estimated spec-only (said so in each estimate's basis). A malformed file is a defect and throws.
 */
export function loadCalibration(path: string = fileURLToPath(new URL('../../data/calibration.json', import.meta.url))): CalibrationTable {
  const cached = cache.get(path);
  if (cached) return cached;
  if (!existsSync(path)) return EMPTY_CALIBRATION;
  const parsed = CalibrationSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `calibration.json.${i.path.join('.')}: ${i.message}`);
    throw new Error(`data/calibration.json is invalid:\n${problems.join('\n')}`);
  }
  cache.set(path, parsed.data);
  return parsed.data;
}
