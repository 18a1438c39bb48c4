import { PREFILL_CHUNK_TOKENS, SCHEDULER_BY_ENGINE } from './efficiency.ts';
import { type MemoryFit, memoryFit } from './batch-limit.ts';
import { gpusPerReplica, type Replica } from './replica.ts';
import { decodeStepComputeSlackSeconds, decodeStepSeconds, prefillComputeSeconds, prefillLatencySeconds } from './step-time.ts';

/**
 * Time a new request's prefill adds to the decode steps it rides in (continuous batching puts its
 * chunks in steps with the running batch): its compute less what hides under those steps' memory-bound
 * kernels, since a mixed step costs max(weight reads, decode + prefill GEMMs), not their sum. With the
 * whole prefill charged, TPOT at a Poisson load grew with the load twice as fast as measured on the
 * small-batch TensorRT-LLM v0.14 rows (Llama-3.1-8B, 467 in / 16 out: measured 7 -> 8 ms).
 */
function addedPrefillSeconds(replica: Replica, lengths: Lengths, prefillSeconds: number, batch: number, contextTokens: number): number {
  const chunks = Math.max(1, Math.ceil(prefillTokensOf(lengths) / PREFILL_CHUNK_TOKENS));
  return Math.max(0, prefillSeconds - chunks * decodeStepComputeSlackSeconds(replica, batch, contextTokens));
}

/** Workload lengths of one request. */
export interface Lengths {
  readonly inputTokens: number;
  readonly outputTokens: number;
  /**
   * Input tokens the replica prefills: fewer than `inputTokens` when a shared prefix is served from the
   * prefix cache (those tokens skip prefill compute but still sit in the KV cache and are read by decode).
   */
  readonly prefillTokens?: number;
}

/** Tokens a request prefills: its input less what the prefix cache already holds. */
export function prefillTokensOf(lengths: Lengths): number {
  return lengths.prefillTokens ?? lengths.inputTokens;
}

/** Steady state of one aggregated replica (continuous batching with chunked prefill). */
export interface OperatingPoint {
  /** Sequences decoding at once. */
  readonly batch: number;
  readonly tpotMs: number;
  /** Mean time to first token. */
  readonly ttftMs: number;
  /** Median time to first token: below the mean when only some requests queue for prefill. */
  readonly ttftMedianMs: number;
  readonly requestsPerSecond: number;
  readonly outputTokensPerSecondPerGpu: number;
  readonly totalTokensPerSecondPerGpu: number;
  /** Share of GPU time spent in prefill. */
  readonly prefillBusyFraction: number;
  /** True when the offered load exceeds what the replica can serve (the point is the saturated one). */
  readonly saturated: boolean;
}

/** Mean context of a decoding sequence: its prompt plus half its output. */
export function meanContext(lengths: Lengths): number {
  return lengths.inputTokens + lengths.outputTokens / 2;
}

/**
 * Memory and scheduler limits on the decode batch for these lengths. With chunked prefill under a token
 * budget per step (vLLM max-num-batched-tokens), each step carries B decode tokens plus, on average,
 * B x ISL / OSL prefill tokens to replace the sequences that finish, so B <= budget / (1 + ISL / OSL).
 * Multi-step scheduling (vLLM V0 num-scheduler-steps n with chunked prefill, PR #8378) admits whole
 * prompts only in the first of every n steps, while n steps' worth of sequences finish:
 * B <= budget / (1 + n x ISL / OSL).
 */
export function batchLimit(replica: Replica, lengths: Lengths): MemoryFit {
  const fit = memoryFit(replica, lengths.inputTokens + lengths.outputTokens);
  if (replica.tokenBudgetPerStep === undefined) return fit;
  const steps = replica.schedulerStepsPerIteration ?? 1;
  const byBudget = Math.max(1, Math.floor(replica.tokenBudgetPerStep / (1 + (steps * lengths.inputTokens) / Math.max(1, lengths.outputTokens))));
  return { ...fit, maxBatch: Math.min(fit.maxBatch, byBudget) };
}

/** Requests the replica admits per decode step with `batch` sequences decoding: each finishes after OSL steps. */
function newRequestsPerStep(lengths: Lengths, batch: number): number {
  return batch / Math.max(1, lengths.outputTokens);
}

/** GPU-time of the replica per prefilled request with `batch` sequences decoding (see prefillComputeSeconds). */
export function prefillUnderLoadSeconds(replica: Replica, lengths: Lengths, batch: number): number {
  return prefillComputeSeconds(replica, prefillTokensOf(lengths), undefined, newRequestsPerStep(lengths, batch));
}

