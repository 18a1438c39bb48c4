/**
 * The workload as a person described it, through any door (words, CLI flags, the Slack form, a thread
 * follow-up, a CSV series): only what was said, plus the notes the door made while reading it (a token
 * rate turned into requests/s, "at noon" read as UTC). Defaults and bounds are applied later, once, by
 * buildWorkload. The schema validates a draft read back from storage; its number checks are type checks
 * only (finite numbers), the bounds live in bounds.ts.
 */
import * as z from 'zod';

export const SHAPE_KINDS = ['flat', 'diurnal', 'weekly', 'spike', 'business-hours', 'series'] as const;
export const VENDOR_NAMES = ['nvidia', 'amd', 'google', 'aws', 'intel'] as const;
export const LATENCY_CLASSES = ['interactive', 'batch'] as const;

const num = z.number().finite();
const id = z.string().min(1).max(200);

export const NoteSchema = z.object({
  field: z.string(),
  value: z.union([z.string(), z.number(), z.boolean()]),
  reason: z.string(),
});

export const DraftFieldsSchema = z.object({
  model: id.optional(),
  precision: z.enum(['fp4', 'fp8', 'bf16']).optional(),
  engine: z.enum(['trtllm', 'vllm', 'sglang']).optional(),
  inputTokens: num.optional(),
  outputTokens: num.optional(),
  lengthSpreadFraction: num.optional(),
  prefixCacheHitFraction: num.optional(),
  /** Speculative decoding as said (method, draft length, acceptance when stated), or 'off'. */
  speculative: z
    .union([z.literal('off'), z.object({ method: z.enum(['mtp', 'eagle3', 'draft']), draftTokens: num, acceptanceRate: num.optional(), draftModelId: id.optional() })])
    .optional(),
  requestsPerSecond: num.optional(),
  concurrentUsers: num.optional(),
  shape: z.enum(SHAPE_KINDS).optional(),
  peakToAverage: num.optional(),
  peakHourUtc: num.optional(),
  weekendFraction: num.optional(),
  /** The business-hours shape's window (hours UTC) and off-window load as a fraction of the in-window level. */
  businessHours: z.object({ startHourUtc: num, endHourUtc: num, weekdaysOnly: z.boolean(), offHoursFraction: num }).optional(),
  spikeRiseMinutes: num.optional(),
  spikeDurationMinutes: num.optional(),
  /** The user's own series (shape 'series'), requests/s per step. */
  series: z.object({ stepMinutes: num, requestsPerSecond: z.array(num).max(200_000), label: z.string().optional() }).optional(),
  horizon: z.enum(['day', 'week']).optional(),
  /** "batch"/"offline" drops the interactive latency default; "interactive" asks for it by name. */
  latencyClass: z.enum(LATENCY_CLASSES).optional(),
  ttftMs: num.optional(),
  ttftPercentile: num.optional(),
  tpotMs: num.optional(),
  tokensPerSecondPerUser: num.optional(),
  platforms: z.array(id).optional(),
  vendors: z.array(z.enum(VENDOR_NAMES)).optional(),
  excludePlatforms: z.array(id).optional(),
  excludeVendors: z.array(z.enum(VENDOR_NAMES)).optional(),
  pricing: z.enum(['rented', 'owned']).optional(),
  tier: z.string().min(1).max(60).optional(),
  dollarsPerKwh: num.optional(),
  powerUsageEffectiveness: num.optional(),
  amortizationYears: num.optional(),
  /** Platform id -> $ per GPU-hour. */
  dollarsPerGpuHour: z.record(z.string(), num).optional(),
});

export const WorkloadDraftSchema = z.object({
  fields: DraftFieldsSchema,
  /** What the door inferred while reading (not defaults): shown among the assumptions. */
  notes: z.array(NoteSchema).max(50),
});

export type Note = z.infer<typeof NoteSchema>;
export type DraftFields = z.infer<typeof DraftFieldsSchema>;
export type DraftField = keyof DraftFields;
/** A user's own load series (a CSV through --load-csv or attached in Slack). */
export type LoadSeries = NonNullable<DraftFields['series']>;
export type WorkloadDraft = z.infer<typeof WorkloadDraftSchema>;
export type ShapeKind = (typeof SHAPE_KINDS)[number];

export const DRAFT_FIELDS = Object.keys(DraftFieldsSchema.shape) as DraftField[];

/** A draft with nothing undefined in it (JSON round trips and equality checks stay exact). */
export function draftOf(fields: DraftFields, notes: readonly Note[] = []): WorkloadDraft {
  const clean = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as DraftFields;
  return { fields: clean, notes: [...notes] };
}

/** A stored draft read back: validated here, once; anything unreadable is reported, not guessed. */
export function readStoredDraft(value: unknown): { ok: true; draft: WorkloadDraft } | { ok: false; message: string } {
  const parsed = WorkloadDraftSchema.safeParse(value);
  if (parsed.success) return { ok: true, draft: draftOf(parsed.data.fields, parsed.data.notes) };
  const first = parsed.error.issues[0];
  return { ok: false, message: `the stored workload is unreadable (${first ? `${first.path.join('.') || 'draft'}: ${first.message}` : 'invalid'})` };
}
