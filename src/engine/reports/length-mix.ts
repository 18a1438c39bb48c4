/**
 * A mixed request pattern: input and output lengths each lognormal with the workload's means and a
 * coefficient of variation, discretised into equal-probability classes (deterministic, no sampling).
 * Lognormal request lengths: e.g. Splitwise (Patel et al., ISCA 2024) and the Azure LLM inference traces
 * show long-tailed, roughly lognormal prompt and output lengths.
 */

export interface LengthClass {
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** Probability of the class (all classes sum to 1). */
  readonly weight: number;
}

/** Standard normal quantiles at the midpoints 0.1, 0.3, 0.5, 0.7, 0.9 of five equal-probability bins. */
const MIDPOINT_Z = [-1.2815516, -0.5244005, 0, 0.5244005, 1.2815516] as const;

/**
 * Five lengths with mean `mean` from a lognormal with coefficient of variation `cv`:
 * sigma^2 = ln(1 + cv^2), value_i = exp(sigma z_i), rescaled so the five average exactly to `mean`;
 * whole tokens, at least 1.
 */
export function lognormalLevels(mean: number, cv: number): number[] {
  const sigma = Math.sqrt(Math.log(1 + cv * cv));
  const raw = MIDPOINT_Z.map((z) => Math.exp(sigma * z));
  const scale = mean / (raw.reduce((a, b) => a + b, 0) / raw.length);
  return raw.map((r) => Math.max(1, Math.round(r * scale)));
}

/** 25 classes: five input levels x five output levels, independent, each weight 1/25. */
export function lengthMix(inputTokens: number, outputTokens: number, cv: number): LengthClass[] {
  const inputs = lognormalLevels(inputTokens, cv);
  const outputs = lognormalLevels(outputTokens, cv);
  const weight = 1 / (inputs.length * outputs.length);
  return inputs.flatMap((i) => outputs.map((o) => ({ inputTokens: i, outputTokens: o, weight })));
}
