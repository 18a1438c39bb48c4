/**
 * GPU instance prices from the SkyPilot catalog (github.com/skypilot-org/skypilot-catalog), the CSVs
 * the catalog already cites: catalogs/v7/<cloud>/vms.csv, one row per instance type and region, with
 * columns named in the header (InstanceType, AcceleratorName, AcceleratorCount, Price, SpotPrice,
 * Region, ...; Price and SpotPrice in $/instance-hour, SpotPrice empty where the cloud sells none).
 * Each (accelerator, GPUs per instance, tier) keeps its cheapest region: the catalog plans on the
 * cheapest place a planner can rent that instance. $/GPU-hour = instance price / AcceleratorCount.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import type { Accelerator, PriceRecord } from '../engine/catalog/types.ts';
import { RefreshError, type ParseContext, type ParsedSource, type PriceSource } from './types.ts';

const REQUIRED_COLUMNS = ['InstanceType', 'AcceleratorName', 'AcceleratorCount', 'Price', 'Region'] as const;
const normalized = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The catalog accelerator a SkyPilot row rents, or undefined for one tokcost does not model. */
export function acceleratorFor(accelerators: readonly Accelerator[], acceleratorName: string, instanceType: string): Accelerator | undefined {
  const name = normalized(acceleratorName);
  // SkyPilot names both H100 variants "H100"; the instance type says which (gpu_1x_h100_pcie).
  if (name === 'h100' && /pcie/i.test(instanceType)) return accelerators.find((a) => a.id === 'h100-pcie');
  // Plain "A100" is the 40 GB part (the 80 GB one is "A100-80GB"); the catalog models only the 80 GB.
  if (name === 'a100') return undefined;
  return accelerators.find((a) => normalized(a.id) === name || a.aliases.some((alias) => normalized(alias) === name));
}

function priceOf(source: string, row: Record<string, string>, column: string, line: number): number | null {
  const raw = (row[column] ?? '').trim();
  if (raw === '') return null;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new RefreshError(source, `vms.csv line ${line}, column ${column}`, `expected a positive $/hour price, got ${JSON.stringify(raw)}`);
  return value;
}

function rowsOf(source: string, text: string): Record<string, string>[] {
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(text, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  } catch (error) {
    const e = error as Error & { lines?: number };
    throw new RefreshError(source, `vms.csv${e.lines === undefined ? '' : ` line ${e.lines}`}`, `${e.message}; truncated download?`);
  }
  const header = rows.length > 0 ? Object.keys(rows[0]!) : [];
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (rows.length === 0 || missing.length > 0) throw new RefreshError(source, 'vms.csv header', rows.length === 0 ? 'no rows' : `missing column(s) ${missing.join(', ')}`);
  return rows;
}

interface Cheapest {
  readonly record: PriceRecord;
  readonly regions: Set<string>;
}

function makeParse(source: string, cloud: string, provider: string, tiers: readonly PriceRecord['tier'][]) {
  return (text: string, context: ParseContext): ParsedSource<'prices'> => {
    const cheapest = new Map<string, Cheapest>();
    let skippedRows = 0;
    rowsOf(source, text).forEach((row, i) => {
      const line = i + 2; // 1-based, after the header
      const accelerator = acceleratorFor(context.accelerators, row.AcceleratorName ?? '', row.InstanceType ?? '');
      const count = Number(row.AcceleratorCount);
      if (!accelerator) return void skippedRows++;
      if (!Number.isInteger(count) || count <= 0) throw new RefreshError(source, `vms.csv line ${line}, column AcceleratorCount`, `expected a whole number of GPUs, got ${JSON.stringify(row.AcceleratorCount)}`);
      const rowTiers: [PriceRecord['tier'], number | null][] = [['on-demand', priceOf(source, row, 'Price', line)], ['spot', row.SpotPrice === undefined ? null : priceOf(source, row, 'SpotPrice', line)]];
      for (const [tier, instanceDollarsPerHour] of rowTiers) {
        if (instanceDollarsPerHour === null || !tiers.includes(tier)) continue;
        const key = `${accelerator.id}|${count}|${tier}`;
        const dollarsPerGpuHour = Math.round((instanceDollarsPerHour / count) * 1e6) / 1e6;
        const region = row.Region ?? '';
        const known = cheapest.get(key);
        if (known && known.record.dollarsPerGpuHour < dollarsPerGpuHour) continue;
        if (known && known.record.dollarsPerGpuHour === dollarsPerGpuHour) {
          known.regions.add(region);
          continue;
        }
        const record: PriceRecord = {
          id: `${cloud}-${accelerator.id}-${tier}-${count}gpu`,
          acceleratorId: accelerator.id,
          provider,
          tier,
          dollarsPerGpuHour,
          gpusPerInstance: count,
          source: {
            title: `SkyPilot catalog (${provider}) catalogs/v7/${cloud}/vms.csv (tokcost data refresh)`,
            url: `https://github.com/skypilot-org/skypilot-catalog/blob/master/catalogs/v7/${cloud}/vms.csv`,
            asOf: context.asOf,
            basis: 'vendor-claim',
            note: `product: ${row.InstanceType}; $${instanceDollarsPerHour}/instance-hour / ${count} GPUs; cheapest region listed; fetched ${context.asOf} from ${context.origin}`,
          },
        };
        cheapest.set(key, { record, regions: new Set([region]) });
      }
    });
    const records = [...cheapest.values()].map(({ record, regions }) => ({ ...record, region: regions.size === 1 ? [...regions][0]! : `${[...regions].sort().join(' / ')} (same price)` }));
    return { records, skippedRows };
  };
}

/**
 * The SkyPilot catalog of one cloud; `provider` is the name the catalog's price records use; `tiers`
 * the columns taken (AWS on-demand comes from the AWS price list source, so only its spot column here).
 */
export function skyPilotSource(cloud: string, provider: string, tiers: readonly PriceRecord['tier'][] = ['on-demand', 'spot']): PriceSource<'prices'> {
  const name = `skypilot-${cloud}`;
  return {
    name,
    description: `${provider} GPU instance prices from the SkyPilot catalog (v7 ${cloud}/vms.csv)`,
    file: 'prices',
    url: `https://raw.githubusercontent.com/skypilot-org/skypilot-catalog/master/catalogs/v7/${cloud}/vms.csv`,
    recordedFile: `${name}-vms.csv`,
    owns: (record) => record.provider === provider && tiers.includes(record.tier) && (record.source.url ?? '').includes('skypilot-catalog'),
    keyOf: (record) => `${record.acceleratorId}|${record.gpusPerInstance}|${record.tier}`,
    parse: makeParse(name, cloud, provider, tiers),
  };
}
