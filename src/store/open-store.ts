/** Which store a deployment gets: Postgres when DATABASE_URL is set (several replicas), else the SQLite file. */
import { openPgStore } from './pg-store.ts';
import { openSqliteStore } from './sqlite-store.ts';
import type { TokcostStore } from './store.ts';

export interface StoreChoice {
  /** postgres://…; absent: SQLite at `sqlitePath`. */
  readonly databaseUrl?: string;
  readonly sqlitePath: string;
  readonly onIdleError?: (error: Error) => void;
}

/** Opens the configured store; a store that cannot be opened throws a StoreError whose message is the one line to show. */
export async function openStore(choice: StoreChoice): Promise<TokcostStore> {
  if (choice.databaseUrl !== undefined) {
    return openPgStore({ url: choice.databaseUrl, ...(choice.onIdleError ? { onIdleError: choice.onIdleError } : {}) });
  }
  return openSqliteStore({ path: choice.sqlitePath });
}
