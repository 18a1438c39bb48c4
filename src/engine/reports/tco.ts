/**
 * TCO across vendors: for one model and workload, per platform, the price per million tokens (input,
 * output, total), energy per token, and what a GB of HBM and of KV cache costs per hour, rented and owned.
 *
 * Every figure starts from advise's best SLO-meeting candidate of the platform (same fleet, same prices):
 *   total $/M tokens      = advise's effective $/M total tokens = fleet $ / (input + output tokens served)
 *   input  $/M tokens     = fleet $ x prefillShare / input tokens served
 *   output $/M tokens     = fleet $ x (1 - prefillShare) / output tokens served
 *   prefillShare          = share of the configuration's GPU time spent on prefill at full load (gpu-time-split.ts)
 *   J / token             = fleet energy (P(u) = Pidle + (Pfull - Pidle) u, x PUE) / tokens (advise's J / output token)
 *   $/h per GB HBM        = paid $/GPU-hour / HBM GB per GPU
 *   $/h per GB KV cache   = paid $/GPU-hour / (usable HBM - weights - runtime reserve) GB per GPU
 * Pure.
 */
import type { AdviceReport, AdviceRequest, Assumption, Candidate, Pricing } from '../advice-types.ts';
import { adviseInDetail } from '../advise.ts';
import { findAccelerator } from '../catalog/lookup.ts';
import type { Catalog } from '../catalog/types.ts';
import type { CalibrationTable } from '../performance/calibration.ts';
import { replicaSpecOf } from '../recommend/evaluate-platform.ts';
import { memoryRoomBytes, prefillGpuTimeFraction } from './gpu-time-split.ts';
import { bestPerPlatform, labelOf, methodAssumption, type PlatformLabel } from './report-common.ts';
import { money } from '../recommend/wording.ts';

export interface TcoFigures {
  readonly pricing: Pricing['kind'];
  readonly servingMode: Candidate['servingMode'];
  readonly policy: Candidate['policy'];
  readonly precision: Candidate['precision'];
  readonly gpusPerReplica: number;
  readonly meanGpuCount: number;
  readonly peakGpuCount: number;
  /** Paid $ per GPU-hour (rented: blended over policies' prices; owned: capital + power per paid hour). */
  readonly dollarsPerGpuHour: number;
  readonly dollarsPerMonth: number;
  /** Share of GPU time on prefill at full load: the input/output split. */
  readonly prefillGpuTimeFraction: number;
  readonly dollarsPerMillionInputTokens: number;
  readonly dollarsPerMillionOutputTokens: number;
  readonly dollarsPerMillionTotalTokens: number;
  /** advise's figure: all fleet dollars over output tokens only. */
  readonly effectiveDollarsPerMillionOutputTokens: number;
  readonly fullLoadDollarsPerMillionTotalTokens: number;
  readonly meanUtilizationFraction: number;
  readonly joulesPerOutputToken: number;
  readonly joulesPerTotalToken: number;
  readonly hbmGigabytesPerGpu: number;
  readonly dollarsPerHourPerHbmGigabyte: number;
  readonly kvCacheGigabytesPerGpu: number;
  readonly dollarsPerHourPerKvCacheGigabyte: number;
}

export interface TcoRow extends PlatformLabel {
  readonly rented: TcoFigures | null;
  readonly owned: TcoFigures | null;
}

export interface TcoReport {
  readonly kind: 'tco';
  readonly request: AdviceRequest;
  /** The pricing the request asked for (its figures equal advise's); the other is shown beside it. */
  readonly primaryPricing: Pricing['kind'];
  /** Cheapest first by the primary pricing's total $/M tokens; platforms priced under neither are left out. */
  readonly rows: readonly TcoRow[];
  /** Platforms without a price or without a configuration meeting the targets, per pricing. */
  readonly unavailable: readonly { readonly platform: string; readonly pricing: Pricing['kind']; readonly reason: string }[];
  readonly verdict: string;
  readonly assumptions: readonly Assumption[];
}

const GB = 1e9;

export function tcoReport(request: AdviceRequest, catalog: Catalog, calibration: CalibrationTable): TcoReport {
  const primaryPricing = request.pricing.kind;
  const other: Pricing = primaryPricing === 'owned' ? { kind: 'rented' } : { kind: 'owned' };
  const primary = figuresByPlatform(request, catalog, calibration);
  const secondary = figuresByPlatform({ ...request, pricing: other }, catalog, calibration);
  const ids = [...primary.figures.keys(), ...[...secondary.figures.keys()].filter((id) => !primary.figures.has(id))];
  const rows: TcoRow[] = ids.map((id) => {
    const label = primary.labels.get(id) ?? secondary.labels.get(id)!;
    const mine = primary.figures.get(id) ?? null;
    const theirs = secondary.figures.get(id) ?? null;
    return { ...label, rented: primaryPricing === 'rented' ? mine : theirs, owned: primaryPricing === 'owned' ? mine : theirs };
  });
  const unavailable = [...primary.unavailable, ...secondary.unavailable];
  return {
    kind: 'tco',
    request,
    primaryPricing,
    rows,
    unavailable,
    verdict: verdictOf(rows, primaryPricing),
    assumptions: [...tcoAssumptions(), ...primary.report.assumptions, ...secondary.report.assumptions.filter((a) => !primary.report.assumptions.some((b) => b.name === a.name))],
  };
}

