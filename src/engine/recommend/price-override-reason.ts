/**
 * What a user's $/GPU-hour changed: for each platform priced by the user, the catalog prices it replaced
 * and the cost per token of that platform's best fleet at both prices (the same run, re-priced).
 */
import type { AdviceRequest, Reason } from '../advice-types.ts';
import { findAccelerator } from '../catalog/lookup.ts';
import type { Catalog } from '../catalog/types.ts';
import { fleetCost } from '../cost/fleet-cost.ts';
import { platformPricing, type PlatformPricing } from '../cost/platform-pricing.ts';
import { powerModel } from '../cost/power.ts';
import { policyOf } from '../fleet/policies/index.ts';
import type { Scored } from './candidate.ts';
import { commitmentText, money, percentOf } from './wording.ts';

function catalogPricesText(pricing: PlatformPricing): string {
  if (pricing.kind === 'owned') return 'its purchase price';
  const choices = [pricing.committed, pricing.reserved, pricing.elastic].filter((p, i, all): p is NonNullable<typeof p> => p !== null && all.indexOf(p) === i);
  const seen = new Set<string>();
  return choices.map((p) => `${money(p.dollarsPerGpuHour)} (${commitmentText(p.commitment)})`).filter((t) => !seen.has(t) && seen.add(t)).join(' and ');
}

export function priceOverrideReasons(request: AdviceRequest, catalog: Catalog, ranked: readonly Scored[], chosen: Scored | null, powerUsageEffectiveness: number): Reason[] {
  const overrides = Object.entries(request.dollarsPerGpuHourOverrides ?? {});
  const out: Reason[] = [];
  for (const [id, dollarsPerGpuHour] of overrides) {
    const accelerator = findAccelerator(catalog, id);
    if (!accelerator) {
      out.push({ code: 'price-override-unused', text: `your price of $${dollarsPerGpuHour}/GPU-hour for "${id}" matched no platform in the catalog, so it changed nothing` });
      continue;
    }
    if (request.pricing.kind === 'owned') {
      out.push({ code: 'price-override-unused', numbers: { dollarsPerGpuHour }, text: `your price of $${dollarsPerGpuHour}/GPU-hour for ${accelerator.name} is not used: owned hardware is priced from its purchase price and power` });
      continue;
    }
    const catalogPricing = platformPricing({ ...request, dollarsPerGpuHourOverrides: {} }, catalog, accelerator);
    const best = ranked.find((s) => s.candidate.platform === accelerator.id && s.candidate.meetsSlo);
    const head = `your price of $${dollarsPerGpuHour}/GPU-hour for ${accelerator.name} (every policy, paid by the hour)`;
    if ('missing' in catalogPricing) {
      out.push({ code: 'price-override', numbers: { dollarsPerGpuHour }, text: `${head} made it priceable: the catalog has none (${catalogPricing.missing})` });
      continue;
    }
    if (!best) {
      out.push({ code: 'price-override', numbers: { dollarsPerGpuHour }, text: `${head} replaced the catalog's ${catalogPricesText(catalogPricing)}; no configuration on it meets the targets, so it changed no answer` });
      continue;
    }
    const tokens = (best.run.servedRequests * request.outputTokens) / 1e6;
    const atCatalog = fleetCost(best.run, catalogPricing, powerModel(accelerator, powerUsageEffectiveness)).dollars / tokens;
    const yours = best.candidate.effectiveDollarsPerMillionOutputTokens;
    const standing = chosen === best ? 'it is the recommendation' : chosen ? `${percentOf(yours / chosen.candidate.effectiveDollarsPerMillionOutputTokens - 1)} % more than the recommendation` : '';
    out.push({
      code: 'price-override',
      numbers: { dollarsPerGpuHour, effectiveDollarsPerMillionOutputTokens: yours, catalogEffectiveDollarsPerMillionOutputTokens: atCatalog },
      text: `${head} replaced the catalog's ${catalogPricesText(catalogPricing)}: its best fleet (${best.candidate.peakGpuCount} GPUs, ${policyOf(best.candidate.policy).label}) costs ${money(yours)} per million output tokens at your price against ${money(atCatalog)} at the catalog's${standing ? `; ${standing}` : ''}`,
    });
  }
  return out;
}
