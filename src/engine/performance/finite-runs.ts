import { PREFILL_CHUNK_TOKENS } from './efficiency.ts';
import { batchLimit, firstTokenStepSeconds, type Lengths, makePoint, meanContext, type OperatingPoint, pointAtBatch, prefillTokensOf, prefillUnderLoadSeconds, saturatedPoint } from './aggregated.ts';
import type { Replica } from './replica.ts';
import { decodeStepSeconds, prefillComputeSeconds, prefillLatencySeconds } from './step-time.ts';

// Benchmarks that send a fixed number of requests and report tokens over the whole run: throughput
// below the steady state the aggregated model gives for an endless stream.

/**
 * A benchmark that sends `requests` requests at an offered Poisson rate and stops (benchmark_serving
 * --num-prompts, Triton perf runs): when the offered rate exceeds the replica's capacity the backlog
 * only grows while requests arrive, then drains. Fluid model of that run: arrivals wait in the queue,
 * the scheduler admits them (prefill first, up to the batch limit), the decode batch n(t) completes at
 * n / (OSL x step(n)) scaled by the share of time not spent in prefill. TPOT is the run's decode
 * sequence-seconds per output token (Little's law over the run), TTFT the mean queue wait plus the
 * prefill step, throughput the tokens over the run's duration (how the benchmark reports it).
 */
export function pointForFiniteRun(replica: Replica, lengths: Lengths, requestsPerSecond: number, requests: number): OperatingPoint | null {
  const fit = batchLimit(replica, lengths);
  if (fit.maxBatch < 1) return null;
  const prefill = prefillComputeSeconds(replica, prefillTokensOf(lengths));
  const prefillAlone = prefillLatencySeconds(replica, prefillTokensOf(lengths), PREFILL_CHUNK_TOKENS);
  const context = meanContext(lengths);
  const arrivalEnd = requests / requestsPerSecond;
  const capacity = pointAtBatch(replica, lengths, fit.maxBatch, true);
  // Time steps of 1/2000 of a run that drains at the replica's capacity (the loop runs on until empty).
  const dt = (arrivalEnd + requests / capacity.requestsPerSecond + (lengths.outputTokens * capacity.tpotMs) / 1000) / 2000;
  let queued = 0;
  let decoding = 0;
  let arrived = 0;
  let decodingIntegral = 0;
  let queuedIntegral = 0;
  let prefillBusy = 0;
  let t = 0;
  const stepCache = new Map<number, number>();
  const stepAt = (n: number) => {
    const key = Math.max(1, Math.round(n));
    let v = stepCache.get(key);
    if (v === undefined) {
      v = decodeStepSeconds(replica, key, context);
      stepCache.set(key, v);
    }
    return v;
  };
  // Each decoding sequence finishes at rate 1 / (OSL x step): the lengths these runs state are dataset
  // means (dstack 215/181 tokens, TensorRT-LLM v0.14 467/256), so completions spread out rather than
  // arriving in waves (in-order completion: CV TPOT 25.5 % instead of 20.7 %). The run goes on until the
  // batch has drained.
  for (let i = 0; i < 100000 && (arrived < requests - 1e-9 || queued + decoding > 1e-6); i++) {
    const arriving = Math.min(requests - arrived, requestsPerSecond * dt);
    arrived += arriving;
    queued += arriving;
    const admitted = Math.min(queued, Math.max(0, fit.maxBatch - decoding), dt / prefill);
    queued -= admitted;
    decoding += admitted;
    const decodeShare = Math.max(0, 1 - (admitted * prefill) / dt);
    prefillBusy += admitted * prefill;
    const completing = Math.min(decoding, decoding > 0 ? (decoding * decodeShare * dt) / (stepAt(decoding) * lengths.outputTokens) : 0);
    decodingIntegral += decoding * dt;
    queuedIntegral += queued * dt;
    decoding -= completing;
    t += dt;
  }
  const tpotSeconds = decodingIntegral / (requests * lengths.outputTokens);
  const batch = decodingIntegral / t;
  const ttftSeconds = queuedIntegral / requests + firstTokenStepSeconds(prefillAlone, prefill, stepAt(batch));
  return makePoint(replica, lengths, batch, requests / t, tpotSeconds, ttftSeconds, prefillBusy / t, true);
}

/**
 * An offline run of `requests` fixed-length requests all queued at t=0 (trtllm-bench throughput), reported
 * as tokens over the whole run. In-flight batching holds the saturated batch B until the last request is
 * admitted; the B requests then in flight are evenly spread in progress (half their output left on
 * average) and drain over the next OSL steps with the batch falling from B to 0. Every request's prefill
 * is paid: the steady phase covers N - B/2 requests' worth of tokens, so the other B/2 prefills are added.
 * A run of no more requests than B is one wave at that batch.
 */
export function pointForOfflineRun(replica: Replica, lengths: Lengths, requests: number): OperatingPoint | null {
  const saturated = saturatedPoint(replica, lengths);
  if (!saturated) return null;
  if (requests <= saturated.batch) return pointAtBatch(replica, lengths, Math.max(1, requests), true);
  const outputTokens = Math.max(1, lengths.outputTokens);
  const steadySeconds = (requests - saturated.batch / 2) / saturated.requestsPerSecond + (saturated.batch / 2) * prefillUnderLoadSeconds(replica, lengths, saturated.batch);
  const slices = 32;
  let drainSeconds = 0;
  for (let k = 0; k < slices; k++) {
    const batch = saturated.batch * (1 - (k + 0.5) / slices);
    drainSeconds += (outputTokens / slices) * decodeStepSeconds(replica, Math.max(1, batch), meanContext(lengths));
  }
  const requestsPerSecond = requests / (steadySeconds + drainSeconds);
  const scale = requestsPerSecond / saturated.requestsPerSecond;
  return { ...saturated, requestsPerSecond, outputTokensPerSecondPerGpu: saturated.outputTokensPerSecondPerGpu * scale, totalTokensPerSecondPerGpu: saturated.totalTokensPerSecondPerGpu * scale };
}
