/** `npm run bench`: every bench script in turn; each prints medians (and ratios to its targets). */
import { existsSync } from 'node:fs';

const scripts = ['parse.bench.ts', 'perf.bench.ts', 'advise.bench.ts', 'chart.bench.ts', 'slack-e2e.bench.ts', 'slack-load.bench.ts', 'reports.bench.ts', 'api.bench.ts'];
process.stdout.write(`tokcost benchmarks on ${process.platform}/${process.arch}, Node ${process.version}, ${(await import('node:os')).cpus().length} cores\n`);
for (const script of scripts) {
  const url = new URL(`./${script}`, import.meta.url);
  if (!existsSync(url)) continue;
  await import(url.href);
}
