import type { ServingEngine } from '../catalog/types.ts';
import { type EngineMultipliers, type Efficiencies, PRIOR_EFFICIENCIES, PRIOR_ENGINE_MULTIPLIERS } from './efficiency.ts';

/** How an estimate is grounded: a measurement of this platform and model, of this platform only, or none. */
export type EstimateBasis = 'benchmarked' | 'calibrated' | 'spec-only';

export interface PlatformCalibration {
  readonly efficiencies: Efficiencies;
  readonly pointCount: number;
  /** Models with measured points on this platform. */
  readonly modelIds: readonly string[];
  /** Cross-validated ratio quantiles (predicted / measured), p10 and p90: the range shown to users. */
  readonly ratioP10: number;
  readonly ratioP90: number;
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
  h800: 'h100-sxm',
  'rtx-pro-4500': 'rtx-pro-6000',
};

export interface ResolvedEfficiencies {
  readonly efficiencies: Efficiencies;
  readonly engineMultiplier: number;
  readonly basis: EstimateBasis;
  /** The platform whose fit was borrowed (EFFICIENCY_SIBLINGS), when this one has none. */
  readonly efficienciesFrom?: string;
  /** Multipliers on the point estimate giving the low/high range (measured / predicted quantiles). */
  readonly lowMultiplier: number;
  readonly highMultiplier: number;
}

/** The efficiencies, basis and range for (platform, model, engine) from a calibration table. */
export function resolveEfficiencies(table: CalibrationTable, acceleratorId: string, modelId: string, engine: ServingEngine): ResolvedEfficiencies {
  const sibling = EFFICIENCY_SIBLINGS[acceleratorId];
  if (!table.platforms[acceleratorId] && sibling && table.platforms[sibling]) {
    const borrowed = resolveEfficiencies(table, sibling, modelId, engine);
    // Never 'benchmarked': nothing was measured on this platform itself.
    return { ...borrowed, basis: 'calibrated', efficienciesFrom: sibling };
  }
  const own = table.platformEngines?.[acceleratorId]?.[engine];
  const platform = own ?? table.platforms[acceleratorId];
  // A fit of this very engine already includes it; a platform-wide fit applies the engine's multiplier.
  const engineMultiplier = own ? 1 : (table.engineMultipliers[engine] ?? 1);
  if (!platform) {
    return {
      efficiencies: PRIOR_EFFICIENCIES,
      engineMultiplier,
      basis: 'spec-only',
      lowMultiplier: 1 / table.specOnlyRatioP90,
      highMultiplier: 1 / table.specOnlyRatioP10,
    };
  }
  return {
    efficiencies: platform.efficiencies,
    engineMultiplier,
    basis: platform.modelIds.includes(modelId) ? 'benchmarked' : 'calibrated',
    lowMultiplier: Math.min(1, 1 / platform.ratioP90),
    highMultiplier: Math.max(1, 1 / platform.ratioP10),
  };
}
