/**
 * A claim check: "Is it true that B200 does two cents per million tokens on gpt-oss-120b?". The engine
 * is run on the named platform and model under each condition a published figure may rest on (every
 * price tier the catalog has for the platform, rented and owned; no interactivity bound vs 50 tok/s per
 * user), at full load; the condition closest to the claim is named, with what the same platform costs at
 * 30 % and 60 % load under it. Plain data; claim-check-text.ts renders it.
 */
import { advise } from '../engine/advise.ts';
import type { AdviceRequest, Assumption, Pricing } from '../engine/advice-types.ts';
import type { Catalog, PriceTier } from '../engine/catalog/types.ts';
import type { CalibrationTable } from '../engine/performance/calibration.ts';
import type { ClaimIntent } from '../query/general-intent.ts';
import { REFERENCE_MODEL_ID } from './reference-workloads.ts';

const RENTED_TIERS: readonly PriceTier[] = ['spot', 'rental-3y-neocloud', 'reserved-3y', 'committed', 'reserved-1y', 'on-demand'];
const INTERACTIVITY: readonly { readonly label: string; readonly tpotMs?: number }[] = [{ label: 'largest batch, no per-user speed bound' }, { label: '50 tok/s per user', tpotMs: 20 }];
const LOADS = [0.3, 0.6] as const;
/** Within this factor either way, the claim counts as reproduced. */
export const REPRODUCED_WITHIN = 1.25;

export interface ClaimCondition {
  readonly pricing: string;
  readonly interactivity: string;
  readonly tpotMs: number;
  readonly fullLoadDollarsPerMillionOutputTokens: number;
  readonly fullLoadDollarsPerMillionTotalTokens: number;
  /** Effective $ per 1M (claimed tokens) at 30 % and 60 % of the fleet's capacity. */
  readonly atLoad: readonly { readonly loadFraction: number; readonly dollarsPerMillionTokens: number }[];
}

export interface ClaimCheck {
  readonly kind: 'claim-check';
  readonly question: string;
  readonly claimedDollarsPerMillionTokens: number;
  readonly claimedTokens: ClaimIntent['tokens'];
  readonly platform: string;
  readonly platformName: string;
  readonly modelId: string;
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** The condition closest to the claim, and which tokens it counts. */
  readonly closest: (ClaimCondition & { readonly tokens: 'output' | 'total'; readonly dollarsPerMillionTokens: number }) | null;
  readonly reproduced: boolean;
  /** Every other condition whose figure (total or output tokens) is within REPRODUCED_WITHIN of the claim. */
  readonly alsoWithin: readonly string[];
  readonly conditions: readonly ClaimCondition[];
  readonly assumptions: readonly Assumption[];
}

export type ClaimCheckResult = { readonly ok: true; readonly check: ClaimCheck } | { readonly ok: false; readonly message: string; readonly example: string };

function pricings(catalog: Catalog, platform: string): { label: string; pricing: Pricing }[] {
  const tiers = new Set(catalog.prices.filter((p) => p.acceleratorId === platform).map((p) => p.tier));
  const rented = RENTED_TIERS.filter((t) => tiers.has(t)).map((tier) => ({ label: `rented, ${tier}`, pricing: { kind: 'rented', tier } as Pricing }));
  return [...rented, { label: 'owned (purchase + energy)', pricing: { kind: 'owned' } }];
}

function conditionOf(request: AdviceRequest, label: string, interactivity: (typeof INTERACTIVITY)[number], catalog: Catalog, calibration: CalibrationTable, tokens: 'output' | 'total'): ClaimCondition | null {
  const report = advise(request, catalog, calibration);
  const best = report.recommendation;
  if (!best) return null;
  const curve = report.costCurve.find((c) => c.platform === best.platform);
  const outputShare = request.outputTokens / (request.inputTokens + request.outputTokens);
  const atLoad = LOADS.map((f) => {
    const point = curve?.points.reduce((a, b) => (Math.abs(b.loadFraction - f) < Math.abs(a.loadFraction - f) ? b : a));
    const output = point?.effectiveDollarsPerMillionOutputTokens ?? Number.NaN;
    return { loadFraction: f, dollarsPerMillionTokens: tokens === 'total' ? output * outputShare : output };
  });
  return {
    pricing: label,
    interactivity: interactivity.label,
    tpotMs: best.tpotMs,
    fullLoadDollarsPerMillionOutputTokens: best.fullLoadDollarsPerMillionOutputTokens,
    fullLoadDollarsPerMillionTotalTokens: best.fullLoadDollarsPerMillionTotalTokens,
    atLoad: atLoad.filter((x) => Number.isFinite(x.dollarsPerMillionTokens)),
  };
}

