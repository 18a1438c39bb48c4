/** Flag value checks shared by the CLI subcommands: each failure says what was wrong and what works. */
export class UsageError extends Error {}

/** A number as typed (1_000 allowed); its range is checked by the workload's bounds, not here. */
export function numberFlag(flag: string, raw: string, example = '30'): number {
  const value = Number(raw.trim().replace(/_/g, ''));
  if (raw.trim() === '' || !Number.isFinite(value)) throw new UsageError(`${flag} must be a finite number, got "${raw}" (example: ${flag} ${example})`);
  return value;
}

export function positiveNumber(flag: string, raw: string): number {
  const value = numberFlag(flag, raw);
  if (value <= 0) throw new UsageError(`${flag} must be a positive number, got "${raw}" (example: ${flag} 30)`);
  return value;
}

export function positiveInteger(flag: string, raw: string): number {
  const value = positiveNumber(flag, raw);
  if (!Number.isInteger(value)) throw new UsageError(`${flag} must be a whole number, got "${raw}" (example: ${flag} 8)`);
  return value;
}

export function oneOf<T extends string>(flag: string, raw: string, allowed: readonly T[]): T {
  const value = raw.toLowerCase() as T;
  if (!allowed.includes(value)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, got "${raw}"`);
  return value;
}
