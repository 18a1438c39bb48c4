/**
 * zod schemas mirroring src/engine/catalog/types.ts, one per data/*.json file. The edge validates with
 * these and hands the engine plain data; `satisfies` checks below keep schema and types in step.
 */
import * as z from 'zod';
import type {
  Accelerator,
  ApiPrice,
  BenchmarkPoint,
  EnergyDefaults,
  OwnedCostDefaults,
  Model,
  SpeculativeMethodDefault,
  PriceRecord,
  PurchasePrice,
  SourceRef,
} from '../engine/catalog/types.ts';

const positive = z.number({ error: 'expected positive number' }).positive({ error: 'expected positive number' });
const nonNegative = z.number({ error: 'expected number >= 0' }).nonnegative({ error: 'expected number >= 0' });
const positiveInt = z.number({ error: 'expected positive integer' }).int({ error: 'expected positive integer' }).positive({ error: 'expected positive integer' });
const nonEmpty = z.string({ error: 'expected non-empty string' }).min(1, { error: 'expected non-empty string' });
const isoDate = z.string({ error: 'expected ISO date YYYY-MM or YYYY-MM-DD' }).regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, {
  error: 'expected ISO date YYYY-MM or YYYY-MM-DD',
});

export const precisionSchema = z.enum(['fp4', 'fp8', 'bf16']);
export const basisSchema = z.enum(['datasheet', 'measured', 'vendor-claim', 'estimate']);

export const sourceRefSchema = z.strictObject({
  title: nonEmpty,
  url: z.url({ error: 'expected URL' }).optional(),
  asOf: isoDate,
  basis: basisSchema,
  note: z.string().optional(),
});

export const acceleratorSchema = z.strictObject({
  id: nonEmpty,
  name: nonEmpty,
  vendor: z.enum(['nvidia', 'amd', 'google', 'aws', 'intel']),
  aliases: z.array(nonEmpty),
  memoryBytes: positive,
  memoryBandwidthBytesPerSecond: positive,
  denseFlopsPerSecond: z
    .strictObject({ fp4: positive.optional(), fp8: positive.optional(), bf16: positive.optional() })
    .refine((f) => Object.keys(f).length > 0, { error: 'expected at least one precision' }),
  scaleUpBytesPerSecondPerDirection: positive,
  scaleUpDomainCount: positiveInt,
  minimumDeployableCount: positiveInt,
  tdpWatts: positive.nullable(),
  allInWatts: positive.nullable(),
  idleWatts: positive.nullable(),
  launchYear: z.number().int().min(2000).max(2100).optional(),
  source: sourceRefSchema,
  fieldSources: z.record(z.string(), z.string()).optional(),
});

const attentionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('gqa') }),
  z.strictObject({
    kind: z.literal('mla'),
    kvLoraRank: positiveInt,
    qkRopeHeadDim: positiveInt,
    qkNopeHeadDim: positiveInt.optional(),
    vHeadDim: positiveInt.optional(),
    qLoraRank: positiveInt.optional(),
  }),
]);

const sparseSelectionSchema = z.strictObject({
  attendedEntries: positiveInt,
  indexerBytesPerEntry: nonNegative,
  indexerHeads: z.number().int().nonnegative(),
  indexerHeadDim: z.number().int().nonnegative(),
});

export const modelSchema = z.strictObject({
  id: nonEmpty,
  name: nonEmpty,
  aliases: z.array(nonEmpty),
  hfRepo: nonEmpty,
  totalParams: positive,
  activeParams: positive,
  layers: positiveInt,
  hiddenSize: positiveInt,
  attentionHeads: positiveInt,
  kvHeads: positiveInt,
  headDim: positiveInt,
  attention: attentionSchema,
  slidingWindow: z.strictObject({ layers: positiveInt, windowTokens: positiveInt }).optional(),
  moe: z
    .strictObject({
      expertsTotal: positiveInt,
      expertsActive: positiveInt,
      sharedExperts: z.number().int().nonnegative(),
      moeLayers: positiveInt,
      paramsPerExpertPerLayer: positive,
    })
    .optional(),
  attentionVariants: z
    .strictObject({
      recurrent: z.strictObject({ kind: z.enum(['linear-attention', 'state-space']), layers: positiveInt, stateBytesPerSequencePerLayer: positive }).optional(),
      compressed: z.array(z.strictObject({ layers: positiveInt, tokensPerEntry: positiveInt, localWindowTokens: z.number().int().nonnegative(), selection: sparseSelectionSchema.optional() })).optional(),
      sparse: sparseSelectionSchema.extend({ layers: positiveInt }).optional(),
    })
    .optional(),
  visionTower: z.strictObject({ params: positive, note: nonEmpty }).optional(),
  vocabSize: positiveInt,
  maxContextTokens: positiveInt,
  releasedPrecision: precisionSchema,
  source: sourceRefSchema,
});

export const priceRecordSchema = z.strictObject({
  id: nonEmpty,
  acceleratorId: nonEmpty,
  provider: nonEmpty,
  tier: z.enum(['on-demand', 'reserved-1y', 'reserved-3y', 'spot', 'committed', 'rental-3y-neocloud', 'owning-hyperscaler', 'owning-neocloud']),
  dollarsPerGpuHour: positive,
  gpusPerInstance: positiveInt.nullable(),
  region: z.string().optional(),
  source: sourceRefSchema,
});

export const purchasePriceSchema = z.strictObject({
  acceleratorId: nonEmpty,
  dollarsPerAccelerator: positive,
  source: sourceRefSchema,
});