export function makePoint(replica: Replica, lengths: Lengths, batch: number, requestsPerSecond: number, tpotSeconds: number, ttftSeconds: number, prefillBusyFraction: number, saturated: boolean, ttftMedianSeconds: number = ttftSeconds): OperatingPoint {
  const gpus = gpusPerReplica(replica);
  const outputPerSecond = requestsPerSecond * lengths.outputTokens;
  return {
    batch,
    tpotMs: tpotSeconds * 1000,
    ttftMs: ttftSeconds * 1000,
    ttftMedianMs: ttftMedianSeconds * 1000,
    requestsPerSecond,
    outputTokensPerSecondPerGpu: outputPerSecond / gpus,
    totalTokensPerSecondPerGpu: (requestsPerSecond * (lengths.inputTokens + lengths.outputTokens)) / gpus,
    prefillBusyFraction,
    saturated,
  };
}

/**
 * The step that yields a new request's first token under continuous batching: its prefill rides in a
 * step with the running decode batch, so it costs the prefill compute plus that batch's decode step
 * (never less than prefilling alone on an idle replica). Leaving the decode batch out under-predicted
 * TTFT on the TensorRT-LLM online rows by ~20 %.
 */
export function firstTokenStepSeconds(prefillAloneSeconds: number, prefillComputeSeconds: number, decodeStepSeconds: number): number {
  return Math.max(prefillAloneSeconds, prefillComputeSeconds + decodeStepSeconds);
}

/**
 * Mean and median wait for the prefill server at utilization `rho` (M/D/1 mean). Arrivals find it idle
 * with probability 1 - rho, so the median wait is zero up to rho = 1/2; beyond, the tail is close to
 * exponential and the median is the mean x ln(2 rho) / rho (exact for M/M/1).
 */
function prefillQueueWaitSeconds(rho: number, prefillSeconds: number): { meanSeconds: number; medianSeconds: number } {
  const meanSeconds = (rho / (2 * (1 - rho))) * prefillSeconds;
  const medianSeconds = rho <= 0.5 ? 0 : (meanSeconds * Math.log(2 * rho)) / rho;
  return { meanSeconds, medianSeconds };
}

/**
 * Highest-throughput steady state (offline, infinite request rate): the largest batch that fits.
 * Per cycle of OSL steps the replica decodes B x OSL tokens and prefills B sequences:
 * throughput = B x OSL / (OSL x step(B) + B x prefill(ISL)).
 */
export function saturatedPoint(replica: Replica, lengths: Lengths, batchCap?: number): OperatingPoint | null {
  const fit = batchLimit(replica, lengths);
  const batch = Math.min(fit.maxBatch, batchCap ?? Number.POSITIVE_INFINITY);
  if (batch < 1) return null;
  return pointAtBatch(replica, lengths, batch, true);
}

/** Steady state with exactly `batch` sequences decoding and every finished one replaced at once (closed loop). */
export function pointAtBatch(replica: Replica, lengths: Lengths, batch: number, saturated = false): OperatingPoint {
  const step = decodeStepSeconds(replica, batch, meanContext(lengths));
  const prefill = prefillUnderLoadSeconds(replica, lengths, batch);
  const cycleSeconds = lengths.outputTokens * step + batch * prefill;
  const requestsPerSecond = batch / cycleSeconds;
  const prefillBusyFraction = (batch * prefill) / cycleSeconds;
  const tpotSeconds = cycleSeconds / lengths.outputTokens;
  const ttftSeconds = prefillLatencySeconds(replica, prefillTokensOf(lengths), PREFILL_CHUNK_TOKENS) + step;
  return makePoint(replica, lengths, batch, requestsPerSecond, tpotSeconds, ttftSeconds, prefillBusyFraction, saturated);
}

/**
 * Steady state at an offered Poisson load of `requestsPerSecond` on one replica. Fixed point of
 * Little's law B = lambda x (TTFT + (OSL-1) x TPOT) and TPOT = step(B) / (1 - lambda x prefill), with
 * the M/D/1 queue wait for prefill added to TTFT. Saturated when the load exceeds capacity.
 */
