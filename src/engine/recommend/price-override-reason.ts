/**
 * What a user's $/GPU-hour changed: for each platform priced by the user, the catalog prices it replaced
 * and the cost per token of that platform's best fleet at both prices (the same run, re-priced). Records
 * only: src/report-text/price-override-text.ts words them.
 */
import type { AdviceRequest, Reason } from '../advice-types.ts';
import { findAccelerator } from '../catalog/lookup.ts';
import type { Catalog } from '../catalog/types.ts';
import { fleetCost } from '../cost/fleet-cost.ts';
import { platformPricing, type PlatformPricing } from '../cost/platform-pricing.ts';
import { powerModel } from '../cost/power.ts';
import type { Scored } from './candidate.ts';
import { percentOf } from './percent-of.ts';

/** The catalog's distinct prices the user's price replaced, as numbers and commitments (catalogPrice0DollarsPerGpuHour, catalogPrice0Commitment, ...). */
function catalogPricesOf(pricing: PlatformPricing): { numbers: Record<string, number>; facts: Record<string, string> } {
  const numbers: Record<string, number> = {};
  const facts: Record<string, string> = {};
  if (pricing.kind === 'owned') return { numbers, facts: { catalogPrice: 'purchase' } };
  const choices = [pricing.committed, pricing.reserved, pricing.elastic].filter((p, i, all): p is NonNullable<typeof p> => p !== null && all.indexOf(p) === i);
  const seen = new Set<string>();
  let i = 0;
  for (const p of choices) {
    const key = `${p.dollarsPerGpuHour}:${p.commitment}`;
    if (seen.has(key)) continue;
    seen.add(key);
    numbers[`catalogPrice${i}DollarsPerGpuHour`] = p.dollarsPerGpuHour;
    facts[`catalogPrice${i}Commitment`] = p.commitment;
    i++;
  }
  return { numbers, facts };
}

/** For each platform the user priced: what the price replaced and what it changed, as records (src/report-text words them). */
export function priceOverrideReasons(request: AdviceRequest, catalog: Catalog, ranked: readonly Scored[], chosen: Scored | null, powerUsageEffectiveness: number): Reason[] {
  const overrides = Object.entries(request.dollarsPerGpuHourOverrides ?? {});
  const out: Reason[] = [];
  for (const [id, dollarsPerGpuHour] of overrides) {
    const accelerator = findAccelerator(catalog, id);
    if (!accelerator) {
      out.push({ code: 'price-override-unused', numbers: { dollarsPerGpuHour }, facts: { platform: id, why: 'no-such-platform' } });
      continue;
    }
    const named = { platform: accelerator.id, platformName: accelerator.name };
    if (request.pricing.kind === 'owned') {
      out.push({ code: 'price-override-unused', numbers: { dollarsPerGpuHour }, facts: { ...named, why: 'owned' } });
      continue;
    }
    const catalogPricing = platformPricing({ ...request, dollarsPerGpuHourOverrides: {} }, catalog, accelerator);
    const best = ranked.find((s) => s.candidate.platform === accelerator.id && s.candidate.meetsSlo);
    if ('missing' in catalogPricing) {
      out.push({ code: 'price-override', numbers: { dollarsPerGpuHour }, facts: { ...named, catalogMissing: catalogPricing.missing } });
      continue;
    }
    const replaced = catalogPricesOf(catalogPricing);
    if (!best) {
      out.push({ code: 'price-override', numbers: { dollarsPerGpuHour, ...replaced.numbers }, facts: { ...named, ...replaced.facts, meetsTargets: false } });
      continue;
    }
    const tokens = (best.run.servedRequests * request.outputTokens) / 1e6;
    const atCatalog = fleetCost(best.run, catalogPricing, powerModel(accelerator, powerUsageEffectiveness)).dollars / tokens;
    const yours = best.candidate.effectiveDollarsPerMillionOutputTokens;
    out.push({
      code: 'price-override',
      numbers: {
        dollarsPerGpuHour, effectiveDollarsPerMillionOutputTokens: yours, catalogEffectiveDollarsPerMillionOutputTokens: atCatalog, ...replaced.numbers,
        ...(chosen && chosen !== best ? { percentMoreThanRecommendation: percentOf(yours / chosen.candidate.effectiveDollarsPerMillionOutputTokens - 1) } : {}),
      },
      facts: { ...named, ...replaced.facts, meetsTargets: true, isRecommendation: chosen === best, hasRecommendation: chosen !== null },
      versus: best.candidate,
    });
  }
  return out;
}