export const speculativeMethodSchema = z.enum(['mtp', 'eagle3', 'draft']);

export const speculativeMethodDefaultSchema = z.strictObject({
  method: speculativeMethodSchema,
  label: nonEmpty,
  draftTokens: positiveInt,
  acceptanceRate: z.number().gt(0, { error: 'expected acceptance rate in (0, 1)' }).lt(1, { error: 'expected acceptance rate in (0, 1)' }),
  source: sourceRefSchema,
});

export const benchmarkPointSchema = z.strictObject({
  id: nonEmpty,
  acceleratorId: nonEmpty,
  modelId: nonEmpty,
  precision: precisionSchema,
  engine: z.enum(['trtllm', 'vllm', 'sglang', 'other']),
  gpusPerReplica: positive,
  pipelineParallel: positive.int().optional(),
  attentionDataParallel: z.literal(true).optional(),
  maxBatchPerReplica: positive.int().optional(),
  tokenBudgetPerStep: positive.int().optional(),
  schedulerStepsPerIteration: positive.int().optional(),
  servingStack: z.literal('tgi').optional(),
  scheduler: z.enum(['prefill-first', 'mixed']).optional(),
  speculative: z.strictObject({ method: speculativeMethodSchema, draftTokens: positiveInt, acceptanceRate: z.number().gt(0).lt(1).optional(), draftModelId: nonEmpty.optional() }).optional(),
  prefixCacheHitFraction: z.number().min(0).lt(1).optional(),
  gpuCount: positiveInt,
  inputTokens: positive,
  outputTokens: positive,
  scenario: z.enum(['saturated', 'concurrency', 'request-rate', 'burst']),
  concurrency: positive.optional(),
  requestsPerSecond: positive.optional(),
  requestCount: positive.int().optional(),
  outputTokensPerSecondPerGpu: positive,
  ttftMs: nonNegative.optional(),
  tpotMs: positive.optional(),
  latencyStatistic: z.enum(['mean', 'median']).optional(),
  kind: z.enum(['measured', 'vendor-claim']),
  source: sourceRefSchema,
});

export const apiPriceSchema = z.strictObject({
  id: nonEmpty,
  modelId: nonEmpty,
  provider: nonEmpty,
  dollarsPerMillionInputTokens: nonNegative,
  dollarsPerMillionOutputTokens: nonNegative,
  dollarsPerMillionCachedInputTokens: nonNegative.optional(),
  outputTokensPerSecondPerUser: positive.optional(),
  source: sourceRefSchema,
});

const energyValue = (value: z.ZodNumber) => z.strictObject({ value, source: sourceRefSchema });
export const energyDefaultsSchema = z.strictObject({
  dollarsPerKwh: energyValue(positive),
  powerUsageEffectiveness: energyValue(z.number().min(1, { error: 'expected PUE >= 1' })),
  amortizationYears: energyValue(positive),
});

export const ownedCostDefaultsSchema = z.strictObject({
  serverShareOfAcceleratorPrice: energyValue(nonNegative),
  networkShareOfAcceleratorPrice: energyValue(nonNegative),
  facilityDollarsPerKw: energyValue(nonNegative),
  facilityLifeYears: energyValue(positive),
  operationsFractionOfHardwarePerYear: energyValue(nonNegative),
});

// Compile-time checks: a schema's output must be assignable to the engine type it feeds.
type Assignable<T, U extends T> = U;
export type SchemaChecks = [
  Assignable<SourceRef, z.infer<typeof sourceRefSchema>>,
  Assignable<Accelerator, z.infer<typeof acceleratorSchema>>,
  Assignable<Model, z.infer<typeof modelSchema>>,
  Assignable<PriceRecord, z.infer<typeof priceRecordSchema>>,
  Assignable<PurchasePrice, z.infer<typeof purchasePriceSchema>>,
  Assignable<BenchmarkPoint, z.infer<typeof benchmarkPointSchema>>,
  Assignable<ApiPrice, z.infer<typeof apiPriceSchema>>,
  Assignable<EnergyDefaults, z.infer<typeof energyDefaultsSchema>>,
  Assignable<OwnedCostDefaults, z.infer<typeof ownedCostDefaultsSchema>>,
  Assignable<SpeculativeMethodDefault, z.infer<typeof speculativeMethodDefaultSchema>>,
];

/** One schema per file of data/: arrays of records, and the single energy object. */
export const CATALOG_FILES = {
  accelerators: { file: 'accelerators.json', schema: z.array(acceleratorSchema) },
  models: { file: 'models.json', schema: z.array(modelSchema) },
  prices: { file: 'prices.json', schema: z.array(priceRecordSchema) },
  purchasePrices: { file: 'purchase-prices.json', schema: z.array(purchasePriceSchema) },
  benchmarks: { file: 'benchmarks.json', schema: z.array(benchmarkPointSchema) },
  apiPrices: { file: 'api-prices.json', schema: z.array(apiPriceSchema) },
  energy: { file: 'energy.json', schema: energyDefaultsSchema },
  // Optional: a data directory without it prices owned hardware from the purchase price and power alone.
  ownedCosts: { file: 'energy-and-capex.json', schema: ownedCostDefaultsSchema, optional: true },
  // Optional: without it speculative decoding needs a stated acceptance rate.
  speculativeMethods: { file: 'speculative-methods.json', schema: z.array(speculativeMethodDefaultSchema), optional: true },
} as const;
