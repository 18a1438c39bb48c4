import type { ServingEngine } from '../catalog/types.ts';
import { type EngineMultipliers, type Efficiencies, PRIOR_EFFICIENCIES, PRIOR_ENGINE_MULTIPLIERS } from './efficiency.ts';

/** How an estimate is grounded: a measurement of this platform and model, of this platform only, or none. */
export type EstimateBasis = 'benchmarked' | 'calibrated' | 'spec-only';

export interface PlatformCalibration {
  readonly efficiencies: Efficiencies;
  readonly pointCount: number;
  /** Models with measured points on this platform. */
  readonly modelIds: readonly string[];
  /**
   * Saturated-throughput ratio quantiles (predicted / measured), p10 and p90, on rows held out by source
   * (this platform's, or its family's when it has too few): the range shown to users.
   */
  readonly ratioP10: number;
  readonly ratioP90: number;
}

/** p10 and p90 of predicted / measured over `count` held-out rows of one kind. */
export interface HeldOutBand {
  readonly ratioP10: number;
  readonly ratioP90: number;
  readonly count: number;
}

/**
 * Held-out error by kind of estimate: saturated throughput, and throughput, TPOT and TTFT at a set
 * concurrency or request rate below saturation (partial load). Measured leave-one-source-out.
 */
export interface HeldOutBands {
  readonly saturatedThroughput: HeldOutBand;
  readonly partialLoadThroughput: HeldOutBand;
  readonly partialLoadTpot: HeldOutBand;
  readonly partialLoadTtft: HeldOutBand;
}

export interface CalibrationTable {
  /** ISO date the fit was made, and the benchmark records it saw. */
  readonly fittedOn: string;
  readonly benchmarkCount: number;
  readonly platforms: Readonly<Record<string, PlatformCalibration>>;
  /** Fits of one (platform, serving engine) pair with enough points of its own; used before the platform's. */
  readonly platformEngines?: Readonly<Record<string, Readonly<Partial<Record<ServingEngine, PlatformCalibration>>>>>;
  readonly engineMultipliers: EngineMultipliers;
  /** Range for platforms with no measurement (spec-only): wider than any fitted one. */
  readonly specOnlyRatioP10: number;
  readonly specOnlyRatioP90: number;
  /**
   * Held-out bands (leave-one-source-out) for all rows and per platform family (`platformFamily`); kinds
   * with too few rows in a family are absent there and fall back to `all`.
   */
  readonly heldOutBands?: { readonly all: HeldOutBands; readonly byFamily: Readonly<Record<string, Partial<HeldOutBands>>> };
}

/**
 * The family whose held-out error an estimate borrows: the vendor and memory system of the platform.
 * Rows are too few for every chip to have its own partial-load band.
 */
export function platformFamily(accelerator: { readonly id: string; readonly vendor: string }): string {
  return accelerator.vendor.toLowerCase();
}

export const EMPTY_CALIBRATION: CalibrationTable = {
  fittedOn: 'none',
  benchmarkCount: 0,
  platforms: {},
  engineMultipliers: PRIOR_ENGINE_MULTIPLIERS,
  specOnlyRatioP10: 0.6,
  specOnlyRatioP90: 1.4,
};

/**
 * Platforms with no measurement of their own that share an architecture, memory system and software
 * stack with a fitted one: they borrow its efficiencies (fractions of their own datasheet peaks) rather
 * than the generic prior. B300/GB300 are Blackwell Ultra parts of the B200/GB200 design; the H100 PCIe/NVL
 * and H200 NVL are the same dies as their SXM parts at lower power and link speed.
 */
export const EFFICIENCY_SIBLINGS: Readonly<Record<string, string>> = {
  b300: 'b200',
  gb300: 'gb200',
  'h100-pcie': 'h100-sxm',
  'h100-nvl': 'h100-sxm',
  'h200-nvl': 'h200',
  // Same silicon, other clocks or links: MI350X is MI355X air-cooled; H800 is H100 SXM with cut NVLink;
  // RTX PRO 4500 is a smaller GB202-class Blackwell workstation part like the RTX PRO 6000.
  mi350x: 'mi355x',
  // MI325X is the MI300X's CDNA3 die and ROCm stack with 256 GB HBM3E at 6 TB/s: without this it would be
  // answered from the generic prior and look ~1.8x faster per GPU than the measured MI300X.
  mi325x: 'mi300x',
  // GH200's GPU is the H100 die (132 SMs, same tensor peaks) with 96 GB HBM3 at 4 TB/s beside a Grace CPU.
  gh200: 'h100-sxm',
  h800: 'h100-sxm',
  'rtx-pro-4500': 'rtx-pro-6000',
};

