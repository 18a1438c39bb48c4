/**
 * Words and numbers for the API-vs-self-hosting sentences (engine reasons are text too, see
 * recommend/reasons.ts): money, rates, token volumes. Plain ASCII; adapters format tables themselves.
 */
import { enUsNumber } from '../number-text.ts';

/** "$0.36", "$0.052", "$12,272" (whole dollars from $1,000). */
export function moneyText(dollars: number): string {
  if (!Number.isFinite(dollars)) return 'n/a';
  if (dollars >= 1000) return `$${enUsNumber(Math.round(dollars))}`;
  return dollars >= 0.1 ? `$${dollars.toFixed(2)}` : `$${dollars.toPrecision(2)}`;
}

/** 30 -> "30 req/s", 2.345 -> "2.3 req/s", 0.0123 -> "0.012 req/s", 1234.5 -> "1,235 req/s". */
export function rateText(requestsPerSecond: number): string {
  const rounded = requestsPerSecond >= 100 ? Math.round(requestsPerSecond) : Number(requestsPerSecond.toPrecision(2));
  return `${enUsNumber(rounded)} req/s`;
}

/** 1.5e9 -> "1.5B", 2.1e6 -> "2.1M", 45000 -> "45k". */
export function countText(count: number): string {
  if (count >= 1e9) return `${Number((count / 1e9).toPrecision(3))}B`;
  if (count >= 1e6) return `${Number((count / 1e6).toPrecision(3))}M`;
  if (count >= 1e3) return `${Number((count / 1e3).toPrecision(3))}k`;
  return `${Number(count.toPrecision(3))}`;
}

/** 0.624 -> "62 %". */
export function percentText(fraction: number): string {
  return `${Math.round(fraction * 100)} %`;
}

/** "DeepInfra" or "DeepInfra (turbo)". */
export function providerText(option: { readonly provider: string; readonly variant: string | null }): string {
  return option.variant ? `${option.provider} (${option.variant})` : option.provider;
}
