/**
 * Bounds on workspace settings, each with its reason: a value outside them is almost surely a typo
 * (cents for dollars, a node's price for one GPU's) and would make every answer in the workspace
 * confidently wrong, so it is refused with the bound and an example that works.
 */

export interface SettingBound {
  readonly min: number;
  readonly max: number;
  readonly unit: string;
  readonly why: string;
  readonly example: string;
}

export const GPU_PRICE_BOUND: SettingBound = {
  min: 0.05,
  max: 100,
  unit: '$ per GPU-hour',
  // data/prices.json (SkyPilot catalogs, SemiAnalysis tiers, 2025-01 to 2026): cheapest TPU v5e spot $0.24, dearest GB300 on demand $18.
  why: 'the catalog’s rentals run from $0.24 (TPU v5e spot) to $18 (GB300 on demand) per GPU-hour, and even the electricity for a data-center GPU costs about $0.05 an hour',
  example: '`/tokcost set price h100-sxm 2.10`',
};

export const POWER_PRICE_BOUND: SettingBound = {
  min: 0.01,
  max: 1,
  unit: '$ per kWh',
  // data/energy.json: US industrial average 8.06 c/kWh (EIA 2023), data-center states 6.4-9.0 c, California 18.6 c.
  why: 'industrial electricity costs 6-19 cents per kWh in the US (EIA 2023), and nowhere near 1 cent or a dollar',
  example: '`/tokcost set power 0.12`',
};

/** Undefined when `value` is within `bound`; otherwise the sentence saying why it was refused. */
export function outOfBounds(what: string, value: number, bound: SettingBound): string | undefined {
  if (Number.isFinite(value) && value >= bound.min && value <= bound.max) return undefined;
  const shown = Number.isFinite(value) ? String(value) : 'that';
  return `Not saved: ${what} of ${shown} ${bound.unit} is outside ${bound.min}–${bound.max} ${bound.unit}, because ${bound.why}. For example: ${bound.example}.`;
}
