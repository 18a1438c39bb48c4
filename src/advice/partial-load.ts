/**
 * Which platform is most efficient under partial load, and why, from the utilization curve's numbers:
 * the cheapest at 30 % load, compared with the runner-up by its full-load cost and by how much of that
 * cost partial load adds (cost at 30 % over cost at 100 %), and by the provisioning policy that got it
 * there. Every clause of the sentence is chosen by comparing the figures it cites.
 */
import type { CurvePlatform } from '../engine/reports/utilization-curve.ts';
import { formatDollars } from '../format.ts';

export const PARTIAL_LOAD_FRACTION = 0.3;
export const LOAD_LEVELS: readonly number[] = [0.1, 0.3, 0.6, 1];

export interface PlatformAtLoads {
  readonly platform: string;
  readonly shortName: string;
  readonly vendor: string;
  readonly basis: string;
  readonly policy: string;
  readonly servingMode: string;
  /** Effective $ per 1M output tokens at each of LOAD_LEVELS (mean load / reference capacity). */
  readonly costs: readonly { readonly loadFraction: number; readonly dollarsPerMillionOutputTokens: number }[];
  /** Cost at 30 % load over cost at 100 %: what partial load adds. */
  readonly partialLoadMultiplier: number;
}

export interface PartialLoadLeader {
  readonly platform: string;
  readonly shortName: string;
  readonly dollarsPerMillionOutputTokens: number;
  readonly why: string;
}

function costNear(p: CurvePlatform, fraction: number): number {
  let best = p.points[0]!;
  for (const point of p.points) if (Math.abs(point.loadFraction - fraction) < Math.abs(best.loadFraction - fraction)) best = point;
  return best.effectiveDollarsPerMillionOutputTokens;
}

export function platformAtLoads(p: CurvePlatform): PlatformAtLoads {
  const costs = LOAD_LEVELS.map((f) => ({ loadFraction: f, dollarsPerMillionOutputTokens: costNear(p, f) }));
  return {
    platform: p.platform, shortName: p.shortName, vendor: p.vendor, basis: p.basis, policy: p.policy, servingMode: p.servingMode,
    costs,
    partialLoadMultiplier: costNear(p, PARTIAL_LOAD_FRACTION) / costNear(p, 1),
  };
}

const at = (p: PlatformAtLoads, f: number): number => p.costs.find((c) => c.loadFraction === f)!.dollarsPerMillionOutputTokens;
const times = (x: number): string => `${x.toFixed(1)}x`;

function policyClause(leader: PlatformAtLoads, other: PlatformAtLoads): string {
  if (leader.policy === other.policy) return '';
  const idle = leader.policy === 'static-peak' ? '' : ` (${leader.policy}: GPUs follow the load instead of staying sized for the peak)`;
  return idle ? `; its cheapest policy is ${leader.policy} vs ${other.policy} for ${other.shortName}${idle}` : '';
}

/** The cheapest platform at 30 % load and the computed reason, or null with fewer than two platforms. */
export function partialLoadLeader(platforms: readonly PlatformAtLoads[]): PartialLoadLeader | null {
  if (platforms.length < 2) return null;
  const ranked = [...platforms].sort((a, b) => at(a, PARTIAL_LOAD_FRACTION) - at(b, PARTIAL_LOAD_FRACTION));
  const [leader, next] = [ranked[0]!, ranked[1]!];
  const [lFull, nFull] = [at(leader, 1), at(next, 1)];
  const [lMul, nMul] = [leader.partialLoadMultiplier, next.partialLoadMultiplier];
  const pct = Math.round(PARTIAL_LOAD_FRACTION * 100);
  let because: string;
  if (lFull <= nFull && lMul <= nMul) {
    because = `it is cheaper at full load too (${formatDollars(lFull)} vs ${formatDollars(nFull)}) and partial load adds less (${times(lMul)} its full-load cost at ${pct} % vs ${times(nMul)} for ${next.shortName})`;
  } else if (lMul < nMul) {
    because = `${next.shortName} is cheaper at full load (${formatDollars(nFull)} vs ${formatDollars(lFull)}) but partial load costs it more (${times(nMul)} at ${pct} % vs ${times(lMul)})`;
  } else {
    because = `its full-load cost is low enough (${formatDollars(lFull)} vs ${formatDollars(nFull)} for ${next.shortName}) to absorb a steeper rise at ${pct} % load (${times(lMul)} vs ${times(nMul)})`;
  }
  return {
    platform: leader.platform,
    shortName: leader.shortName,
    dollarsPerMillionOutputTokens: at(leader, PARTIAL_LOAD_FRACTION),
    why: `${leader.shortName} is cheapest at ${pct} % load (${formatDollars(at(leader, PARTIAL_LOAD_FRACTION))} vs ${formatDollars(at(next, PARTIAL_LOAD_FRACTION))} for ${next.shortName}): ${because}${policyClause(leader, next)}.`,
  };
}
