/**
 * `npm run bench`: every bench script in turn; each prints medians (and ratios to its targets). The CLI's
 * cold start runs first, on a quiet process; the test suite's duration last (TOKCOST_BENCH_SUITE=0 skips it).
 */
import { existsSync } from 'node:fs';

const scripts = ['cold-start.bench.ts', 'parse.bench.ts', 'perf.bench.ts', 'advise.bench.ts', 'chart.bench.ts', 'slack-e2e.bench.ts', 'slack-load.bench.ts', 'reports.bench.ts', 'api.bench.ts', 'traffic.bench.ts', 'query-fuzz.bench.ts', 'suite.bench.ts'];
process.stdout.write(`tokcost benchmarks on ${process.platform}/${process.arch}, Node ${process.version}, ${(await import('node:os')).cpus().length} cores\n`);
for (const script of scripts) {
  const url = new URL(`./${script}`, import.meta.url);
  if (!existsSync(url)) continue;
  await import(url.href);
}
