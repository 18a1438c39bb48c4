import { describe, expect, it } from 'vitest';
import { pointAtBatch, pointAtConcurrency, pointAtRate, pointForBurst, saturatedPoint, waveOfPrefills } from '../../../src/engine/performance/aggregated.ts';
import { interactivityCurve } from '../../../src/engine/performance/curve.ts';
import { lengths, replica } from './two-h200-llama70b.ts';

describe('aggregated serving', () => {
  it('gives more throughput and slower tokens per user as the batch grows', () => {
    const small = pointAtBatch(replica, lengths, 8);
    const large = pointAtBatch(replica, lengths, 256);
    // Weight reads amortise over the batch; KV reads, attention and prefill do not: at 2k/512 on two
    // H200s the prior efficiencies give ~4.5x from batch 8 to 256.
    expect(large.outputTokensPerSecondPerGpu).toBeGreaterThan(small.outputTokensPerSecondPerGpu * 4);
    expect(large.tpotMs).toBeGreaterThan(small.tpotMs);
  });

  it('obeys Little\'s law at an offered rate below capacity', () => {
    const capacity = saturatedPoint(replica, lengths)!;
    const rate = capacity.requestsPerSecond * 0.3;
    const point = pointAtRate(replica, lengths, rate)!;
    expect(point.saturated).toBe(false);
    expect(point.requestsPerSecond).toBeCloseTo(rate, 6);
    const inSystem = rate * (point.ttftMs / 1000 + (lengths.outputTokens - 1) * (point.tpotMs / 1000));
    expect(Math.abs(inSystem - point.batch) / point.batch).toBeLessThan(0.02);
  });

  it('returns the saturated point when the offered load exceeds capacity', () => {
    const capacity = saturatedPoint(replica, lengths)!;
    const point = pointAtRate(replica, lengths, capacity.requestsPerSecond * 3)!;
    expect(point.saturated).toBe(true);
    expect(point.outputTokensPerSecondPerGpu).toBeCloseTo(capacity.outputTokensPerSecondPerGpu, 6);
  });

  it('draws a monotone throughput-vs-interactivity curve', () => {
    const curve = interactivityCurve(replica, lengths);
    expect(curve.length).toBeGreaterThan(4);
    for (let i = 1; i < curve.length; i++) {
      expect(curve[i]!.outputTokensPerSecondPerGpu).toBeGreaterThanOrEqual(curve[i - 1]!.outputTokensPerSecondPerGpu * 0.999);
      expect(curve[i]!.outputTokensPerSecondPerUser).toBeLessThanOrEqual(curve[i - 1]!.outputTokensPerSecondPerUser * 1.001);
    }
  });

  it('queues clients beyond the memory-limited batch into TTFT', () => {
    const capacity = saturatedPoint(replica, lengths)!;
    const over = pointAtConcurrency(replica, lengths, capacity.batch * 3)!;
    const at = pointAtConcurrency(replica, lengths, capacity.batch)!;
    expect(over.ttftMs).toBeGreaterThan(at.ttftMs * 2);
  });

  it('a first token under load costs the prefill plus the running decode batch\'s step', () => {
    // TensorRT-LLM v0.14 online rows: TTFT rises with the offered rate well before prefill queues
    // (Llama-3.1-70B TP4 H200 467/256: 58 ms at 2 req/s, 68 ms at 4 req/s); an idle-replica prefill
    // alone under-predicted these rows by ~20 %.
    const light = pointAtRate(replica, lengths, 0.05)!;
    const busy = pointAtRate(replica, lengths, saturatedPoint(replica, lengths)!.requestsPerSecond * 0.5)!;
    const decodeStepMs = busy.tpotMs * (1 - busy.prefillBusyFraction);
    expect(busy.ttftMs - light.ttftMs).toBeGreaterThan(decodeStepMs);
  });

  it('reports a median TTFT below the mean when only some requests queue for prefill', () => {
    // llmperf reports TTFT p50 (optimum-neuron rows): most requests find the prefill engine idle.
    const capacity = saturatedPoint(replica, lengths)!;
    const light = pointAtRate(replica, lengths, capacity.requestsPerSecond * 0.3)!;
    expect(light.prefillBusyFraction).toBeLessThan(0.5);
    expect(light.ttftMedianMs).toBeLessThan(light.ttftMs);
    const heavy = pointAtRate(replica, lengths, capacity.requestsPerSecond * 0.95)!;
    expect(heavy.ttftMedianMs).toBeLessThanOrEqual(heavy.ttftMs);
  });

  describe('a burst of requests sent at once', () => {
    it('prefills them first-in first-out, so the mean TTFT grows with the burst', () => {
      // dstack 405B on 8x MI300X, TGI bursts: TTFT 581 ms at 16 requests, 2,326 ms at 32, 3,753 ms at 128.
      const one = pointForBurst(replica, lengths, 1)!;
      const sixteen = pointForBurst(replica, lengths, 16)!;
      expect(sixteen.ttftMs).toBeGreaterThan(one.ttftMs * 4);
      expect(sixteen.outputTokensPerSecondPerGpu).toBeGreaterThan(one.outputTokensPerSecondPerGpu * 4);
    });

    it('packs short prompts into one step, so they share its end', () => {
      // 32 prompts of 80 tokens fit one 8,192-token step: every request waits for the whole step, about
      // twice the first-in first-out mean of 8,192-token prompts, which take one step each.
      const short = { inputTokens: 80, outputTokens: 512 };
      const burst = pointForBurst(replica, short, 32)!;
      const wave = waveOfPrefills(replica, short, 32);
      expect(wave.meanFirstTokenSeconds).toBeCloseTo(wave.seconds, 9);
      expect(burst.ttftMs).toBeGreaterThan(wave.seconds * 1000);
      const long = waveOfPrefills(replica, { inputTokens: 8192, outputTokens: 512 }, 32);
      expect(long.meanFirstTokenSeconds / long.seconds).toBeCloseTo(33 / 64, 2);
    });

    it('makes requests beyond the batch wait for the wave before them', () => {
      const capacity = saturatedPoint(replica, lengths)!;
      const full = pointForBurst(replica, lengths, capacity.batch)!;
      const double = pointForBurst(replica, lengths, capacity.batch * 2)!;
      // The second wave starts when the first ends: its mean TTFT adds a whole wave's duration.
      const waveSeconds = capacity.batch / full.requestsPerSecond;
      expect(double.ttftMs).toBeGreaterThan(full.ttftMs + (waveSeconds * 1000) / 2 * 0.9);
      expect(double.saturated).toBe(true);
      expect(double.outputTokensPerSecondPerGpu).toBeCloseTo(full.outputTokensPerSecondPerGpu, 3);
    });
  });
});

