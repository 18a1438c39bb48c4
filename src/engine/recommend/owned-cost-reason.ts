/** What an owned GPU-hour is made of, from the shares the pricing used (owned-pricing.ts). */
import type { Reason } from '../advice-types.ts';
import type { PlatformPricing } from '../cost/platform-pricing.ts';

/** The capital $/GPU-hour and its shares (accelerator, server, network, facility, operations), for report-text to word. */
export function ownedCostReason(pricing: PlatformPricing | undefined, platformName: string): Reason | null {
  if (pricing?.kind !== 'owned') return null;
  const s = pricing.shares;
  return {
    code: 'owned-cost-split',
    numbers: { capitalDollarsPerGpuHour: pricing.capitalDollarsPerGpuHour, amortizationYears: pricing.amortizationYears, ...Object.fromEntries(Object.entries(s).filter(([, v]) => typeof v === 'number')) },
    facts: { platformName, purchaseIncludesServer: s.purchaseIncludesServer },
  };
}
