/**
 * The stated reference workloads a general question is answered on: the 1k/1k, 1k/8k and 8k/1k shapes
 * public dashboards (InferenceMAX, Artificial Analysis) report, on gpt-oss-120b, the model the catalog's
 * benchmarks cover best. Every figure of a general answer comes from these requests; each choice is
 * an assumption the answer lists.
 */
import type { AdviceRequest, Assumption } from '../engine/advice-types.ts';

export const REFERENCE_MODEL_ID = 'gpt-oss-120b';

export interface ReferenceWorkload {
  /** "1k/1k": input/output tokens per request. */
  readonly label: string;
  readonly what: string;
  readonly request: AdviceRequest;
}

const SHAPES: readonly { label: string; what: string; inputTokens: number; outputTokens: number }[] = [
  { label: '1k/1k', what: 'chat', inputTokens: 1000, outputTokens: 1000 },
  { label: '1k/8k', what: 'reasoning, long answers', inputTokens: 1000, outputTokens: 8000 },
  { label: '8k/1k', what: 'RAG and summarization, long prompts', inputTokens: 8000, outputTokens: 1000 },
];

/** Mean load of the reference requests; the curve itself sweeps 10 % ... 100 % of capacity. */
const REFERENCE_REQUESTS_PER_SECOND = 10;
const REFERENCE_LATENCY = { ttftMs: 2000, ttftPercentile: 95, tpotMs: 50 } as const;

/** Platform and vendor choices the question did state ("across AMD and NVIDIA"), kept on every reference request. */
export type PlatformFilters = Pick<AdviceRequest, 'platforms' | 'vendors' | 'excludePlatforms'>;

export function referenceWorkloads(modelId: string = REFERENCE_MODEL_ID, asOfDate?: string, filters: PlatformFilters = {}): ReferenceWorkload[] {
  return SHAPES.map((s) => ({
    label: s.label,
    what: s.what,
    request: {
      modelId,
      inputTokens: s.inputTokens,
      outputTokens: s.outputTokens,
      meanRequestsPerSecond: REFERENCE_REQUESTS_PER_SECOND,
      shape: { kind: 'diurnal', peakToAverage: 2 },
      horizon: 'day',
      latency: REFERENCE_LATENCY,
      pricing: { kind: 'rented' },
      ...(asOfDate !== undefined ? { asOfDate } : {}),
      ...filters,
    },
  }));
}

export function referenceAssumptions(modelId: string, asOf: string): Assumption[] {
  const source = { title: 'tokcost reference workload for questions that name none', asOf, basis: 'estimate' as const };
  return [
    { name: 'reference workloads', value: `${modelId} at ${SHAPES.map((s) => `${s.label} (${s.what})`).join(', ')} input/output tokens: the shapes public dashboards report; no workload was named`, source },
    { name: 'reference load', value: `${REFERENCE_REQUESTS_PER_SECOND} requests/s mean, daily cycle peaking at 2x; the load levels shown are fractions of the recommended fleet's capacity`, source },
    { name: 'reference latency', value: `p${REFERENCE_LATENCY.ttftPercentile} TTFT <= ${REFERENCE_LATENCY.ttftMs} ms, TPOT <= ${REFERENCE_LATENCY.tpotMs} ms (${1000 / REFERENCE_LATENCY.tpotMs} tok/s per user)`, source },
    { name: 'reference pricing', value: 'rented GPUs at the catalog default tier', source },
  ];
}
