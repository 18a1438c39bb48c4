import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/parse.ts';

async function capture(argv: string[]): Promise<{ code: number; out: string }> {
  const result = await run(argv);
  return { code: result.exitCode, out: result.stdout };
}

describe('tokcost parse', () => {
  it('--json prints the query and exits 0 when there are no problems', async () => {
    const { code, out } = await capture(['--json', 'llama 70b, 2k in / 500 out, 30 rps']);
    expect(code).toBe(0);
    const query = JSON.parse(out);
    expect(query).toMatchObject({ model: 'llama-3.3-70b', inputTokens: 2000, outputTokens: 500, requestsPerSecond: 30, problems: [] });
  });
  it('prints problems and exits 1', async () => {
    const { code, out } = await capture(['lama 70 at 30 rps']);
    expect(code).toBe(1);
    expect(out).toContain('did you mean llama-3.3-70b?');
  });
});
