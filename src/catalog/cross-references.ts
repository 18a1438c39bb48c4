/**
 * Checks across data/ files that a per-record schema cannot see: unique ids, aliases unique across
 * records (compared the way lookups compare names), and every reference to an accelerator or model id.
 */
import type { Catalog } from '../engine/catalog/types.ts';
import { normalizeName } from '../engine/catalog/normalize-name.ts';

export interface CatalogProblem {
  readonly path: string;
  readonly message: string;
}

interface Named {
  readonly id: string;
  readonly aliases: readonly string[];
}

function checkNames(file: string, records: readonly Named[], problems: CatalogProblem[]): void {
  const owners = new Map<string, string>();
  records.forEach((record, i) => {
    const names: [string, string][] = [[`${file}[${i}].id`, record.id], ...record.aliases.map((a, j): [string, string] => [`${file}[${i}].aliases[${j}]`, a])];
    for (const [path, name] of names) {
      const key = normalizeName(name);
      const owner = owners.get(key);
      if (owner !== undefined && owner !== record.id) {
        problems.push({ path, message: `name "${name}" already used by "${owner}"` });
      } else if (owner === undefined) {
        owners.set(key, record.id);
      }
    }
  });
}

function checkUniqueIds(file: string, records: readonly { id: string }[], problems: CatalogProblem[]): void {
  const seen = new Set<string>();
  records.forEach((record, i) => {
    if (seen.has(record.id)) problems.push({ path: `${file}[${i}].id`, message: `duplicate id "${record.id}"` });
    seen.add(record.id);
  });
}

function checkRefs(
  file: string,
  records: readonly Record<string, unknown>[],
  field: string,
  known: ReadonlySet<string>,
  kind: string,
  problems: CatalogProblem[],
): void {
  records.forEach((record, i) => {
    const value = record[field];
    if (typeof value === 'string' && !known.has(value)) {
      problems.push({ path: `${file}[${i}].${field}`, message: `unknown ${kind} id "${value}"` });
    }
  });
}

/** Every cross-file problem of a catalog whose files each passed their schema. */
export function crossReferenceProblems(catalog: Catalog): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  checkUniqueIds('accelerators.json', catalog.accelerators, problems);
  checkUniqueIds('models.json', catalog.models, problems);
  checkUniqueIds('prices.json', catalog.prices, problems);
  checkUniqueIds('benchmarks.json', catalog.benchmarks, problems);
  checkUniqueIds('api-prices.json', catalog.apiPrices, problems);
  checkNames('accelerators.json', catalog.accelerators, problems);
  checkNames('models.json', catalog.models, problems);
  const acceleratorIds = new Set(catalog.accelerators.map((a) => a.id));
  const modelIds = new Set(catalog.models.map((m) => m.id));
  const rows = <T>(xs: readonly T[]) => xs as unknown as readonly Record<string, unknown>[];
  checkRefs('prices.json', rows(catalog.prices), 'acceleratorId', acceleratorIds, 'accelerator', problems);
  checkRefs('purchase-prices.json', rows(catalog.purchasePrices), 'acceleratorId', acceleratorIds, 'accelerator', problems);
  checkRefs('benchmarks.json', rows(catalog.benchmarks), 'acceleratorId', acceleratorIds, 'accelerator', problems);
  checkRefs('benchmarks.json', rows(catalog.benchmarks), 'modelId', modelIds, 'model', problems);
  checkRefs('api-prices.json', rows(catalog.apiPrices), 'modelId', modelIds, 'model', problems);
  catalog.models.forEach((m, i) => {
    if (m.activeParams > m.totalParams) problems.push({ path: `models.json[${i}].activeParams`, message: 'expected activeParams <= totalParams' });
    if (m.moe && m.moe.expertsActive > m.moe.expertsTotal) problems.push({ path: `models.json[${i}].moe.expertsActive`, message: 'expected expertsActive <= expertsTotal' });
  });
  catalog.benchmarks.forEach((b, i) => {
    if (b.gpusPerReplica > b.gpuCount) problems.push({ path: `benchmarks.json[${i}].gpusPerReplica`, message: 'expected gpusPerReplica <= gpuCount' });
    if ((b.scenario === 'concurrency' || b.scenario === 'burst') && b.concurrency === undefined) problems.push({ path: `benchmarks.json[${i}].concurrency`, message: `required when scenario is '${b.scenario}'` });
    if (b.scenario === 'request-rate' && b.requestsPerSecond === undefined) problems.push({ path: `benchmarks.json[${i}].requestsPerSecond`, message: "required when scenario is 'request-rate'" });
  });
  return problems;
}
