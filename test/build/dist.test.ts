/**
 * The compiled build (issue 20): `npm run build` bundles src/ into dist/, and what users run comes from
 * there with no TypeScript loader: the `tokcost` bin answers the README's question, and the Slack app
 * (`npm start`'s command) starts its advisor worker from the compiled worker file and answers a question.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppProcess, type AppProcess } from '../e2e/slack/app-process.ts';
import { FakeSlack } from '../e2e/slack/fake-slack.ts';
import { validateCatalog } from '../../src/catalog/load-catalog.ts';
import { QUESTION } from '../e2e/slack/harness.ts';
import { formBody, postSigned } from '../e2e/slack/signed-request.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const README_QUESTION = 'gpt-oss-120b, 2k in / 400 out, 30 rps average, peaks 4x at noon, p95 TTFT under 1 s, 50 tok/s per user';
const SECRET = 'build0signing0secret0xyz';

function runNode(args: readonly string[]) {
  return spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 2 ** 20, env: { PATH: process.env.PATH ?? '' } });
}

describe('the compiled build', () => {
  beforeAll(() => {
    const build = runNode(['scripts/build.mjs']);
    expect(build.status, build.stderr).toBe(0);
  });

  it('emits the three entry points two levels down, and `npm start` runs the compiled app', () => {
    for (const entry of ['dist/cli/main.js', 'dist/slack/main.js', 'dist/slack/advisor-worker.js', 'dist/.build-stamp']) expect(existsSync(join(ROOT, entry)), entry).toBe(true);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts.start).toMatch(/^node .*dist\/slack\/main\.js$/);
    expect(pkg.scripts.prepare).toBe('npm run build');
    expect(pkg.dependencies.tsx).toBeUndefined();
    // data/ validated once at build time: the start reads the snapshot named by the data's digest.
    const { digest } = validateCatalog();
    expect(existsSync(join(ROOT, `dist/snapshots/catalog-${digest}.json`))).toBe(true);
  });

  it('the tokcost bin answers from dist/ (no tsx fallback): the README question in words, and --example --json', () => {
    const words = runNode(['bin/tokcost.js', README_QUESTION]);
    expect(words.stderr).toBe('');
    expect(words.status).toBe(0);
    expect(words.stdout).toMatch(/Recommendation: .+, (aggregated|disaggregated)/);
    expect(words.stdout).toMatch(/\$[\d.]+(?: \([\d.]+-[\d.]+\)| \(the same across the throughput band\))? \/ 1M output tokens at your load/);

    const json = runNode(['bin/tokcost.js', 'advise', '--example', '--json']);
    expect(json.stderr).toBe('');
    const report = JSON.parse(json.stdout) as { request: { modelId: string }; recommendation: { effectiveDollarsPerMillionOutputTokens: number } | null };
    expect(report.request.modelId).toBe('gpt-oss-120b');
    expect(report.recommendation?.effectiveDollarsPerMillionOutputTokens).toBeGreaterThan(0);
  });

  describe('the Slack app from dist/ with one advisor worker', () => {
    const fake = new FakeSlack();
    let dir = '';
    let app: AppProcess | undefined;
    beforeAll(async () => {
      await fake.start();
      dir = mkdtempSync(join(tmpdir(), 'tokcost-dist-'));
      const env = { SLACK_BOT_TOKEN: 'xoxb-build-token', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, TOKCOST_DB_PATH: join(dir, 'tokcost.sqlite'), TOKCOST_ADVISOR_WORKERS: '1', TOKCOST_RATE_LIMIT_PER_MINUTE: '0' };
      app = await startAppProcess(env, 60_000, ['--max-semi-space-size=4', 'dist/slack/main.js']);
    });
    afterAll(async () => {
      await app?.kill('SIGKILL');
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('answers a slash command with the card and its chart', async () => {
      const body = formBody({ team_id: 'T1', channel_id: 'C1', user_id: 'U1', command: '/tokcost', text: QUESTION, response_url: fake.responseUrl('p'), trigger_id: 't', api_app_id: 'A1' });
      const res = await postSigned(app!.eventsUrl, body, 'application/x-www-form-urlencoded', { secret: SECRET });
      expect(res.status).toBe(200);
      await fake.waitFor(() => fake.callsTo('files.completeUploadExternal').length >= 1, 60_000, 'answer and chart');
      expect(app!.output()).not.toMatch(/tsx|ERR_|Error/);
    });
  });
});
