#!/usr/bin/env node
/**
 * `npm run build` (and `prepare`, so `npm ci` builds): bundles the three run-time entry points (the CLI,
 * the Slack app, the advisor worker) from src/ into dist/ with esbuild. Type-checking is
 * `npm run typecheck`'s job; this only emits, in well under a second.
 *
 * Why a bundle: start-up is mostly loading modules (about 200 files, each a few file-system calls), so
 * one file per entry plus lazily loaded chunks starts several times faster than tsc's file-per-module
 * output. zod and csv-parse (pure ESM, 9 files) are bundled for the same reason; the other dependencies
 * stay in node_modules (native addons, pino's worker transports, Bolt).
 *
 * Then it validates data/ once with the bundle's own validators and writes what they return to
 * dist/snapshots/, named by the digest of the bytes validated (src/catalog/validated-snapshot.ts): a start
 * reads the snapshot instead of running zod over 1.7 MB of JSON, and data changed after the build (a
 * refresh, an edit) has another digest and is validated as before.
 *
 * Layout rule: every output file sits exactly two levels below the package root (dist/cli/, dist/slack/,
 * dist/chunks/), as every source file that finds data/, assets/ or a sibling module through
 * `new URL('../../x', import.meta.url)` sits two levels down in src/. Keep it that way.
 */
import { build } from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const { dependencies } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
const BUNDLED_DEPENDENCIES = new Set(['zod', 'csv-parse']);

rmSync(`${root}dist`, { recursive: true, force: true });
try {
  await build({
    absWorkingDir: root,
    entryPoints: ['src/cli/main.ts', 'src/slack/main.ts', 'src/slack/advisor-worker.ts'],
    outbase: 'src',
    outdir: 'dist',
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Bolt's own dependencies (@slack/web-api, @slack/socket-mode) are imported directly too: CommonJS
    // packages, which an ESM bundle cannot inline (their dynamic requires of node: built-ins fail).
    external: [...Object.keys(dependencies).filter((name) => !BUNDLED_DEPENDENCIES.has(name)), '@slack/*'],
    logLevel: 'warning',
  });
  // The snapshot step, from the same sources in the same build but as one file of its own: a fourth
  // entry in the split build above would split the chunks the CLI loads into more files.
  await build({
    absWorkingDir: root,
    entryPoints: ['src/catalog/write-snapshots.ts'],
    outfile: 'dist/catalog/write-snapshots.js',
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
} catch {
  process.stderr.write('build: esbuild failed (errors above); dist/ is incomplete\n');
  process.exit(1);
}
const { writeSnapshots } = await import(pathToFileURL(`${root}dist/catalog/write-snapshots.js`).href);
for (const note of writeSnapshots()) process.stderr.write(`build: ${note}\n`);
writeFileSync(`${root}dist/.build-stamp`, `${new Date().toISOString()}\n`);
