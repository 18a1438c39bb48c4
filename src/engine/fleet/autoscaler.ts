/**
 * Worker counts over the horizon for one pool under a reactive autoscaler, at 1-minute steps:
 * each minute it wants ceil(demand / (target x per-worker SLO rate)) workers, clamped to [min, max];
 * it adds the shortfall at once, and those workers serve `lagMinutes` later (paid from the decision);
 * it removes workers only down to the largest want of the last `hysteresisMinutes` (pending ones first).
 * On a demand that repeats (repeat-period.ts), once the autoscaler's state at a period boundary equals its
 * state one period earlier, the remaining periods are copies of the last one.
 */
import { repeatPeriodOf } from './repeat-period.ts';

export interface AutoscaleInput {
  readonly demandRequestsPerSecond: ArrayLike<number>;
  readonly workerRequestsPerSecond: number;
  readonly targetUtilizationFraction: number;
  readonly minWorkers: number;
  readonly maxWorkers: number;
  readonly lagMinutes: number;
  readonly hysteresisMinutes: number;
}

export interface WorkerSeries {
  /** Workers serving each minute. */
  readonly ready: Int32Array;
  /** Workers paid each minute: serving plus starting. */
  readonly paid: Int32Array;
  /**
   * From this minute on, both series repeat with the demand's period (repeat-period.ts) to the end of the
   * horizon; null when they were not found to.
   */
  readonly repeatsFromMinute: number | null;
}

export function wantedWorkers(demand: number, input: AutoscaleInput): number {
  const want = demand > 0 ? Math.ceil(demand / (input.workerRequestsPerSecond * input.targetUtilizationFraction) - 1e-9) : 0;
  return Math.min(input.maxWorkers, Math.max(input.minWorkers, want));
}

export function autoscaledWorkers(input: AutoscaleInput): WorkerSeries {
  const demand = input.demandRequestsPerSecond;
  const minutes = demand.length;
  const ready = new Int32Array(minutes);
  const paid = new Int32Array(minutes);
  const lag = Math.max(1, input.lagMinutes);
  const width = Math.max(1, input.hysteresisMinutes);
  // Rings, not horizon-long arrays: an answer runs the autoscaler hundreds of times, and zeroed buffers
  // of a week's minutes each were much of its cost. Workers scheduled to arrive at minute k sit in
  // arrivals[k % (lag + 1)] (none is ever more than `lag` ahead).
  const arrivalSlots = lag + 1;
  const arrivals = new Int32Array(arrivalSlots);
  // Trailing-window max of the wants, online: a deque of (minute, want) with decreasing wants, at most
  // `width + 1` entries, at positions head..tail-1 (mod its size).
  const dequeSize = width + 2;
  const dequeMinute = new Int32Array(dequeSize);
  const dequeWant = new Int32Array(dequeSize);
  let head = 0;
  let tail = 0;
  let serving = minutes > 0 ? wantedWorkers(demand[0]!, input) : 0; // starts warm
  let pending = 0;
  const period = repeatPeriodOf(demand);
  const perWorker = input.workerRequestsPerSecond * input.targetUtilizationFraction;
  const minWorkers = input.minWorkers;
  const maxWorkers = input.maxWorkers;
  let previousBoundary: number[] | null = null;
  for (let m = 0; m < minutes; m++) {
    if (period !== null && m > 0 && m % period === 0) {
      const boundary = stateAt(m, serving, pending, arrivals, dequeMinute, dequeWant, head, tail);
      if (previousBoundary !== null && sameState(boundary, previousBoundary)) {
        for (let k = m; k < minutes; k++) {
          ready[k] = ready[k - period]!;
          paid[k] = paid[k - period]!;
        }
        return { ready, paid, repeatsFromMinute: m - period };
      }
      previousBoundary = boundary;
    }
    const rate = demand[m]!;
    // wantedWorkers, inlined: this loop runs millions of times per answer, much of it before V8 optimizes it.
    const want = rate > 0 ? Math.min(maxWorkers, Math.max(minWorkers, Math.ceil(rate / perWorker - 1e-9))) : Math.min(maxWorkers, minWorkers);
    while (tail > head && dequeWant[(tail - 1) % dequeSize]! <= want) tail--;
    dequeMinute[tail % dequeSize] = m;
    dequeWant[tail % dequeSize] = want;
    tail++;
    if (dequeMinute[head % dequeSize]! <= m - width) head++;
    const windowMax = dequeWant[head % dequeSize]!;
    const slot = m % arrivalSlots;
    const arrived = arrivals[slot]!;
    arrivals[slot] = 0;
    serving += arrived;
    pending -= arrived;
    const total = serving + pending;
    if (want > total) {
      arrivals[(m + lag) % arrivalSlots]! += want - total;
      pending += want - total;
    } else if (windowMax < total) {
      let excess = total - windowMax;
      for (let k = m + lag; k > m && excess > 0 && pending > 0; k--) {
        const s = k % arrivalSlots;
        const cancel = Math.min(arrivals[s]!, excess);
        arrivals[s]! -= cancel;
        pending -= cancel;
        excess -= cancel;
      }
      serving -= excess;
    }
    ready[m] = serving;
    paid[m] = serving + pending;
  }
  return { ready, paid, repeatsFromMinute: null };
}

/**
 * Everything the next minutes depend on, at the start of minute m, with minutes relative to m: workers
 * serving and pending, arrivals already scheduled (minutes m..m+lag), and the hysteresis window's
 * (minute, want) entries.
 */
function stateAt(m: number, serving: number, pending: number, arrivals: Int32Array, dequeMinute: Int32Array, dequeWant: Int32Array, head: number, tail: number): number[] {
  const state = [serving, pending];
  for (let k = m; k < m + arrivals.length; k++) state.push(arrivals[k % arrivals.length]!);
  for (let i = head; i < tail; i++) state.push(dequeMinute[i % dequeMinute.length]! - m, dequeWant[i % dequeWant.length]!);
  return state;
}

function sameState(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** max(values[m - width + 1 .. m]) for every m, with a monotonic deque: O(n). */
export function slidingMax(values: Int32Array, width: number): Int32Array {
  const out = new Int32Array(values.length);
  const deque = new Int32Array(values.length);
  let head = 0;
  let tail = 0;
  for (let m = 0; m < values.length; m++) {
    while (tail > head && values[deque[tail - 1]!]! <= values[m]!) tail--;
    deque[tail++] = m;
    if (deque[head]! <= m - Math.max(1, width)) head++;
    out[m] = values[deque[head]!]!;
  }
  return out;
}
