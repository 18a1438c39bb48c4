/**
 * Speculative decoding as said (a method, a draft length, maybe an acceptance rate) -> as the engine
 * runs it, with the method's published acceptance default when none was stated, and the sentence that
 * says so. Pure: reads the catalog's speculative-methods table and models.
 */
import { findModel } from '../catalog/lookup.ts';
import type { BenchmarkPoint, Catalog, SourceRef, SpeculativeMethod, SpeculativeMethodDefault, SpeculativeSettings } from '../catalog/types.ts';
import { expectedTokensPerStep, type SpeculativeDecoding } from './speculative.ts';

export const SPECULATIVE_METHOD_NAMES: Readonly<Record<SpeculativeMethod, string>> = { mtp: 'MTP', eagle3: 'EAGLE-3', draft: 'a draft model' };

/** Speculative decoding resolved, with where its acceptance rate came from. */
export interface ResolvedSpeculative {
  readonly decoding: SpeculativeDecoding;
  /** 'stated' when the request gave it; else the method default's source. */
  readonly acceptanceFrom: 'stated' | SourceRef;
  /** Tokens one verification step yields per sequence on average. */
  readonly expectedTokensPerStep: number;
  /** One line for the assumptions and the output: method, k, a, where a came from, E. */
  readonly text: string;
}

export type SpeculativeResolution = { readonly ok: true; readonly resolved: ResolvedSpeculative } | { readonly ok: false; readonly message: string };

/** Resolve speculative settings against the catalog. */
export function resolveSpeculative(settings: SpeculativeSettings, catalog: Catalog): SpeculativeResolution {
  const fallback = catalog.speculativeMethods?.find((m) => m.method === settings.method);
  const acceptanceRate = settings.acceptanceRate ?? fallback?.acceptanceRate;
  if (acceptanceRate === undefined) return { ok: false, message: `no published acceptance rate for ${SPECULATIVE_METHOD_NAMES[settings.method]} in the catalog; state one (e.g. --acceptance-rate 0.7)` };
  let draftModel;
  if (settings.method === 'draft') {
    draftModel = settings.draftModelId === undefined ? undefined : findModel(catalog, settings.draftModelId);
    if (!draftModel) return { ok: false, message: `speculative decoding with a draft model needs a draft model the catalog knows${settings.draftModelId ? ` ("${settings.draftModelId}" is not one)` : ''}; e.g. --speculative draft:llama-3.1-8b:4` };
  }
  const decoding: SpeculativeDecoding = { method: settings.method, draftTokens: settings.draftTokens, acceptanceRate, ...(draftModel ? { draftModel } : {}) };
  const tokens = expectedTokensPerStep(acceptanceRate, settings.draftTokens);
  const method = settings.method === 'draft' && draftModel ? `a draft model (${draftModel.name})` : SPECULATIVE_METHOD_NAMES[settings.method];
  const from = settings.acceptanceRate !== undefined ? 'as stated' : `default for ${SPECULATIVE_METHOD_NAMES[settings.method]}, ${fallback!.source.basis} from ${fallback!.source.title} (${fallback!.source.asOf})`;
  const text = `speculative decoding with ${method}, ${settings.draftTokens} draft tokens per step at ${Math.round(acceptanceRate * 100)} % acceptance per token (${from}): ${tokens.toFixed(2)} tokens per verification step`;
  return { ok: true, resolved: { decoding, acceptanceFrom: settings.acceptanceRate !== undefined ? 'stated' : fallback!.source, expectedTokensPerStep: tokens, text } };
}

/**
 * A benchmark row's speculative decoding as the engine runs it: its stated acceptance, else the method's
 * published default. Undefined for a plain run, or when neither is known (the row is then predicted plain).
 */
export function speculativeOfRow(point: BenchmarkPoint, methods: readonly SpeculativeMethodDefault[] | undefined): SpeculativeDecoding | undefined {
  const s = point.speculative;
  if (!s || s.method === 'draft') return undefined;
  const acceptanceRate = s.acceptanceRate ?? methods?.find((m) => m.method === s.method)?.acceptanceRate;
  return acceptanceRate === undefined ? undefined : { method: s.method, draftTokens: s.draftTokens, acceptanceRate };
}
