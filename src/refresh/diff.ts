/**
 * What a refresh changes in one source's records: added, changed by more than 5 % (the figure a
 * planner should notice), moved by 5 % or less (written, not listed), and removed (the source no
 * longer lists them). Old and new records pair by the source's key.
 */
import type { CatalogFileKey, PriceSource, RecordOf } from './types.ts';

export const CHANGE_LISTED_ABOVE_FRACTION = 0.05;

export interface PriceChange {
  readonly key: string;
  readonly label: string;
  readonly oldDollars: number;
  readonly newDollars: number;
  readonly oldAsOf: string;
}

export interface SourceDiff {
  readonly source: string;
  readonly unit: string;
  readonly added: readonly { readonly label: string; readonly dollars: number }[];
  readonly changed: readonly PriceChange[];
  readonly withinThresholdCount: number;
  readonly removed: readonly { readonly label: string; readonly dollars: number }[];
  /** Old records folded into one refreshed record because they share its key. */
  readonly mergedCount: number;
}

/** The figure a diff compares: $/GPU-hour, or $/M output tokens for an API price. */
export function headlineDollars(record: RecordOf<CatalogFileKey>): number {
  return 'dollarsPerGpuHour' in record ? record.dollarsPerGpuHour : record.dollarsPerMillionOutputTokens;
}

export function labelOf(record: RecordOf<CatalogFileKey>): string {
  return 'dollarsPerGpuHour' in record ? `${record.provider} ${record.acceleratorId} ${record.tier}, ${record.gpusPerInstance ?? '?'}-GPU instance` : `${record.provider} ${record.id.replace(/^openrouter-api:openrouter:/, '')} (${record.modelId})`;
}

export function diffSource<K extends CatalogFileKey>(source: PriceSource<K>, owned: readonly RecordOf<K>[], fresh: readonly RecordOf<K>[]): SourceDiff {
  const before = new Map<string, RecordOf<K>>();
  for (const record of owned) if (!before.has(source.keyOf(record))) before.set(source.keyOf(record), record);
  const freshKeys = new Set(fresh.map((r) => source.keyOf(r)));
  const added: SourceDiff['added'][number][] = [];
  const changed: PriceChange[] = [];
  let withinThresholdCount = 0;
  for (const record of fresh) {
    const key = source.keyOf(record);
    const old = before.get(key);
    if (!old) {
      added.push({ label: labelOf(record), dollars: headlineDollars(record) });
      continue;
    }
    const oldDollars = headlineDollars(old);
    const newDollars = headlineDollars(record);
    if (Math.abs(newDollars - oldDollars) > CHANGE_LISTED_ABOVE_FRACTION * oldDollars) changed.push({ key, label: labelOf(record), oldDollars, newDollars, oldAsOf: old.source.asOf });
    else withinThresholdCount++;
  }
  const removed = owned.filter((r) => !freshKeys.has(source.keyOf(r))).map((r) => ({ label: labelOf(r), dollars: headlineDollars(r) }));
  // Old records sharing a key (per-region or older snapshots of one offer) become the one refreshed record.
  const mergedCount = owned.filter((r) => freshKeys.has(source.keyOf(r))).length - before.size + [...before.keys()].filter((k) => !freshKeys.has(k)).length;
  return { source: source.name, unit: source.file === 'prices' ? '$/GPU-hour' : '$/M output tokens', added, changed, withinThresholdCount, removed, mergedCount };
}

const money = (dollars: number): string => `$${dollars < 1 ? dollars.toPrecision(3) : dollars.toFixed(2)}`;

export function diffText(diff: SourceDiff): string {
  const lines = [`${diff.source} (${diff.unit}): ${diff.added.length} added, ${diff.changed.length} changed by more than ${CHANGE_LISTED_ABOVE_FRACTION * 100} %, ${diff.withinThresholdCount} within ${CHANGE_LISTED_ABOVE_FRACTION * 100} %, ${diff.removed.length} removed${diff.mergedCount > 0 ? `, ${diff.mergedCount} duplicate(s) merged` : ''}`];
  for (const a of diff.added) lines.push(`  + ${a.label}: ${money(a.dollars)}`);
  for (const c of diff.changed) lines.push(`  ~ ${c.label}: ${money(c.oldDollars)} (as of ${c.oldAsOf}) -> ${money(c.newDollars)} (${c.newDollars > c.oldDollars ? '+' : ''}${(((c.newDollars - c.oldDollars) / c.oldDollars) * 100).toFixed(1)} %)`);
  for (const r of diff.removed) lines.push(`  - ${r.label}: ${money(r.dollars)}`);
  return lines.join('\n');
}
