/**
 * The test suite's wall-clock duration (`vitest run`, as `npm test` runs it), target under 4 minutes
 * on 2 cores. Skipped when TOKCOST_BENCH_SUITE=0 (it takes minutes).
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TARGET_SECONDS = 240;

if (process.env.TOKCOST_BENCH_SUITE === '0') {
  process.stdout.write('\nTest suite: skipped (TOKCOST_BENCH_SUITE=0)\n');
} else {
  const vitest = createRequire(import.meta.url).resolve('vitest/vitest.mjs');
  const start = performance.now();
  const run = spawnSync(process.execPath, [vitest, 'run'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 2 ** 20, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  const seconds = (performance.now() - start) / 1000;
  const summary = (run.stdout.match(/^\s*Tests\s+.*$/m)?.[0] ?? '(no summary line)').trim();
  process.stdout.write(`\nTest suite (vitest run, ${summary})\n`);
  process.stdout.write(`${'suite wall-clock duration'.padEnd(66)} ${seconds.toFixed(1).padStart(9)} s   (target < ${TARGET_SECONDS} s: ${seconds < TARGET_SECONDS ? 'met' : 'MISSED'}${run.status === 0 ? '' : `; vitest exited ${run.status}`})\n`);
}
