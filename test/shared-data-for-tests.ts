/**
 * The reference data beside the checkout (../shared/data), which a few tests compare against. CI and the
 * project's machines have it; a clone on its own does not, so there those tests skip with a message,
 * except in CI (CI=true), where a missing ../shared is a failure: CI must run them.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IN_CI } from './in-ci.ts';

export const SHARED_DATA_DIR = fileURLToPath(new URL('../../shared/data/', import.meta.url));
export const hasSharedData = existsSync(SHARED_DATA_DIR);

if (!hasSharedData) {
  if (IN_CI) throw new Error(`CI must run the tests against ../shared/data: ${SHARED_DATA_DIR} is missing`);
  console.warn(`Tests against ../shared/data skipped: ${SHARED_DATA_DIR} is missing (clone the project's shared/ folder beside this checkout to run them).`);
}