function figuresByPlatform(request: AdviceRequest, catalog: Catalog, calibration: CalibrationTable) {
  const detail = adviseInDetail(request, catalog, calibration);
  const figures = new Map<string, TcoFigures>();
  const labels = new Map<string, PlatformLabel>();
  const context = detail.context;
  for (const s of context ? bestPerPlatform(detail.ranked) : []) {
    const chosen = replicaSpecOf(context!, s.configuration.accelerator);
    if (!chosen.ok) continue;
    labels.set(s.candidate.platform, labelOf(s.candidate));
    const share = prefillGpuTimeFraction(chosen.spec, s.configuration, context!.lengths);
    const room = memoryRoomBytes(chosen.spec, s.configuration, context!.lengths);
    figures.set(s.candidate.platform, figuresOf(request, s.candidate, share, room));
  }
  const unavailable = [
    ...detail.report.infeasible.map((i) => ({ platform: i.platform, pricing: request.pricing.kind, reason: i.reason })),
    ...missedSlo(detail.report, figures, catalog).map((platform) => ({ platform, pricing: request.pricing.kind, reason: 'no configuration meets the latency targets at this load' })),
  ];
  return { report: detail.report, figures, labels, unavailable };
}

function missedSlo(report: AdviceReport, figures: ReadonlyMap<string, TcoFigures>, catalog: Catalog): string[] {
  const ids = new Set(report.candidates.map((c) => c.platform).filter((id) => !figures.has(id)));
  return [...ids].filter((id) => findAccelerator(catalog, id));
}

function figuresOf(request: AdviceRequest, c: Candidate, prefillShare: number, room: { hbmBytesPerGpu: number; kvCacheBytesPerGpu: number }): TcoFigures {
  const input = request.inputTokens;
  const output = request.outputTokens;
  // Fleet dollars per million output tokens, split by GPU time, then per token of each kind.
  const perMillionOutput = c.effectiveDollarsPerMillionOutputTokens;
  const hbmGigabytesPerGpu = room.hbmBytesPerGpu / GB;
  const kvCacheGigabytesPerGpu = room.kvCacheBytesPerGpu / GB;
  return {
    pricing: request.pricing.kind,
    servingMode: c.servingMode,
    policy: c.policy,
    precision: c.precision,
    gpusPerReplica: c.gpusPerReplica,
    meanGpuCount: c.gpuCount,
    peakGpuCount: c.peakGpuCount,
    dollarsPerGpuHour: c.dollarsPerGpuHour,
    dollarsPerMonth: c.dollarsPerMonth,
    prefillGpuTimeFraction: prefillShare,
    dollarsPerMillionInputTokens: (perMillionOutput * prefillShare * output) / input,
    dollarsPerMillionOutputTokens: perMillionOutput * (1 - prefillShare),
    dollarsPerMillionTotalTokens: c.effectiveDollarsPerMillionTotalTokens,
    effectiveDollarsPerMillionOutputTokens: perMillionOutput,
    fullLoadDollarsPerMillionTotalTokens: c.fullLoadDollarsPerMillionTotalTokens,
    meanUtilizationFraction: c.meanUtilizationFraction,
    joulesPerOutputToken: c.joulesPerOutputToken,
    joulesPerTotalToken: (c.joulesPerOutputToken * output) / (input + output),
    hbmGigabytesPerGpu,
    dollarsPerHourPerHbmGigabyte: c.dollarsPerGpuHour / hbmGigabytesPerGpu,
    kvCacheGigabytesPerGpu,
    dollarsPerHourPerKvCacheGigabyte: kvCacheGigabytesPerGpu > 0 ? c.dollarsPerGpuHour / kvCacheGigabytesPerGpu : Number.POSITIVE_INFINITY,
  };
}

function figuresFor(row: TcoRow, pricing: Pricing['kind']): TcoFigures | null {
  return pricing === 'owned' ? row.owned : row.rented;
}

function verdictOf(rows: readonly TcoRow[], primary: Pricing['kind']): string {
  const priced = rows.filter((r) => figuresFor(r, primary));
  const best = priced[0];
  if (!best) return `No platform meets the targets ${primary === 'owned' ? 'as owned hardware' : 'at a rental price'} in the catalog.`;
  const f = figuresFor(best, primary)!;
  const otherVendor = priced.find((r) => r.vendor !== best.vendor);
  const vs = otherVendor ? `; best other vendor ${otherVendor.shortName} at ${money(figuresFor(otherVendor, primary)!.dollarsPerMillionTotalTokens)}` : '';
  const owned = primary === 'rented' ? rows.filter((r) => r.owned).sort((a, b) => a.owned!.dollarsPerMillionTotalTokens - b.owned!.dollarsPerMillionTotalTokens)[0] : undefined;
  const ownedText = owned ? `; owned, ${owned.shortName} is cheapest at ${money(owned.owned!.dollarsPerMillionTotalTokens)}` : '';
  return `${best.shortName} is cheapest ${primary} at ${money(f.dollarsPerMillionTotalTokens)} per 1M tokens (input ${money(f.dollarsPerMillionInputTokens)}, output ${money(f.dollarsPerMillionOutputTokens)})${vs}${ownedText}.`;
}


function tcoAssumptions(): Assumption[] {
  return [
    methodAssumption('input vs output cost split', 'fleet cost divided by the GPU-time share of prefill vs decode at full load (chunked-prefill TPOT model; disaggregated: the prefill pool\'s share of GPU-seconds per request)'),
    methodAssumption('energy per token', 'fleet energy at each minute\'s utilization (P(u) = Pidle + (Pfull - Pidle) u, times PUE) over tokens served; rented prices include power, so it is shown, not added'),
    methodAssumption('memory cost', '$ per GPU-hour paid / HBM GB per GPU; KV cache = 90 % of HBM less weights and a 3.9 GiB runtime reserve, per GPU of the decode replica'),
    methodAssumption('owned vs rented', 'the same request run by advise twice: with rental prices and with purchase prices (amortized) plus power; each picks its own cheapest configuration'),
  ];
}
