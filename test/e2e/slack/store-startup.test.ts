/**
 * Start-up with a store that cannot work (issue 21, issue 25): `npm start`'s process ends at once
 * with one line naming the store, the reason and the fix, and no stack trace. A path under /proc
 * used to spin at 80 % CPU with no output.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function startAndWaitForExit(env: Record<string, string>, timeoutMs = 60_000): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/slack/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent', SLACK_BOT_TOKEN: 'xoxb-startup', SLACK_SIGNING_SECRET: 'startup0secret0abc', SLACK_API_URL: 'http://127.0.0.1:1/api/', TOKCOST_ADVISOR_WORKERS: '1', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`still running after ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

/** The lines a person reads, without the calibration notice (its own start-up check). */
const linesOf = (stderr: string) => stderr.trim().split('\n').filter((l) => l !== '' && !l.includes('calibration.json'));

describe('start-up with a store that cannot work', () => {
  it('a store path that cannot exist: one line naming the path, the reason and the fix', async () => {
    const { code, stderr } = await startAndWaitForExit({ TOKCOST_DB_PATH: '/proc/nope/x.sqlite' });
    expect(code).toBe(1);
    const lines = linesOf(stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^tokcost cannot open its store at \/proc\/nope\/x\.sqlite: .+\. To fix: set TOKCOST_DB_PATH to /);
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 90_000);

  it('an unreachable database: one line naming it (password hidden), the reason and the fix', async () => {
    const { code, stderr } = await startAndWaitForExit({ DATABASE_URL: 'postgres://tokcost:hunter2@127.0.0.1:1/tokcost' });
    expect(code).toBe(1);
    const lines = linesOf(stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('tokcost cannot open its store at postgres://tokcost:***@127.0.0.1:1/tokcost: connect ECONNREFUSED');
    expect(lines[0]).toContain('check DATABASE_URL');
    expect(stderr).not.toContain('hunter2');
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 90_000);
});