export function pointAtRate(replica: Replica, lengths: Lengths, requestsPerSecond: number): OperatingPoint | null {
  const fit = batchLimit(replica, lengths);
  if (fit.maxBatch < 1) return null;
  const prefillAlone = prefillLatencySeconds(replica, prefillTokensOf(lengths), PREFILL_CHUNK_TOKENS);
  const capacity = pointAtBatch(replica, lengths, fit.maxBatch, true);
  if (requestsPerSecond >= capacity.requestsPerSecond * 0.999) return capacity;
  let batch = Math.max(1, requestsPerSecond * lengths.outputTokens * 0.01);
  let tpot = 0;
  let ttft = prefillAlone;
  let ttftMedian = prefillAlone;
  let rho = 0;
  for (let i = 0; i < 60; i++) {
    const prefill = prefillUnderLoadSeconds(replica, lengths, batch);
    rho = Math.min(0.99, requestsPerSecond * prefill);
    const queueWait = prefillQueueWaitSeconds(rho, prefill);
    const step = decodeStepSeconds(replica, batch, meanContext(lengths));
    tpot = step / (1 - Math.min(0.99, requestsPerSecond * addedPrefillSeconds(replica, lengths, prefill, batch, meanContext(lengths))));
    const service = firstTokenStepSeconds(prefillAlone, prefill, step) + step / 2;
    ttft = service + queueWait.meanSeconds;
    ttftMedian = service + queueWait.medianSeconds;
    const next = Math.min(fit.maxBatch, requestsPerSecond * (ttft + Math.max(0, lengths.outputTokens - 1) * tpot));
    if (Math.abs(next - batch) < 1e-3 * batch) {
      batch = next;
      break;
    }
    batch = 0.5 * batch + 0.5 * next;
  }
  return makePoint(replica, lengths, batch, requestsPerSecond, tpot, ttft, rho, false, ttftMedian);
}

/**
 * Closed-loop benchmark with `concurrency` clients per replica, each sending its next request when the
 * last one ends (InferenceX / benchmark_serving sweeps). With B sequences decoding, Little's law gives
 * lambda = B / ((OSL-1) x step(B) + B x prefill) and TPOT = step(B) / (1 - lambda x prefill); the clients
 * not decoding wait for or sit in prefill: C = B + lambda x TTFT. That residual grows with B, so B is
 * found by bisection. Clients beyond the memory-limited batch queue, which adds to TTFT.
 */
export function pointAtConcurrency(replica: Replica, lengths: Lengths, concurrency: number): OperatingPoint | null {
  const fit = batchLimit(replica, lengths);
  if (fit.maxBatch < 1) return null;
  const prefillAlone = prefillLatencySeconds(replica, prefillTokensOf(lengths), PREFILL_CHUNK_TOKENS);
  const admitted = Math.min(concurrency, fit.maxBatch);
  const decodeSteps = Math.max(1, lengths.outputTokens - 1);
  const context = meanContext(lengths);
  const evaluate = (batch: number) => {
    const step = decodeStepSeconds(replica, Math.max(1, batch), context);
    const prefill = prefillUnderLoadSeconds(replica, lengths, batch);
    const rate = batch / (decodeSteps * step + batch * prefill);
    const rho = Math.min(0.99, rate * prefill);
    const rhoTpot = Math.min(0.99, rate * addedPrefillSeconds(replica, lengths, prefill, Math.max(1, batch), context));
    const service = firstTokenStepSeconds(prefillAlone, prefill, step) + step / 2;
    const wait = prefillQueueWaitSeconds(rho, prefill);
    const ttft = service + wait.meanSeconds;
    return { step, rate, rho, tpot: step / (1 - rhoTpot), ttft, ttftMedian: service + wait.medianSeconds, inSystem: batch + rate * ttft };
  };
  let low = 1e-6;
  let high = admitted;
  for (let i = 0; i < 30; i++) {
    const mid = (low + high) / 2;
    if (evaluate(mid).inSystem > admitted) high = mid;
    else low = mid;
  }
  const batch = (low + high) / 2;
  const state = evaluate(batch);
  const queued = concurrency - admitted;
  // Clients beyond the batch all wait their turn for a slot: that wait moves the median as much as the mean.
  const slotWait = queued > 0 ? queued / state.rate : 0;
  if (schedulerOf(replica) === 'prefill-first') {
    // The clients' fixed-length requests end together, so the next C arrive together and queue for each
    // other's prefill in every wave, not only the first: the mean wait is the wave's, whatever the steady
    // state says (the larger of the two holds: a wave never waits less than the queue model's floor).
    const waveFirstToken = waveOfPrefills(replica, lengths, admitted).meanFirstTokenSeconds + state.step / 2;
    const ttft = Math.max(state.ttft, waveFirstToken);
    return makePoint(replica, lengths, batch, state.rate, state.tpot, ttft + slotWait, state.rho, queued > 0, Math.max(state.ttftMedian, waveFirstToken) + slotWait);
  }
  return makePoint(replica, lengths, batch, state.rate, state.tpot, state.ttft + slotWait, state.rho, queued > 0, state.ttftMedian + slotWait);
}

