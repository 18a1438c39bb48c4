/** What an owned GPU-hour is made of, from the shares the pricing used (owned-pricing.ts). */
import type { Reason } from '../advice-types.ts';
import type { PlatformPricing } from '../cost/platform-pricing.ts';
import { money, percentOf } from './wording.ts';

export function ownedCostReason(pricing: PlatformPricing | undefined, platformName: string): Reason | null {
  if (pricing?.kind !== 'owned') return null;
  const s = pricing.shares;
  const parts: [string, number][] = [
    [pricing.shares.purchaseIncludesServer ? 'accelerator with its server (the price covers both)' : 'accelerator', s.acceleratorDollarsPerGpuHour],
    ['server', s.serverDollarsPerGpuHour],
    ['network', s.networkDollarsPerGpuHour],
    ['facility', s.facilityDollarsPerGpuHour],
    [`staff and operations (estimate, ${percentOf(s.operationsFractionPerYear)} % of the hardware a year)`, s.operationsDollarsPerGpuHour],
  ];
  const shown = parts.filter(([, v]) => v > 0);
  return {
    code: 'owned-cost-split',
    numbers: { capitalDollarsPerGpuHour: pricing.capitalDollarsPerGpuHour, ...Object.fromEntries(Object.entries(s).filter(([, v]) => typeof v === 'number')) },
    text: `an owned ${platformName} costs ${money(pricing.capitalDollarsPerGpuHour)} per GPU-hour before power, over ${pricing.amortizationYears} years: ${shown.map(([name, v]) => `${money(v)} ${name}`).join(' + ')}`,
  };
}
