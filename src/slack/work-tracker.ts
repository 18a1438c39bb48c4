/**
 * Bookkeeping for graceful shutdown and ordering: counts the requests still being handled (so SIGTERM
 * can wait for them), and runs work for one key (a thread) strictly one after another, so replies in
 * a thread come out in the order they were asked and each follow-up sees the answer before it.
 */

export interface WorkTracker {
  /** Runs `work`, counting it as in flight until it settles. */
  track<T>(work: () => Promise<T>): Promise<T>;
  readonly inFlight: number;
  /** Resolves true once nothing is in flight, false if `timeoutMs` passes first. */
  drain(timeoutMs: number): Promise<boolean>;
  /** Runs `work` after every earlier `serial` call with the same key has settled. */
  serial<T>(key: string, work: () => Promise<T>): Promise<T>;
}

export function createWorkTracker(): WorkTracker {
  let inFlight = 0;
  let idle: (() => void)[] = [];
  const tails = new Map<string, Promise<unknown>>();
  return {
    async track(work) {
      inFlight++;
      try {
        return await work();
      } finally {
        inFlight--;
        if (inFlight === 0) for (const wake of idle.splice(0)) wake();
      }
    },
    get inFlight() {
      return inFlight;
    },
    drain(timeoutMs) {
      if (inFlight === 0) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          idle = idle.filter((w) => w !== wake);
          resolve(false);
        }, timeoutMs);
        const wake = () => {
          clearTimeout(timer);
          resolve(true);
        };
        idle.push(wake);
      });
    },
    serial(key, work) {
      const before = tails.get(key) ?? Promise.resolve();
      const run = before.then(work, work);
      const tail = run.catch(() => undefined);
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return run;
    },
  };
}