/** The replica's scheduler: stated, or its engine's default. */
export function schedulerOf(replica: Replica): 'prefill-first' | 'mixed' {
  return replica.scheduler ?? (replica.tokenBudgetPerStep !== undefined ? 'mixed' : SCHEDULER_BY_ENGINE[replica.engine]);
}

/**
 * Prefill of a wave of `wave` prompts that arrived together (a burst, or a closed-loop wave at a
 * prefill-first scheduler): whole prompts are packed into steps of up to the token budget
 * (PREFILL_CHUNK_TOKENS unless stated), first in, first out, and each prompt's first token comes when its
 * step ends. Returns the wave's prefill time and the mean over its requests of the time to their first
 * token. (Prefilling the whole queue in one pass, once assumed for TGI, put the dstack MI300X TGI bursts'
 * TTFT at 1.5-2.8x measured; per-step packing brings 12 of their 23 rows within 40 %, held out.)
 */
export function waveOfPrefills(replica: Replica, lengths: Lengths, wave: number): { seconds: number; meanFirstTokenSeconds: number } {
  const prefill = prefillComputeSeconds(replica, lengths.inputTokens);
  const prefillAlone = prefillLatencySeconds(replica, lengths.inputTokens, PREFILL_CHUNK_TOKENS);
  const seconds = Math.max(prefillAlone, wave * prefill);
  const perStep = Math.min(Math.max(1, wave), Math.max(1, Math.floor((replica.tokenBudgetPerStep ?? PREFILL_CHUNK_TOKENS) / Math.max(1, lengths.inputTokens))));
  const fullSteps = Math.max(0, Math.ceil(wave / perStep) - 1);
  const lastStepPrompts = wave - fullSteps * perStep;
  // Step j (1-based) of perStep prompts ends at j x perStep x prefill; the last, partial one at wave x prefill.
  const summed = perStep * perStep * prefill * ((fullSteps * (fullSteps + 1)) / 2) + lastStepPrompts * wave * prefill;
  return { seconds, meanFirstTokenSeconds: Math.max(prefillAlone, summed / Math.max(1e-9, wave)) };
}

/**
 * One batch of `requests` requests all sent at t=0 (a "burst" benchmark): the replica admits as many as
 * fit, prefills them first-in first-out in steps of whole prompts (`waveOfPrefills`), then decodes them
 * together; requests beyond the batch wait for the wave before them to finish. Throughput is requests x
 * OSL over the whole run; TTFT and TPOT are means over the requests.
 */
export function pointForBurst(replica: Replica, lengths: Lengths, requests: number): OperatingPoint | null {
  const fit = batchLimit(replica, lengths);
  if (fit.maxBatch < 1) return null;
  const prefill = prefillComputeSeconds(replica, prefillTokensOf(lengths));
  const prefillAlone = prefillLatencySeconds(replica, prefillTokensOf(lengths), PREFILL_CHUNK_TOKENS);
  const decodeSteps = Math.max(1, lengths.outputTokens - 1);
  const context = meanContext(lengths);
  let elapsedSeconds = 0;
  let ttftSum = 0;
  let tpotSum = 0;
  let prefillSeconds = 0;
  for (let remaining = requests; remaining > 1e-9; ) {
    const wave = Math.min(remaining, fit.maxBatch);
    const step = decodeStepSeconds(replica, wave, context);
    const wavePrefill = Math.max(prefillAlone, wave * prefill);
    const meanFirstToken = waveOfPrefills(replica, lengths, wave).meanFirstTokenSeconds;
    ttftSum += wave * (elapsedSeconds + meanFirstToken + step / 2);
    // Decoding starts when the wave's prefills are done, so an early request's TPOT carries the wait.
    tpotSum += wave * ((wavePrefill - meanFirstToken + decodeSteps * step) / decodeSteps);
    elapsedSeconds += wavePrefill + decodeSteps * step;
    prefillSeconds += wavePrefill;
    remaining -= wave;
  }
  const batch = Math.min(requests, fit.maxBatch);
  return makePoint(replica, lengths, batch, requests / elapsedSeconds, tpotSum / requests, ttftSum / requests, prefillSeconds / elapsedSeconds, requests > fit.maxBatch);
}
