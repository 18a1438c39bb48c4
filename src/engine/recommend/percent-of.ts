/** Rounded percent of a fraction, a number the reason records carry: 0.412 -> 41. */
export function percentOf(fraction: number): number {
  return Math.round(fraction * 100);
}
