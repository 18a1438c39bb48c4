/** The one spawn test: `bin/tokcost.js` as npx runs it (the other CLI tests call runCli in process). */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;

describe('bin/tokcost.js', () => {
  it('answers the README question and exits 0; a bad flag exits 2 with a message', () => {
    const ok = spawnSync(process.execPath, ['bin/tokcost.js', 'gpt-oss-120b, 2k in / 400 out, 30 rps average, peaks 4x at noon, p95 TTFT under 1 s, 50 tok/s per user'], { cwd: ROOT, encoding: 'utf8', timeout: 90_000 });
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^Recommendation: .+, (aggregated|disaggregated), /m);
    const bad = spawnSync(process.execPath, ['bin/tokcost.js', 'advise', '--frobnicate'], { cwd: ROOT, encoding: 'utf8', timeout: 90_000 });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/Unknown option '--frobnicate'/);
  });
});
