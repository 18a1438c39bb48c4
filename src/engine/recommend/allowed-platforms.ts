/** The accelerators a request allows: named platforms (ids or aliases), vendors, minus exclusions. */
import type { AdviceRequest } from '../advice-types.ts';
import { findAccelerator } from '../catalog/lookup.ts';
import type { Accelerator, Catalog } from '../catalog/types.ts';

export function allowedPlatforms(request: AdviceRequest, catalog: Catalog): Accelerator[] {
  const named = request.platforms?.length ? new Set(request.platforms.map((p) => findAccelerator(catalog, p)?.id ?? p)) : null;
  const excluded = new Set((request.excludePlatforms ?? []).map((p) => findAccelerator(catalog, p)?.id ?? p));
  const vendors = request.vendors?.length ? new Set(request.vendors) : null;
  return catalog.accelerators.filter((a) => (!named || named.has(a.id)) && (!vendors || vendors.has(a.vendor)) && !excluded.has(a.id));
}
