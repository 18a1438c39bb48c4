/**
 * A small seeded PRNG for reproducible simulations: the engine never calls Math.random.
 * mulberry32 (Tommy Ettinger, public domain): 32-bit state, period 2^32, passes PractRand to 2^35 bytes
 * (good enough for arrival sampling; not for cryptography).
 */

/** Returns a function yielding uniform numbers in [0, 1); the same seed gives the same sequence. */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
