import { describe, expect, it } from 'vitest';
import { parseCommandText, parseDollars } from '../../src/slack/command-text.ts';
import { mentions, stripMention } from '../../src/slack/context-ids.ts';
import { diffFields, draftFromForm, readFormFields } from '../../src/slack/form-fields.ts';
import { resolvePlatform } from '../../src/slack/listeners/command.ts';
import { retryDelayMs, withSlackRetry } from '../../src/slack/slack-retry.ts';

describe('slash command text', () => {
  it('routes each form', () => {
    expect(parseCommandText('  ')).toEqual({ kind: 'form' });
    expect(parseCommandText('HELP')).toEqual({ kind: 'help' });
    expect(parseCommandText('settings')).toEqual({ kind: 'settings' });
    expect(parseCommandText('reset')).toEqual({ kind: 'reset' });
    expect(parseCommandText('set price H100-SXM $2.10/hr')).toEqual({ kind: 'set-price', platform: 'H100-SXM', dollarsPerGpuHour: 2.1 });
    expect(parseCommandText('set power 0.12')).toEqual({ kind: 'set-power', dollarsPerKwh: 0.12 });
    expect(parseCommandText('set power 12')).toMatchObject({ kind: 'set-usage' });
    expect(parseCommandText('set price b200 free')).toMatchObject({ kind: 'set-usage' });
    expect(parseCommandText('set colour blue')).toMatchObject({ kind: 'set-usage' });
    expect(parseCommandText('settle this: llama 70b, 30 rps')).toMatchObject({ kind: 'question' });
  });

  it('reads dollar amounts', () => {
    expect([parseDollars('$1.99'), parseDollars('2/h'), parseDollars('.5'), parseDollars('0'), parseDollars('-1'), parseDollars('abc')]).toEqual([1.99, 2, 0.5, undefined, undefined, undefined]);
  });

  it('resolves platforms by id or name, case-insensitively', () => {
    const platforms = [{ id: 'h100-sxm', name: 'NVIDIA H100 SXM' }];
    expect(resolvePlatform(platforms, 'H100-SXM')).toBe('h100-sxm');
    expect(resolvePlatform(platforms, 'nvidia h100 sxm')).toBe('h100-sxm');
    expect(resolvePlatform(platforms, 'warp')).toBeUndefined();
  });
});

describe('mentions', () => {
  it('strips the bot mention and leading punctuation', () => {
    expect(stripMention('<@UBOT>: llama 70b,  30 rps', 'UBOT')).toBe('llama 70b, 30 rps');
    expect(stripMention('hey <@UBOT|tokcost> what about 4k in?', 'UBOT')).toBe('hey what about 4k in?');
    expect(mentions('ping <@UBOT>', 'UBOT')).toBe(true);
    expect(mentions('ping <@UOTHER>', 'UBOT')).toBe(false);
  });
});

describe('form fields', () => {
  const values = (v: Record<string, string | undefined>) =>
    Object.fromEntries(Object.entries(v).map(([k, value]) => [k, { [k]: k === 'model' ? { selected_option: value ? { value } : null } : { value: value ?? null } }]));

  it('reads a complete form and maps it straight onto a workload draft', () => {
    const result = readFormFields({ ...values({ model: 'gpt-oss-120b', input_tokens: '2000', output_tokens: '400', requests_per_second: '30', peak_to_average: '4', ttft_ms: '1000', tpot_ms: undefined }), platforms: { platforms: { selected_options: [{ value: 'b200' }] } } });
    expect(result).toEqual({ ok: true, fields: { model: 'gpt-oss-120b', inputTokens: 2000, outputTokens: 400, requestsPerSecond: 30, peakToAverage: 4, ttftMs: 1000, platforms: ['b200'] } });
    if (result.ok) expect(draftFromForm(result.fields).fields).toEqual({ model: 'gpt-oss-120b', inputTokens: 2000, outputTokens: 400, requestsPerSecond: 30, peakToAverage: 4, ttftMs: 1000, platforms: ['b200'] });
  });

  it('reports each bad field', () => {
    const result = readFormFields(values({ model: undefined, input_tokens: '1.5', output_tokens: '400', requests_per_second: undefined }));
    expect(result).toEqual({ ok: false, errors: { model: 'Choose a model.', input_tokens: 'Enter a whole number of at least 1.', requests_per_second: 'Required.' } });
  });

  it('diffs inputs for "what changed"', () => {
    expect(diffFields({ model: 'a', inputTokens: 1, outputTokens: 2, requestsPerSecond: 3 }, { model: 'a', inputTokens: 4, outputTokens: 2, requestsPerSecond: 3, platforms: ['b200'] })).toEqual([
      { field: 'input tokens', from: '1', to: '4' },
      { field: 'platforms', from: 'none', to: 'b200' },
    ]);
  });
});

describe('bounded Slack retries', () => {
  const policy = { attempts: 3, maxRetryAfterSeconds: 5, backoffMs: 10, sleep: async () => undefined };
  const platformError = (error: string) => Object.assign(new Error(error), { code: 'slack_webapi_platform_error', data: { error } });

  it('waits Retry-After for 429s, backs off on transient errors, fails fast otherwise', () => {
    expect(retryDelayMs({ code: 'slack_webapi_rate_limited_error', retryAfter: 2 }, 1, policy)).toBe(2000);
    expect(retryDelayMs({ code: 'slack_webapi_rate_limited_error', retryAfter: 60 }, 1, policy)).toBeUndefined();
    expect(retryDelayMs({ code: 'slack_webapi_request_error' }, 2, policy)).toBe(20);
    expect(retryDelayMs({ code: 'slack_webapi_http_error', statusCode: 503 }, 1, policy)).toBe(10);
    expect(retryDelayMs(platformError('internal_error'), 1, policy)).toBe(10);
    expect(retryDelayMs(platformError('not_in_channel'), 1, policy)).toBeUndefined();
  });

  it('gives up after the attempt budget', async () => {
    let calls = 0;
    await expect(withSlackRetry(async () => {
      calls++;
      throw platformError('internal_error');
    }, policy)).rejects.toThrow('internal_error');
    expect(calls).toBe(3);
  });
});

describe('retry modes', () => {
  const policy = { attempts: 3, maxRetryAfterSeconds: 2, backoffMs: 10 };
  it('rate-limited mode retries only 429s and refused connections, never a 5xx or a timeout', () => {
    expect(retryDelayMs({ code: 'slack_webapi_rate_limited_error', retryAfter: 1 }, 1, policy, 'rate-limited')).toBe(1000);
    expect(retryDelayMs({ code: 'slack_webapi_request_error', original: { cause: { code: 'ECONNREFUSED' } } }, 1, policy, 'rate-limited')).toBe(10);
    expect(retryDelayMs({ code: 'slack_webapi_http_error', statusCode: 500 }, 1, policy, 'rate-limited')).toBeUndefined();
    expect(retryDelayMs({ code: 'slack_webapi_request_error', original: { name: 'TimeoutError' } }, 1, policy, 'rate-limited')).toBeUndefined();
    expect(retryDelayMs({ code: 'slack_webapi_platform_error', data: { error: 'internal_error' } }, 1, policy, 'rate-limited')).toBeUndefined();
  });
});