/** Multipliers on a point estimate that give its low and high ends (low <= 1 <= high). */
export interface RangeMultipliers {
  readonly low: number;
  readonly high: number;
}

/** Ranges by kind of figure, from held-out error of that kind on this platform's family. */
export interface EstimateRanges {
  readonly saturatedThroughput: RangeMultipliers;
  readonly partialLoadThroughput: RangeMultipliers;
  readonly partialLoadTpot: RangeMultipliers;
  readonly partialLoadTtft: RangeMultipliers;
}

export interface ResolvedEfficiencies {
  readonly efficiencies: Efficiencies;
  readonly engineMultiplier: number;
  readonly basis: EstimateBasis;
  /** The platform whose fit was borrowed (EFFICIENCY_SIBLINGS), when this one has none. */
  readonly efficienciesFrom?: string;
  /** Multipliers on the saturated throughput estimate giving its low/high range (measured / predicted quantiles). */
  readonly lowMultiplier: number;
  readonly highMultiplier: number;
  /** Ranges for each kind of figure (saturated or partial-load throughput, TPOT, TTFT). */
  readonly ranges: EstimateRanges;
}

/** A quantity's range from the held-out ratio band: true = predicted / ratio. */
function multipliersOf(band: { ratioP10: number; ratioP90: number }): RangeMultipliers {
  return { low: Math.min(1, 1 / band.ratioP90), high: Math.max(1, 1 / band.ratioP10) };
}

/**
 * Latency ranges: TPOT and TTFT grow when the model over-predicts throughput, so a latency ratio band
 * maps the same way (true = predicted / ratio). A spec-only platform gets the band widened by the
 * spec-only throughput band's spread, since no row of it was ever fitted.
 */
function rangesFor(table: CalibrationTable, family: string | undefined, saturated: { ratioP10: number; ratioP90: number }, specOnly: boolean): EstimateRanges {
  const all = table.heldOutBands?.all;
  const own = family ? table.heldOutBands?.byFamily[family] : undefined;
  const widen = (band: HeldOutBand | undefined, fallback: { ratioP10: number; ratioP90: number }): RangeMultipliers => {
    const chosen = band ?? fallback;
    if (!specOnly) return multipliersOf(chosen);
    return multipliersOf({ ratioP10: Math.min(chosen.ratioP10, table.specOnlyRatioP10), ratioP90: Math.max(chosen.ratioP90, table.specOnlyRatioP90) });
  };
  return {
    saturatedThroughput: multipliersOf(saturated),
    partialLoadThroughput: widen(own?.partialLoadThroughput ?? all?.partialLoadThroughput, saturated),
    partialLoadTpot: widen(own?.partialLoadTpot ?? all?.partialLoadTpot, saturated),
    partialLoadTtft: widen(own?.partialLoadTtft ?? all?.partialLoadTtft, saturated),
  };
}

/** The efficiencies, basis and range for (platform, model, engine) from a calibration table. */
export function resolveEfficiencies(table: CalibrationTable, acceleratorId: string, modelId: string, engine: ServingEngine, family?: string): ResolvedEfficiencies {
  const sibling = EFFICIENCY_SIBLINGS[acceleratorId];
  if (!table.platforms[acceleratorId] && sibling && table.platforms[sibling]) {
    const borrowed = resolveEfficiencies(table, sibling, modelId, engine, family);
    // Never 'benchmarked': nothing was measured on this platform itself.
    return { ...borrowed, basis: 'calibrated', efficienciesFrom: sibling };
  }
  const own = table.platformEngines?.[acceleratorId]?.[engine];
  const platform = own ?? table.platforms[acceleratorId];
  // A fit of this very engine already includes it; a platform-wide fit applies the engine's multiplier.
  const engineMultiplier = own ? 1 : (table.engineMultipliers[engine] ?? 1);
  if (!platform) {
    const specOnly = { ratioP10: table.specOnlyRatioP10, ratioP90: table.specOnlyRatioP90 };
    return {
      efficiencies: PRIOR_EFFICIENCIES,
      engineMultiplier,
      basis: 'spec-only',
      lowMultiplier: 1 / table.specOnlyRatioP90,
      highMultiplier: 1 / table.specOnlyRatioP10,
      ranges: rangesFor(table, family, specOnly, true),
    };
  }
  const saturated = multipliersOf(platform);
  return {
    efficiencies: platform.efficiencies,
    engineMultiplier,
    basis: platform.modelIds.includes(modelId) ? 'benchmarked' : 'calibrated',
    lowMultiplier: saturated.low,
    highMultiplier: saturated.high,
    ranges: rangesFor(table, family, platform, false),
  };
}
