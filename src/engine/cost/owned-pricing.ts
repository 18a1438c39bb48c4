/**
 * Owned hardware per GPU-hour, paid for the peak fleet whatever the load: the accelerator's purchase
 * price amortized over its years, plus its share of the server (host, memory, chassis, NICs) when the
 * price covers the accelerator alone, of the scale-out network, of the facility (capex per kW of IT
 * power over the facility's life), and of staff and operations (a yearly fraction of the hardware
 * value, an estimate the request can override). Power is priced apart (power.ts, fleet-cost.ts).
 * Shares come from data/energy-and-capex.json; without it, only the purchase price counts (said in the notes).
 */
import type { AdviceRequest } from '../advice-types.ts';
import type { Accelerator, Catalog, PurchasePrice } from '../catalog/types.ts';
import type { PlatformPricing } from './platform-pricing.ts';
import { powerModel } from './power.ts';
import { compareText } from '../text-order.ts';

/** $/GPU-hour of each part of owned capital (they sum to capitalDollarsPerGpuHour). */
export interface OwnedShares {
  readonly acceleratorDollarsPerGpuHour: number;
  readonly serverDollarsPerGpuHour: number;
  readonly networkDollarsPerGpuHour: number;
  readonly facilityDollarsPerGpuHour: number;
  readonly operationsDollarsPerGpuHour: number;
  /** Whether the purchase price already includes the server (a whole server or rack divided by its GPUs). */
  readonly purchaseIncludesServer: boolean;
  readonly operationsFractionPerYear: number;
}

/**
 * The importer states each purchase price's scope in its note ("accelerator only" or "includes the
 * server/rack share"); a price that does not say is taken as the accelerator alone.
 */
export function purchaseIncludesServer(purchase: PurchasePrice): boolean {
  return /includes the server/i.test(purchase.source.note ?? '');
}

type OwnedRequest = Extract<AdviceRequest['pricing'], { kind: 'owned' }>;

export function ownedPricing(pricing: OwnedRequest, catalog: Catalog, accelerator: Accelerator, hoursPerYear: number): PlatformPricing | { readonly missing: string } {
  const purchases = catalog.purchasePrices.filter((p) => p.acceleratorId === accelerator.id);
  if (purchases.length === 0) return { missing: `no purchase price for ${accelerator.name} in the catalog` };
  const purchase = [...purchases].sort((a, b) => compareText(b.source.asOf, a.source.asOf) || b.dollarsPerAccelerator - a.dollarsPerAccelerator)[0]!;
  const years = pricing.amortizationYears ?? catalog.energy.amortizationYears.value;
  const powerUsageEffectiveness = pricing.powerUsageEffectiveness ?? catalog.energy.powerUsageEffectiveness.value;
  const shares = ownedShares(pricing, catalog, accelerator, purchase, years, powerUsageEffectiveness, hoursPerYear);
  const capital = shares.acceleratorDollarsPerGpuHour + shares.serverDollarsPerGpuHour + shares.networkDollarsPerGpuHour + shares.facilityDollarsPerGpuHour + shares.operationsDollarsPerGpuHour;
  const notes = ['owned: the peak fleet is bought whatever the policy; scaling down saves only the power of the GPUs switched off'];
  if (!catalog.ownedCosts) notes.push('owned: only the accelerator purchase price and power are counted (no server, network, facility or operations defaults in the catalog)');
  return { kind: 'owned', capitalDollarsPerGpuHour: capital, purchase, dollarsPerKwh: pricing.dollarsPerKwh ?? catalog.energy.dollarsPerKwh.value, powerUsageEffectiveness, amortizationYears: years, shares, notes };
}

function ownedShares(pricing: OwnedRequest, catalog: Catalog, accelerator: Accelerator, purchase: PurchasePrice, years: number, pue: number, hoursPerYear: number): OwnedShares {
  const hours = years * hoursPerYear;
  const defaults = catalog.ownedCosts;
  const includesServer = purchaseIncludesServer(purchase);
  const acceleratorHourly = purchase.dollarsPerAccelerator / hours;
  const operationsFractionPerYear = pricing.operationsFractionPerYear ?? defaults?.operationsFractionOfHardwarePerYear.value ?? 0;
  if (!defaults) {
    return { acceleratorDollarsPerGpuHour: acceleratorHourly, serverDollarsPerGpuHour: 0, networkDollarsPerGpuHour: 0, facilityDollarsPerGpuHour: 0, operationsDollarsPerGpuHour: (purchase.dollarsPerAccelerator * operationsFractionPerYear) / hoursPerYear, purchaseIncludesServer: includesServer, operationsFractionPerYear };
  }
  const serverShare = defaults.serverShareOfAcceleratorPrice.value;
  // A server-inclusive price: the accelerator alone is price / (1 + server share), which the network share applies to.
  const acceleratorAlone = includesServer ? purchase.dollarsPerAccelerator / (1 + serverShare) : purchase.dollarsPerAccelerator;
  const server = includesServer ? 0 : acceleratorAlone * serverShare;
  const network = acceleratorAlone * defaults.networkShareOfAcceleratorPrice.value;
  const itKilowatts = powerModel(accelerator, pue).fullWatts / pue / 1000;
  const facility = Number.isFinite(itKilowatts) ? (itKilowatts * defaults.facilityDollarsPerKw.value) / (defaults.facilityLifeYears.value * hoursPerYear) : 0;
  const hardware = purchase.dollarsPerAccelerator + server + network;
  return {
    acceleratorDollarsPerGpuHour: acceleratorHourly,
    serverDollarsPerGpuHour: server / hours,
    networkDollarsPerGpuHour: network / hours,
    facilityDollarsPerGpuHour: facility,
    operationsDollarsPerGpuHour: (hardware * operationsFractionPerYear) / hoursPerYear,
    purchaseIncludesServer: includesServer,
    operationsFractionPerYear,
  };
}
