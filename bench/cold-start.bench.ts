/**
 * CLI cold start: `tokcost advise --example --json` (the bin, as `npx tokcost` runs it, on a fresh
 * build) from spawn to exit, next to a bare `node -e 0`, measured alternately in one run so both see
 * the same machine load. Target: the CLI's median at most 6x node's.
 * Run: npx tsx bench/cold-start.bench.ts [pairs, default 15]
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PAIRS = Number(process.argv[2] ?? 15);
const TARGET_MULTIPLIER = 6;

function wallMs(args: readonly string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - start;
  if (result.status !== 0 && !(args[1] === 'advise' && result.status === 1)) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  if (result.stderr) throw new Error(`${args.join(' ')} wrote to stderr (not running from dist/?): ${result.stderr}`);
  return ms;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
const cli = ['bin/tokcost.js', 'advise', '--example', '--json'];
wallMs(['-e', '0']);
wallMs(cli); // warm the file cache for both
const nodeMs: number[] = [];
const cliMs: number[] = [];
for (let i = 0; i < PAIRS; i++) {
  nodeMs.push(wallMs(['-e', '0']));
  cliMs.push(wallMs(cli));
}
const nodeMedian = median(nodeMs);
const cliMedian = median(cliMs);
const multiplier = cliMedian / nodeMedian;
process.stdout.write(`\nCLI cold start (median of ${PAIRS} alternating runs, spawn to exit)\n`);
process.stdout.write(`${'node -e 0'.padEnd(66)} ${nodeMedian.toFixed(1).padStart(9)} ms\n`);
process.stdout.write(`${'tokcost advise --example --json'.padEnd(66)} ${cliMedian.toFixed(1).padStart(9)} ms\n`);
process.stdout.write(`${'ratio'.padEnd(66)} ${multiplier.toFixed(2).padStart(9)} x   (target <= ${TARGET_MULTIPLIER}x: ${multiplier <= TARGET_MULTIPLIER ? 'met' : 'MISSED'})\n`);
