/**
 * The asked-for planning report reduced to the figures a general answer shows: TCO rows (price per
 * GPU-hour, energy and memory cost per token), crossover boundaries, batch-size efficiency. Each keeps
 * its report's own verdict sentence; nothing here recomputes the engine's figures.
 */
import type { BatchEfficiencyReport } from '../engine/reports/batch-efficiency.ts';
import type { CrossoverReport } from '../engine/reports/crossover.ts';
import type { TcoReport } from '../engine/reports/tco.ts';

const ROWS = 6;

export interface TcoDetailRow {
  readonly shortName: string;
  readonly rentedDollarsPerGpuHour: number | null;
  readonly rentedFullLoadDollarsPerMillionTotalTokens: number | null;
  readonly ownedFullLoadDollarsPerMillionTotalTokens: number | null;
  readonly joulesPerTotalToken: number | null;
  readonly dollarsPerHourPerHbmGigabyte: number | null;
}

export interface BatchDetailRow {
  readonly shortName: string;
  readonly batchOneDollarsPerMillionOutputTokens: number | null;
  readonly sloBatch: number;
  readonly sloDollarsPerMillionOutputTokens: number;
  readonly computeBoundFromBatch: number | null;
}

export type IntentDetail =
  | { readonly kind: 'tco'; readonly verdict: string; readonly rows: readonly TcoDetailRow[] }
  | { readonly kind: 'crossover'; readonly verdict: string; readonly crossovers: readonly string[] }
  | { readonly kind: 'batch'; readonly verdict: string; readonly rows: readonly BatchDetailRow[] };

export type IntentReport =
  | { readonly kind: 'tco'; readonly report: TcoReport }
  | { readonly kind: 'crossover'; readonly report: CrossoverReport }
  | { readonly kind: 'batch'; readonly report: BatchEfficiencyReport };

export function intentDetail(input: IntentReport): IntentDetail {
  switch (input.kind) {
    case 'tco':
      return {
        kind: 'tco',
        verdict: input.report.verdict,
        rows: input.report.rows.slice(0, ROWS).map((r) => {
          const f = r.rented ?? r.owned;
          return {
            shortName: r.shortName,
            rentedDollarsPerGpuHour: r.rented?.dollarsPerGpuHour ?? null,
            rentedFullLoadDollarsPerMillionTotalTokens: r.rented?.fullLoadDollarsPerMillionTotalTokens ?? null,
            ownedFullLoadDollarsPerMillionTotalTokens: r.owned?.fullLoadDollarsPerMillionTotalTokens ?? null,
            joulesPerTotalToken: f?.joulesPerTotalToken ?? null,
            dollarsPerHourPerHbmGigabyte: f?.dollarsPerHourPerHbmGigabyte ?? null,
          };
        }),
      };
    case 'crossover':
      return { kind: 'crossover', verdict: input.report.verdict, crossovers: input.report.crossovers.map((c) => c.text) };
    case 'batch':
      return {
        kind: 'batch',
        verdict: input.report.verdict,
        rows: input.report.platforms.slice(0, ROWS).map((p) => ({
          shortName: p.shortName,
          batchOneDollarsPerMillionOutputTokens: p.points.find((x) => x.batch === 1)?.dollarsPerMillionOutputTokens ?? null,
          sloBatch: p.sloBatch,
          sloDollarsPerMillionOutputTokens: p.sloDollarsPerMillionOutputTokens,
          computeBoundFromBatch: p.computeBoundFromBatch,
        })),
      };
  }
}
