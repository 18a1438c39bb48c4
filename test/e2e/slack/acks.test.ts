/**
 * Every kind of request Slack may send gets a 200 at once, handled or not (issue 25): Slack retries
 * anything unanswered after 3 s and counts failures. `app_rate_limited` used to be answered 404 after 3 s.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeAdvisor } from '../../slack/fixtures/fake-advisor.ts';
import { SIGNING_SECRET, startHarness, type Harness } from './harness.ts';
import { blockAction } from './payloads.ts';
import { formBody, postSigned } from './signed-request.ts';

// "At once" is read from the status, not a stopwatch: Bolt answers a request no listener acknowledged
// with a 404 at its 3 s unhandled-request timeout (what app_rate_limited used to get), so a 200 means
// the app acknowledged it itself, before Slack's limit, however busy the machine. Speed: `npm run bench`.

describe('acknowledging every Slack request type', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ advisor: new FakeAdvisor() });
  });
  afterAll(async () => {
    await h?.stop();
  });

  const json = (body: Record<string, unknown>) => postSigned(h.eventsUrl, JSON.stringify(body), 'application/json', { secret: SIGNING_SECRET });
  const payload = (body: Record<string, unknown>) => postSigned(h.eventsUrl, formBody({ payload: JSON.stringify(body) }), 'application/x-www-form-urlencoded', { secret: SIGNING_SECRET });

  it('app_rate_limited: 200 at once, and nothing is posted', async () => {
    const res = await json({ token: 'legacy', type: 'app_rate_limited', team_id: 'T1', minute_rate_limited: 1_518_467_820, api_app_id: 'A1' });
    expect(res.status).toBe(200);
    expect(h.fake.calls).toEqual([]);
  });

  const events: [string, Record<string, unknown>][] = [
    ['team_join', { type: 'team_join', user: { id: 'U9' } }],
    ['member_joined_channel', { type: 'member_joined_channel', user: 'U9', channel: 'C1' }],
    ['message_changed', { type: 'message', subtype: 'message_changed', channel: 'C1', ts: '1.2', message: { text: 'x' } }],
    ['app_home_opened (messages tab)', { type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'messages' }],
    ['tokens_revoked', { type: 'tokens_revoked', tokens: { bot: ['UBOT'] } }],
  ];
  for (const [name, event] of events) {
    it(`event ${name}: 200 at once`, async () => {
      const res = await h.event(event);
      expect(res.status).toBe(200);
      });
  }

  const interactions: [string, Record<string, unknown>][] = [
    ['a button of another app', blockAction({ actionId: 'other_app_button', value: 'x', responseUrl: 'http://127.0.0.1:9/none' })],
    ['view_closed', { type: 'view_closed', team: { id: 'T1' }, user: { id: 'U1' }, api_app_id: 'A1', view: { id: 'V1', callback_id: 'tokcost_form' }, is_cleared: false }],
    ['a global shortcut', { type: 'shortcut', callback_id: 'unknown_shortcut', trigger_id: 't', team: { id: 'T1' }, user: { id: 'U1' }, api_app_id: 'A1', token: 'legacy', action_ts: '1.1' }],
  ];
  for (const [name, body] of interactions) {
    it(`interaction ${name}: 200 at once`, async () => {
      const res = await payload(body);
      expect(res.status).toBe(200);
      });
  }

  it('a slash command of another app sharing the request URL: 200 at once', async () => {
    const res = await postSigned(h.eventsUrl, formBody({ command: '/other', text: 'x', team_id: 'T1', user_id: 'U1', channel_id: 'C1', response_url: 'http://127.0.0.1:9/none', trigger_id: 't', api_app_id: 'A1', token: 'legacy' }), 'application/x-www-form-urlencoded', { secret: SIGNING_SECRET });
    expect(res.status).toBe(200);
  });
});
