/**
 * Worker counts over the horizon for one pool under a reactive autoscaler, at 1-minute steps:
 * each minute it wants ceil(demand / (target x per-worker SLO rate)) workers, clamped to [min, max];
 * it adds the shortfall at once, and those workers serve `lagMinutes` later (paid from the decision);
 * it removes workers only down to the largest want of the last `hysteresisMinutes` (pending ones first).
 */
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
  const arrivals = new Int32Array(minutes + lag + 1);
  // Trailing-window max of the wants, online: a deque of (minute, want) with decreasing wants.
  const dequeMinute = new Int32Array(minutes);
  const dequeWant = new Int32Array(minutes);
  let head = 0;
  let tail = 0;
  let serving = minutes > 0 ? wantedWorkers(demand[0]!, input) : 0; // starts warm
  let pending = 0;
  for (let m = 0; m < minutes; m++) {
    const want = wantedWorkers(demand[m]!, input);
    while (tail > head && dequeWant[tail - 1]! <= want) tail--;
    dequeMinute[tail] = m;
    dequeWant[tail++] = want;
    if (dequeMinute[head]! <= m - width) head++;
    const windowMax = dequeWant[head]!;
    serving += arrivals[m]!;
    pending -= arrivals[m]!;
    const total = serving + pending;
    if (want > total) {
      arrivals[m + lag]! += want - total;
      pending += want - total;
    } else if (windowMax < total) {
      let excess = total - windowMax;
      for (let k = m + lag; k > m && excess > 0 && pending > 0; k--) {
        const cancel = Math.min(arrivals[k]!, excess);
        arrivals[k]! -= cancel;
        pending -= cancel;
        excess -= cancel;
      }
      serving -= excess;
    }
    ready[m] = serving;
    paid[m] = serving + pending;
  }
  return { ready, paid };
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
