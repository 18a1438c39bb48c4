/**
 * The lowest load the parser accepts. Below one request an hour a dedicated GPU sits idle more than
 * 99.9 % of the time, so its "cost per token" is an hour of rent over a handful of tokens: not a
 * planning figure, and the advice would be confident nonsense. Such a load is refused, named, with
 * the bound; a per-token API is the honest answer there.
 */
import type { Extraction } from './extraction.ts';
import { formatNumber, parseNumber } from './numbers.ts';
import type { QueryFields } from './schema.ts';

export const MIN_REQUESTS_PER_SECOND = 1 / 3600;
/** The highest load read from words: ten million requests/s is beyond any single deployment. */
export const MAX_REQUESTS_PER_SECOND = 1e7;

export function loadBoundMessage(fragment: string, requestsPerSecond: number): string | undefined {
  if (requestsPerSecond < MIN_REQUESTS_PER_SECOND) {
    const perHour = requestsPerSecond * 3600;
    const said = perHour >= 0.01 ? `${formatNumber(perHour)} requests an hour` : 'far less than 1 request an hour';
    return `"${fragment}" is ${said}, below the lowest load tokcost plans for (1 request an hour: below it a dedicated GPU sits idle over 99.9 % of the time); at this volume a per-token API is the answer`;
  }
  if (requestsPerSecond > MAX_REQUESTS_PER_SECOND) {
    return `"${fragment}" is ${formatNumber(requestsPerSecond)} requests/s, above any real deployment (at most ${formatNumber(MAX_REQUESTS_PER_SECOND)} requests/s)`;
  }
  return undefined;
}

/** After token rates became requests/s: refuse a mean load outside the bounds, naming the field. */
export function checkLoadBounds(fields: QueryFields, out: Extraction): void {
  const rps = fields.requestsPerSecond;
  if (rps === undefined) return;
  const said = out.assumptions.find((a) => a.field === 'requestsPerSecond' && /^"/.test(a.reason));
  const fragment = said ? /^"([^"]*)"/.exec(said.reason)![1]! : `${formatNumber(rps)} requests/s`;
  const message = loadBoundMessage(fragment, rps);
  if (message === undefined) return;
  out.problem(fragment, message, '30 rps', 'requestsPerSecond');
  delete fields.requestsPerSecond;
}

/** A request rate said as `raw` per `seconds`, checked against the bounds before it is recorded. */
export function addRate(out: Extraction, raw: string, seconds: number, fragment: string): void {
  const value = parseNumber(raw);
  if (!Number.isFinite(value) || value <= 0) {
    out.problem(fragment, `load "${fragment}" must be a positive rate`, '30 rps', 'requestsPerSecond');
    return;
  }
  const bound = loadBoundMessage(fragment, value / seconds);
  if (bound !== undefined) {
    out.problem(fragment, bound, '30 rps', 'requestsPerSecond');
    return;
  }
  out.add('requestsPerSecond', value / seconds, fragment);
  out.add('rateUnitSeconds', seconds, fragment);
}
