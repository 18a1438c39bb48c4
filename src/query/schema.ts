/**
 * The parsed query: what a person asked, as exact fields. A field is present only when the text said it
 * or a stated default filled it (then `assumptions` names it). What could not be understood is in
 * `problems`, each with the fragment, what is wrong and an example that works.
 */
import * as z from 'zod';

export const PERCENTILES = [50, 90, 95, 99] as const;
export const VENDORS = ['nvidia', 'amd', 'google', 'aws', 'intel'] as const;
export const SHAPES = ['flat', 'diurnal', 'weekly', 'spike', 'business-hours'] as const;
export const RENTED_TIERS = ['on-demand', 'reserved-1y', 'reserved-3y', 'spot'] as const;

export const ProblemSchema = z.object({
  fragment: z.string(),
  message: z.string(),
  example: z.string(),
  /** The query field the problem is about, when there is one (follow-ups clear it once the field is set). */
  field: z.string().optional(),
});

export const AssumptionSchema = z.object({
  field: z.string(),
  value: z.union([z.string(), z.number(), z.boolean()]),
  reason: z.string(),
});

const positive = z.number().finite().positive();
const id = z.string().min(1);

export const QueryFieldsSchema = z.object({
  model: id.optional(),
  precision: z.enum(['fp4', 'fp8', 'bf16']).optional(),
  inputTokens: z.number().int().positive().optional(),
  outputTokens: z.number().int().positive().optional(),
  /** Mean offered load, requests per second. */
  requestsPerSecond: positive.optional(),
  concurrentUsers: z.number().int().positive().optional(),
  peakToAverage: z.number().finite().min(1).optional(),
  shape: z.enum(SHAPES).optional(),
  /** The `business-hours` shape's window, hours UTC; off-window load as a fraction of the in-window level. */
  businessHours: z
    .object({
      startHourUtc: z.number().min(0).max(24),
      endHourUtc: z.number().min(0).max(24),
      weekdaysOnly: z.boolean(),
      offHoursFraction: z.number().min(0).max(1),
    })
    .optional(),
  /** Weekend load as a fraction (0..1) of the weekday mean ("weekdays only": 0). */
  weekendFraction: z.number().min(0).max(1).optional(),
  /** How long a stated spike lasts ("spike 10x for 2 hours"). */
  spikeDurationMinutes: positive.max(7 * 24 * 60).optional(),
  peakHourUtc: z.number().min(0).max(24).optional(),
  ttftMs: positive.optional(),
  ttftPercentile: z.union(PERCENTILES.map((p) => z.literal(p)) as [z.ZodLiteral<50>, z.ZodLiteral<90>, z.ZodLiteral<95>, z.ZodLiteral<99>]).optional(),
  tpotMs: positive.optional(),
  tokensPerSecondPerUser: positive.optional(),
  platforms: z.array(id).optional(),
  vendors: z.array(z.enum(VENDORS)).optional(),
  excludePlatforms: z.array(id).optional(),
  excludeVendors: z.array(z.enum(VENDORS)).optional(),
  pricing: z.enum(['rented', 'owned']).optional(),
  /** Rented tier when said: on-demand, reserved-1y, reserved-3y, spot. */
  tier: z.enum(RENTED_TIERS).optional(),
  dollarsPerKwh: positive.optional(),
  powerUsageEffectiveness: z.number().finite().min(1).optional(),
  amortizationYears: positive.optional(),
  /** Platform id -> $ per GPU-hour. */
  dollarsPerGpuHour: z.record(z.string(), positive).optional(),
  horizon: z.enum(['day', 'week']).optional(),
  /** Share of input tokens served from the prefix cache ("75% prefix cache hits", "a 4k shared system prompt"). */
  prefixCacheHitFraction: z.number().min(0).lt(1).optional(),
  /** Speculative decoding said ("with speculative decoding", "eagle3 with 3 draft tokens at 60% acceptance"), or 'off'. */
  speculative: z
    .union([
      z.literal('off'),
      z.object({ method: z.enum(['mtp', 'eagle3', 'draft']), draftTokens: z.number().int().min(1).max(8), acceptanceRate: z.number().gt(0).lt(1).optional(), draftModelId: z.string().min(1).optional() }),
    ])
    .optional(),
});

export const QuerySchema = QueryFieldsSchema.extend({
  problems: z.array(ProblemSchema),
  assumptions: z.array(AssumptionSchema),
});

export type Problem = z.infer<typeof ProblemSchema>;
export type Assumption = z.infer<typeof AssumptionSchema>;
export type QueryFields = z.infer<typeof QueryFieldsSchema>;
export type FieldName = keyof QueryFields;
export type ParsedQuery = z.infer<typeof QuerySchema>;
export type VendorName = (typeof VENDORS)[number];

export const FIELD_NAMES = Object.keys(QueryFieldsSchema.shape) as FieldName[];

/** Example phrasings used in problem messages, one place so they stay consistent. */
export const EXAMPLES = {
  whole: 'llama 70b, 2k in / 500 out, 30 rps, peaks 4x at noon, p95 TTFT under 1s',
  model: 'llama 70b',
  lengths: '2k in / 500 out',
  load: '30 rps',
  shape: 'peaks 4x',
  ttft: 'p95 TTFT under 1s',
  tpot: 'TPOT 20ms',
  platforms: 'compare h100 vs mi300x',
  pricing: 'on-prem at $0.08/kWh',
  gpuHour: 'h100 at $1.99/hr',
  followUp: 'what if peak is 10x?',
  prefixCache: '75% prefix cache hits',
  speculative: 'eagle3 with 3 draft tokens at 70% acceptance',
} as const;
