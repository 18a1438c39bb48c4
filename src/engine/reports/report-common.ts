/**
 * Shared pieces of the planning reports (TCO, crossover, batch efficiency, utilization curve): the best
 * candidate per platform from advise's ranking, platform labels, and the report's own assumptions.
 * Every report starts from `adviseInDetail`, so its prices, fleets and costs are advise's.
 */
import type { AdviceRequest, Assumption, Candidate } from '../advice-types.ts';
import type { SourceRef, Vendor } from '../catalog/types.ts';
import { ASSUMPTIONS_AS_OF } from '../recommend/assumptions.ts';
import type { Scored } from '../recommend/candidate.ts';

/** Who a row is about, and how far to trust its performance estimate. */
export interface PlatformLabel {
  readonly platform: string;
  readonly platformName: string;
  /** "B200", "MI355X", "H100 SXM", "TPU v6e": for verdicts, tables and chart labels. */
  readonly shortName: string;
  readonly vendor: Vendor;
  /** benchmarked (measured point nearby), calibrated (same platform, other model), spec-only (datasheet roofline). */
  readonly basis: Candidate['basis'];
}

export function labelOf(candidate: Candidate): PlatformLabel {
  return { platform: candidate.platform, platformName: candidate.platformName, shortName: shortPlatformName(candidate.platformName), vendor: candidate.vendor, basis: candidate.basis };
}

const VENDOR_PREFIX = /^(NVIDIA|AMD Instinct|AMD|Google Cloud|Google|AWS|Amazon|Intel)\s+/i;

/**
 * A platform's catalog name without vendor and packaging: the words up to the first one with a digit,
 * plus a following variant word (SXM, PCIe, NVL). "NVIDIA H100 SXM 80GB" -> "H100 SXM".
 */
export function shortPlatformName(name: string): string {
  const words = name.replace(/\s*\(.*\)\s*/g, ' ').trim().replace(VENDOR_PREFIX, '').split(/\s+/);
  const index = words.findIndex((w) => /\d/.test(w));
  if (index < 0) return words.join(' ');
  const next = words[index + 1];
  const variant = next !== undefined && /^(SXM\d?|PCIe|NVL)$/i.test(next) ? [next] : [];
  return [...words.slice(0, index + 1), ...variant].join(' ');
}

/** The first (cheapest) SLO-meeting candidate of each platform in advise's ranking order, filtered by `keep`. */
export function bestPerPlatform(ranked: readonly Scored[], keep: (s: Scored) => boolean = () => true): Scored[] {
  const seen = new Set<string>();
  const out: Scored[] = [];
  for (const s of ranked) {
    if (!s.candidate.meetsSlo || seen.has(s.candidate.platform) || !keep(s)) continue;
    seen.add(s.candidate.platform);
    out.push(s);
  }
  return out;
}

/**
 * Up to `count` platforms for a chart: the cheapest ones, with the best of every vendor kept in (the
 * question is "across chip makers"), in ranking order.
 */
export function leadingWithVendors<T extends { readonly candidate: Candidate }>(best: readonly T[], count: number): T[] {
  const vendorBest = new Set<T>();
  const vendors = new Set<Vendor>();
  for (const s of best) {
    if (vendors.has(s.candidate.vendor)) continue;
    vendors.add(s.candidate.vendor);
    vendorBest.add(s);
  }
  const picked = new Set<T>([...vendorBest].slice(0, count));
  for (const s of best) {
    if (picked.size >= count) break;
    picked.add(s);
  }
  return best.filter((s) => picked.has(s));
}

/** A tokcost method note as an assumption (estimate, dated). */
export function methodAssumption(name: string, value: string, note?: string): Assumption {
  const source: SourceRef = { title: 'tokcost report method (docs/reports.md)', asOf: ASSUMPTIONS_AS_OF, basis: 'estimate', ...(note ? { note } : {}) };
  return { name, value, source };
}

/** Platforms whose estimate rests on datasheets only (no measurement), by display name. */
export function specOnlyNames(labels: readonly PlatformLabel[]): string[] {
  return labels.filter((l) => l.basis === 'spec-only').map((l) => l.platformName);
}

/** Tokens of one request: input + output. */
export function totalTokensOf(request: AdviceRequest): number {
  return request.inputTokens + request.outputTokens;
}
