import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { slackSignature } from '../../src/playground/event-sender.ts';
import { loadPlaygroundConfig, PlaygroundConfigError } from '../../src/playground/playground-config.ts';

describe('loadPlaygroundConfig', () => {
  it('takes PLAYGROUND_PORT, else PORT, else 0 (any free port)', () => {
    expect(loadPlaygroundConfig({}).port).toBe(0);
    expect(loadPlaygroundConfig({ PORT: '3000' }).port).toBe(3000);
    expect(loadPlaygroundConfig({ PORT: '3000', PLAYGROUND_PORT: '4000' }).port).toBe(4000);
    expect(loadPlaygroundConfig({}).logLevel).toBe('warn');
  });

  it('names the variable it cannot use', () => {
    expect(() => loadPlaygroundConfig({ PLAYGROUND_PORT: 'abc' })).toThrow(PlaygroundConfigError);
    expect(() => loadPlaygroundConfig({ PORT: '70000' })).toThrow(/PORT must be a port number/);
    expect(() => loadPlaygroundConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
});

describe('slackSignature', () => {
  it('is v0= HMAC-SHA256 over v0:{timestamp}:{body}, as Slack documents', () => {
    const body = 'token=x&command=%2Ftokcost&text=help';
    const expected = createHmac('sha256', '8f742231b10e8888abcd99yyyzzz85a5').update(`v0:1531420618:${body}`).digest('hex');
    expect(slackSignature('8f742231b10e8888abcd99yyyzzz85a5', 1531420618, body)).toBe(`v0=${expected}`);
  });
});
