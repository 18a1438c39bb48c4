/**
 * A workspace's settings applied to a built workload: its $/GPU-hour prices under the question's own,
 * its power price for owned hardware; each applied (or unused) setting is named in the assumptions. A
 * stored setting outside the workload bounds is skipped and said, never priced.
 */
import type { AdviceRequest, Assumption } from '../engine/advice-types.ts';
import type { Catalog } from '../engine/catalog/types.ts';
import { formatDollars } from '../format.ts';
import { BOUNDS, DOLLARS_PER_GPU_HOUR_BOUND, outOfBound } from './bounds.ts';
import type { Workload } from './workload.ts';

export interface WorkspacePrices {
  readonly dollarsPerGpuHour: Readonly<Record<string, number>>;
  readonly dollarsPerKwh?: number;
  /** ISO timestamp of the last change. */
  readonly updatedAt?: string;
}

export function withWorkspaceSettings(workload: Workload, settings: WorkspacePrices, catalog: Catalog, today: string): { workload: Workload; assumptions: Assumption[] } {
  const request = workload.request;
  const asOf = (settings.updatedAt ?? today).slice(0, 10);
  const source = (what: string) => ({ title: `Workspace setting (/tokcost set ${what})`, asOf, basis: 'estimate' as const });
  const platformName = (id: string) => catalog.accelerators.find((a) => a.id === id)?.name ?? id;
  const assumptions: Assumption[] = [];
  const own = request.dollarsPerGpuHourOverrides ?? {};
  const overrides: Record<string, number> = { ...own };
  for (const [platform, dollars] of Object.entries(settings.dollarsPerGpuHour)) {
    if (own[platform] !== undefined) continue;
    const wrong = outOfBound(dollars, DOLLARS_PER_GPU_HOUR_BOUND);
    if (wrong) {
      assumptions.push({ name: `${platformName(platform)} price`, value: `workspace setting not used: ${wrong}`, source: source('price') });
      continue;
    }
    overrides[platform] = dollars;
    assumptions.push({ name: `${platformName(platform)} price`, value: `${formatDollars(dollars)} / GPU-hour (workspace setting)`, source: source('price') });
  }
  let pricing = request.pricing;
  const kwh = settings.dollarsPerKwh;
  if (kwh !== undefined) {
    const wrong = outOfBound(kwh, BOUNDS.dollarsPerKwh!);
    const used = !wrong && pricing.kind === 'owned' && pricing.dollarsPerKwh === undefined;
    if (used && pricing.kind === 'owned') pricing = { ...pricing, dollarsPerKwh: kwh };
    const why = wrong ? `; not used: ${wrong}` : used ? '' : pricing.kind === 'owned' ? '; the question set its own' : '; not used for rented GPUs, whose hourly price includes power';
    assumptions.push({ name: 'Power price', value: `${formatDollars(kwh)} / kWh (workspace setting)${why}`, source: source('power') });
  }
  const next: AdviceRequest = { ...request, pricing, ...(Object.keys(overrides).length > 0 ? { dollarsPerGpuHourOverrides: overrides } : {}) };
  return { workload: { ...workload, request: next }, assumptions };
}
