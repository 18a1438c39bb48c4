/**
 * Store faults in words: opening a store that cannot work (a path that cannot exist, a read-only or
 * damaged file, an unreachable database) ends start-up in one line naming the store, the reason and
 * the fix; a write that fails while running (a full disk) tells the user what was not saved.
 */

export type StoreFault = 'full' | 'read-only' | 'corrupt' | 'unreachable' | 'path' | 'other';

export class StoreError extends Error {
  constructor(
    readonly fault: StoreFault,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}

const codeOf = (error: unknown): string => String((error as { code?: unknown } | null)?.code ?? '');
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Which fault a driver error means (SQLite codes, Postgres SQLSTATEs, socket errors). */
export function faultOf(error: unknown): StoreFault {
  if (error instanceof StoreError) return error.fault;
  const code = codeOf(error);
  const message = messageOf(error);
  if (code === 'SQLITE_FULL' || code === '53100' || /database or disk is full|no space left/i.test(message)) return 'full';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM' || code === '25006') return 'read-only';
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || /file is not a database|malformed/i.test(message)) return 'corrupt';
  if (['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'ECONNRESET', '57P01', '57P03', '08006', '08001', '28P01', '28000', '3D000'].includes(code)) return 'unreachable';
  if (/timeout exceeded when trying to connect|Connection terminated/i.test(message)) return 'unreachable';
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'SQLITE_CANTOPEN') return 'path';
  return 'other';
}

const FIX: Record<StoreFault, string> = {
  full: 'free disk space on that volume (or point the store at a larger one) and try again',
  'read-only': 'make it writable by the user tokcost runs as, or set TOKCOST_DB_PATH to a writable file such as state/tokcost.sqlite',
  corrupt: 'move the file aside (tokcost creates a fresh one; answers and settings in it are lost) or restore it from a backup',
  unreachable: 'check DATABASE_URL (host, port, database, user, password) and that the server is running and reachable from here',
  path: 'set TOKCOST_DB_PATH to a file in a folder tokcost can create, such as state/tokcost.sqlite',
  other: 'see the log for details',
};

/** The one start-up line for a store that cannot be opened. */
export function storeOpenFailure(where: string, error: unknown): StoreError {
  const fault = faultOf(error);
  const reason = fault === 'corrupt' ? 'the file is not a tokcost SQLite database or is damaged' : messageOf(error).split('\n')[0];
  return new StoreError(fault, `tokcost cannot open its store at ${where}: ${reason}. To fix: ${FIX[fault]}.`, { cause: error });
}

/** What a user is told when a change could not be saved. */
export function notSavedText(error: unknown, what = 'the setting'): string {
  const fault = faultOf(error);
  const why =
    fault === 'full'
      ? 'the disk holding tokcost’s store is full'
      : fault === 'read-only'
        ? 'tokcost’s store is read-only'
        : fault === 'unreachable'
          ? 'tokcost could not reach its database'
          : 'tokcost’s store refused the write';
  return `I could not save ${what}: ${why}. Nothing was changed; please tell whoever runs tokcost, then try again.`;
}

/** A database URL with its password hidden, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
