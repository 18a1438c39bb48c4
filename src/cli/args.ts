/** Flag value checks shared by the CLI subcommands: each failure says what was wrong and what works. */
export class UsageError extends Error {}

export function positiveNumber(flag: string, raw: string): number {
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isFinite(value) || value <= 0) throw new UsageError(`${flag} must be a positive number, got "${raw}" (example: ${flag} 30)`);
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
