/** Golden-file comparison for chart specs: JSON under test/golden/chart/, rewritten only when UPDATE_GOLDEN=1. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export function expectGolden(name: string, value: unknown): void {
  const path = fileURLToPath(new URL(`../golden/chart/${name}.json`, import.meta.url));
  const actual = JSON.parse(JSON.stringify(value)) as unknown;
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${JSON.stringify(actual, null, 1)}\n`);
    return;
  }
  if (!existsSync(path)) throw new Error(`golden file test/golden/chart/${name}.json is missing; run with UPDATE_GOLDEN=1 to write it`);
  expect(actual).toEqual(JSON.parse(readFileSync(path, 'utf8')));
}
