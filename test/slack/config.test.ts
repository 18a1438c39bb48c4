import { describe, expect, it } from 'vitest';
import { ConfigError, configSummary, loadConfig } from '../../src/config.ts';

const good = { SLACK_BOT_TOKEN: 'xoxb-123-abc', SLACK_SIGNING_SECRET: 'a1b2c3d4e5f6a7b8' };

describe('config', () => {
  it('applies defaults for HTTP mode', () => {
    const config = loadConfig(good);
    expect(config).toMatchObject({ port: 3000, dbPath: 'state/tokcost.sqlite', logLevel: 'info' });
    expect(config.slack.appToken).toBeUndefined();
  });

  it('switches to Socket Mode with an app token and normalises the API URL', () => {
    const config = loadConfig({ ...good, SLACK_APP_TOKEN: 'xapp-1-xyz', SLACK_API_URL: 'http://127.0.0.1:9/api', PORT: '8080' });
    expect(config.slack).toMatchObject({ appToken: 'xapp-1-xyz', apiUrl: 'http://127.0.0.1:9/api/' });
    expect(config.port).toBe(8080);
  });

  it('names every missing or malformed variable at once', () => {
    try {
      loadConfig({ SLACK_BOT_TOKEN: 'xoxp-user-token', PORT: 'eighty' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      expect(message).toContain('SLACK_BOT_TOKEN must be a bot token starting with xoxb-');
      expect(message).toContain('SLACK_SIGNING_SECRET is required');
      expect(message).toContain('PORT must be');
      expect(message).not.toContain('xoxp-user-token');
      expect(message).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it('needs no signing secret in Socket Mode, and says which mode needs it', () => {
    const socket = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-123-abc', SLACK_APP_TOKEN: 'xapp-1-xyz' });
    expect(socket.slack.signingSecret).toBeUndefined();
    expect(configSummary(socket)).toMatchObject({ mode: 'socket', signingSecret: 'unset' });
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-123-abc' })).toThrow(/SLACK_SIGNING_SECRET is required in HTTP mode.*or set SLACK_APP_TOKEN for Socket Mode/);
  });

  it('treats blank values as unset', () => {
    expect(() => loadConfig({ ...good, SLACK_APP_TOKEN: '  ' })).not.toThrow();
  });

  it('summarises without secrets', () => {
    const summary = JSON.stringify(configSummary(loadConfig({ ...good, SLACK_APP_TOKEN: 'xapp-1-xyz' })));
    expect(summary).not.toContain('xoxb-123-abc');
    expect(summary).not.toContain('a1b2c3d4e5f6a7b8');
    expect(summary).not.toContain('xapp-1-xyz');
    expect(summary).toContain('"mode":"socket"');
  });
});