describe('closed-loop clients and the scheduler', () => {
  it('keeps fixed-length clients in waves at a prefill-first scheduler: TTFT grows with the wave', () => {
    // dstack DeepSeek-R1 on 8x H200 under SGLang: mean TTFT 3.9 s at 4 clients, 11.0 s at 32, 36.2 s at 128.
    const prefillFirst = { ...replica, scheduler: 'prefill-first' as const };
    const four = pointAtConcurrency(prefillFirst, lengths, 4)!;
    const sixtyFour = pointAtConcurrency(prefillFirst, lengths, 64)!;
    const wave = waveOfPrefills(prefillFirst, lengths, 64);
    expect(sixtyFour.ttftMs).toBeGreaterThanOrEqual(wave.meanFirstTokenSeconds * 1000);
    expect(sixtyFour.ttftMs / four.ttftMs).toBeGreaterThan(8);
  });

  it('spreads them out when prompts join the decode steps (mixed): a request waits for little more than its own prefill', () => {
    // NIM (TensorRT-LLM) Llama-3.3-70B on 2x H100, 5000 in: TTFT 547 ms at 5 clients, 689 ms at 25.
    const mixed = pointAtConcurrency({ ...replica, scheduler: 'mixed' as const }, lengths, 64)!;
    const prefillFirst = pointAtConcurrency({ ...replica, scheduler: 'prefill-first' as const }, lengths, 64)!;
    expect(mixed.ttftMs).toBeLessThan(prefillFirst.ttftMs / 3);
    expect(mixed.tpotMs).toBeCloseTo(prefillFirst.tpotMs, 9);
  });

  it('takes the scheduler from the engine when none is stated', () => {
    expect(pointAtConcurrency(replica, lengths, 64)!.ttftMs).toBeCloseTo(pointAtConcurrency({ ...replica, scheduler: 'mixed' }, lengths, 64)!.ttftMs, 9);
    const sglang = { ...replica, engine: 'sglang' as const };
    expect(pointAtConcurrency(sglang, lengths, 64)!.ttftMs).toBeCloseTo(pointAtConcurrency({ ...sglang, scheduler: 'prefill-first' }, lengths, 64)!.ttftMs, 9);
  });
});

describe('a token budget per step (chunked prefill)', () => {
  it('holds the decode batch to budget / (1 + ISL / OSL): each step also carries the prefill that replaces finished sequences', () => {
    // dstack vLLM 0.6.3 Llama-3.1-405B runs: max-num-batched-tokens 512, ShareGPT means 215 in / 121 out:
    // at most 512 / (1 + 215 / 121) = 184 sequences decode at once; measured ~130-150 (throughput x TPOT).
    const sharegpt = { inputTokens: 215, outputTokens: 121 };
    const budgeted = { ...replica, tokenBudgetPerStep: 512 };
    expect(saturatedPoint(budgeted, sharegpt)!.batch).toBe(184);
    expect(saturatedPoint(replica, sharegpt)!.batch).toBeGreaterThan(184);
  });

  it('admits prompts only in the first of n multi-step steps: budget / (1 + n x ISL / OSL)', () => {
    // vLLM PR #8378 (multi-step + chunked prefill): a prompt is prefilled in step 1 of a scheduler iteration
    // and decodes in the other n - 1. num-scheduler-steps 15: 512 / (1 + 15 x 215 / 121) = 18; the dstack
    // runs show ~17 sequences (57 tok/s/GPU x 8 GPUs x 38 ms TPOT).
    const sharegpt = { inputTokens: 215, outputTokens: 121 };
    expect(saturatedPoint({ ...replica, tokenBudgetPerStep: 512, schedulerStepsPerIteration: 15 }, sharegpt)!.batch).toBe(18);
  });
});
