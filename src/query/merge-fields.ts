/**
 * Merge what a follow-up said into the previous fields. Only what the text mentions changes; a few
 * fields travel together (a new platform list replaces the vendor list, renting drops $/kWh, a flat
 * load drops its peak, a new rate replaces a concurrency).
 */
import type { Collected } from './collect.ts';
import type { Extraction } from './extraction.ts';
import { formatNumber } from './numbers.ts';
import type { RelativeChange } from './relative-changes.ts';
import type { QueryFields } from './schema.ts';

type Fields = Record<string, unknown>;

const GOES_WITH: Readonly<Record<string, readonly string[]>> = {
  platforms: ['vendors'],
  vendors: ['platforms'],
  requestsPerSecond: ['concurrentUsers'],
  concurrentUsers: ['requestsPerSecond'],
  tpotMs: ['tokensPerSecondPerUser'],
  tokensPerSecondPerUser: ['tpotMs'],
};

function without(list: unknown, remove: unknown): string[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const drop = new Set(Array.isArray(remove) ? remove : []);
  const kept = list.filter((x) => !drop.has(x));
  return kept.length > 0 ? kept : undefined;
}

function setOrDelete(fields: Fields, key: string, value: unknown): void {
  if (value === undefined) delete fields[key];
  else fields[key] = value;
}

export function applyRelative(fields: Fields, changes: readonly RelativeChange[], out: Extraction): void {
  for (const change of changes) {
    if (change.kind === 'clear') for (const f of change.fields) delete fields[f];
    else if (change.kind === 'scale-length') {
      const current = fields[change.side];
      if (typeof current === 'number') fields[change.side] = Math.max(1, Math.round(current * change.factor));
      else out.problem(change.fragment, `no ${change.side === 'inputTokens' ? 'input' : 'output'} length to change yet`, '8k in', change.side);
    } else {
      const rps = fields.requestsPerSecond;
      const users = fields.concurrentUsers;
      if (typeof rps === 'number') fields.requestsPerSecond = rps * change.factor;
      if (typeof users === 'number') fields.concurrentUsers = Math.max(1, Math.round(users * change.factor));
      if (typeof rps !== 'number' && typeof users !== 'number') {
        out.problem(change.fragment, 'no load to change yet', '30 rps', 'requestsPerSecond');
      }
    }
  }
}

/** Merge the said fields over the previous ones; returns the names of the fields the text said. */
export function mergeSaid(previous: QueryFields, collected: Collected, out: Extraction): { fields: Fields; said: Set<string> } {
  const fields: Fields = { ...previous };
  const said = collected.fields as Fields;
  for (const [key, value] of Object.entries(said)) {
    for (const other of GOES_WITH[key] ?? []) if (!(other in said)) delete fields[other];
    if (key === 'excludePlatforms' || key === 'excludeVendors') {
      fields[key] = [...new Set([...((fields[key] as string[] | undefined) ?? []), ...(value as string[])])];
      const included = key === 'excludePlatforms' ? 'platforms' : 'vendors';
      setOrDelete(fields, included, without(fields[included], value));
    } else if (key === 'platforms' || key === 'vendors') {
      fields[key] = value;
      const excluded = key === 'platforms' ? 'excludePlatforms' : 'excludeVendors';
      setOrDelete(fields, excluded, without(fields[excluded], value));
    } else if (key === 'dollarsPerGpuHour') {
      fields[key] = { ...((fields[key] as Record<string, number> | undefined) ?? {}), ...(value as Record<string, number>) };
    } else fields[key] = value;
  }
  if (said.pricing === 'rented') for (const f of ['dollarsPerKwh', 'amortizationYears', 'powerUsageEffectiveness']) if (!(f in said)) delete fields[f];
  if (said.pricing === 'owned' && !('tier' in said)) delete fields.tier;
  if (said.shape === 'flat') for (const f of ['peakToAverage', 'peakHourUtc']) if (!(f in said)) delete fields[f];
  if ('peakToAverage' in said && fields.shape === 'flat' && !('shape' in said)) {
    fields.shape = 'diurnal';
    out.assume('shape', 'diurnal', `a ${formatNumber(said.peakToAverage as number)}x peak on a flat load; read as a daily cycle`);
  }
  return { fields, said: new Set(Object.keys(said)) };
}
