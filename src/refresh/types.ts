/**
 * A price source for `tokcost data refresh`: where its public list lives, which catalog file it feeds,
 * which existing records it owns (a refresh replaces exactly those), and how its response becomes
 * catalog records. Parsing is pure: the response text comes in, records or a RefreshError come out.
 */
import type { Accelerator, ApiPrice, Model, PriceRecord } from '../engine/catalog/types.ts';

export type CatalogFileKey = 'prices' | 'apiPrices';
export type RecordOf<K extends CatalogFileKey> = K extends 'prices' ? PriceRecord : ApiPrice;

export interface ParseContext {
  readonly accelerators: readonly Accelerator[];
  readonly models: readonly Model[];
  /** ISO date the response was fetched or recorded: every record's source.asOf. */
  readonly asOf: string;
  /** Where the response came from (URL, or the recorded file), for each record's source note. */
  readonly origin: string;
}

export interface ParsedSource<K extends CatalogFileKey> {
  readonly records: readonly RecordOf<K>[];
  /** Rows the source lists that tokcost does not price (unknown accelerator or model), counted for the report. */
  readonly skippedRows: number;
}

export interface PriceSource<K extends CatalogFileKey = CatalogFileKey> {
  readonly name: string;
  readonly description: string;
  readonly file: K;
  readonly url: string;
  /** File name of a recorded response inside `--from DIR`. */
  readonly recordedFile: string;
  /** True for the existing records this source owns (and a refresh from it replaces). */
  owns(record: RecordOf<K>): boolean;
  /** Key that pairs an old record with its refreshed one. */
  keyOf(record: RecordOf<K>): string;
  parse(text: string, context: ParseContext): ParsedSource<K>;
}

/** A response that cannot be used: names the source and the field (or row and column) at fault. */
export class RefreshError extends Error {
  constructor(
    readonly source: string,
    readonly field: string,
    readonly detail: string,
  ) {
    super(`${source}: ${field}: ${detail}`);
    this.name = 'RefreshError';
  }
}
