/**
 * A fresh Postgres database per test file, on the server named by TOKCOST_TEST_DATABASE_URL (which
 * `.ci/run` starts). Without that variable the Postgres tests skip with a message, except in CI
 * (CI=true), where a missing server is a failure: CI must run them.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { IN_CI } from '../in-ci.ts';

export { IN_CI };
export const TEST_DATABASE_URL = process.env.TOKCOST_TEST_DATABASE_URL?.trim() || undefined;

if (TEST_DATABASE_URL === undefined) {
  if (IN_CI) throw new Error('CI must run the Postgres tests: TOKCOST_TEST_DATABASE_URL is not set (.ci/run starts a server and sets it)');
  console.warn('Postgres tests skipped: set TOKCOST_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres (a server you can create databases on) to run them; .ci/run does this itself.');
}

export const hasPostgres = TEST_DATABASE_URL !== undefined;

const withDatabase = (url: string, database: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

/** Creates an empty database and returns its URL and a function that drops it. */
export async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (TEST_DATABASE_URL === undefined) throw new Error('no TOKCOST_TEST_DATABASE_URL');
  const name = `tokcost_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    url: withDatabase(TEST_DATABASE_URL, name),
    drop: async () => {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