export function checkClaim(question: string, claim: ClaimIntent, catalog: Catalog, calibration: CalibrationTable, asOf: string): ClaimCheckResult {
  if (claim.platform === undefined) {
    return { ok: false, message: `"${claim.fragment}" on which platform? name one to check the figure against`, example: 'Is it true that B200 does two cents per million tokens on gpt-oss-120b?' };
  }
  const accelerator = catalog.accelerators.find((a) => a.id === claim.platform)!;
  const modelId = claim.model ?? REFERENCE_MODEL_ID;
  const source = { title: 'tokcost claim check', asOf, basis: 'estimate' as const };
  const assumptions: Assumption[] = [
    { name: 'claim workload', value: '1k in / 1k out (the shape published per-token figures are usually quoted at), full load = every GPU-second at the largest batch the latency allows; 30 % and 60 % are a flat load at that share of the fleet\'s capacity', source },
  ];
  if (claim.model === undefined) assumptions.push({ name: 'claim model', value: `${modelId}: no model was named`, source });
  const tokens = claim.tokens === 'input' ? 'total' : claim.tokens === 'unspecified' ? 'total' : claim.tokens;
  if (claim.tokens === 'unspecified') assumptions.push({ name: 'claimed tokens', value: '"per million tokens" read as all tokens, input plus output (dashboards quote it so); the output-only figure is shown beside it', source });
  const base = { modelId, inputTokens: 1000, outputTokens: 1000, meanRequestsPerSecond: 10, shape: { kind: 'flat' }, horizon: 'day', platforms: [claim.platform], asOfDate: asOf } as const;
  const conditions: ClaimCondition[] = [];
  for (const { label, pricing } of pricings(catalog, claim.platform)) {
    for (const interactivity of INTERACTIVITY) {
      const request: AdviceRequest = { ...base, pricing, latency: interactivity.tpotMs !== undefined ? { tpotMs: interactivity.tpotMs } : {} };
      const condition = conditionOf(request, label, interactivity, catalog, calibration, tokens);
      if (condition) conditions.push(condition);
    }
  }
  const figure = (c: ClaimCondition) => (tokens === 'total' ? c.fullLoadDollarsPerMillionTotalTokens : c.fullLoadDollarsPerMillionOutputTokens);
  const distance = (c: ClaimCondition) => Math.abs(Math.log(figure(c) / claim.dollarsPerMillionTokens));
  const closest = [...conditions].sort((a, b) => distance(a) - distance(b))[0];
  const within = (x: number) => Math.abs(Math.log(x / claim.dollarsPerMillionTokens)) <= Math.log(REPRODUCED_WITHIN);
  const alsoWithin = conditions.flatMap((c) =>
    (['total', 'output'] as const)
      .filter((t) => within(t === 'total' ? c.fullLoadDollarsPerMillionTotalTokens : c.fullLoadDollarsPerMillionOutputTokens))
      .filter((t) => !(c === closest && t === tokens))
      .map((t) => `${c.pricing}, ${c.interactivity}, ${t} tokens`),
  );
  const check: ClaimCheck = {
    kind: 'claim-check',
    question,
    claimedDollarsPerMillionTokens: claim.dollarsPerMillionTokens,
    claimedTokens: claim.tokens,
    platform: claim.platform,
    platformName: accelerator.name,
    modelId,
    inputTokens: base.inputTokens,
    outputTokens: base.outputTokens,
    closest: closest ? { ...closest, tokens, dollarsPerMillionTokens: figure(closest) } : null,
    reproduced: closest !== undefined && distance(closest) <= Math.log(REPRODUCED_WITHIN),
    alsoWithin,
    conditions,
    assumptions,
  };
  return { ok: true, check };
}
