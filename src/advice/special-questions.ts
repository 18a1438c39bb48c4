/**
 * Questions that are not one workload: a general planning question (no model named) or a claim check
 * (a quoted $ per million tokens). Returns null for an ordinary workload question, which takes the
 * usual path. Used by every door that takes words (the CLI's question path today).
 */
import type { Catalog, Vendor } from '../engine/catalog/types.ts';
import type { CalibrationTable } from '../engine/performance/calibration.ts';
import type { UtilizationCurveReport } from '../engine/reports/utilization-curve.ts';
import { claimIntent, generalIntent, type PlanningIntent } from '../query/general-intent.ts';
import { parseQuery, vocabularyFromCatalog } from '../query/index.ts';
import { VENDORS } from '../query/schema.ts';
import { checkClaim, type ClaimCheck } from './claim-check.ts';
import { renderClaimCheck } from './claim-check-text.ts';
import { generalAnswerWithCurve, type GeneralAnswer } from './general-questions.ts';
import { renderGeneralAnswer } from './general-questions-text.ts';

export type SpecialAnswer =
  /** `curve`: a general answer's first reference workload, for a front end that draws its chart. */
  /** `weak`: read from a fallback cue only ("is AMD cheaper?"), which in a conversation may be a follow-up. */
  | { readonly kind: 'answer'; readonly data: GeneralAnswer | ClaimCheck; readonly text: string; readonly curve?: UtilizationCurveReport; readonly weak?: boolean }
  | { readonly kind: 'problem'; readonly message: string; readonly example: string };

/**
 * `asked`: the report the question was asked as ("tco across the top chip makers" in Slack), read as its
 * intent when the words alone name none.
 */
export function answerSpecialQuestion(text: string, catalog: Catalog, calibration: CalibrationTable, asOf: string, asked?: PlanningIntent): SpecialAnswer | null {
  const vocabulary = vocabularyFromCatalog(catalog);
  const claim = claimIntent(text, vocabulary);
  if (claim) {
    const result = checkClaim(text, claim, catalog, calibration, asOf);
    return result.ok ? { kind: 'answer', data: result.check, text: renderClaimCheck(result.check) } : { kind: 'problem', message: result.message, example: result.example };
  }
  const found = generalIntent(text);
  const intent = found && asked && found.intents[0] !== asked ? { ...found, intents: [asked, ...found.intents.filter((i) => i !== asked)], cues: [asked, ...found.cues] } : found ?? (asked ? { kind: 'general' as const, intents: [asked], cues: [asked] } : null);
  if (!intent) return null;
  // A question that names a model is a workload question, answered by the usual path.
  const parsed = parseQuery(text, vocabulary);
  if (parsed.model !== undefined || parsed.problems.some((p) => p.field === 'model' && p.fragment !== '')) return null;
  // "30 rps, what would serving cost?": a workload missing its model, which "which model?" helps more.
  const statesWorkload = ['requestsPerSecond', 'concurrentUsers', 'inputTokens', 'outputTokens'].some((f) => f in parsed);
  if (intent.weak && statesWorkload) return null;
  const excluded = new Set(parsed.excludeVendors ?? []);
  const vendors = excluded.size > 0 ? VENDORS.filter((v) => !excluded.has(v) && (parsed.vendors ?? VENDORS).includes(v)) : parsed.vendors;
  const filters = {
    ...(parsed.platforms !== undefined ? { platforms: parsed.platforms } : {}),
    ...(vendors !== undefined ? { vendors: vendors as Vendor[] } : {}),
    ...(parsed.excludePlatforms !== undefined ? { excludePlatforms: parsed.excludePlatforms } : {}),
  };
  const { answer, curve } = generalAnswerWithCurve(text, intent, catalog, calibration, asOf, filters);
  return { kind: 'answer', data: answer, text: renderGeneralAnswer(answer), curve, ...(intent.weak ? { weak: true } : {}) };
}
