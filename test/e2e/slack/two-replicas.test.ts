/**
 * Issue 21's bar: two app processes (`npm start`'s command) on one Postgres behind a local
 * round-robin proxy. 100 signed slash commands and events, every event also retried Slack-style
 * (same event_id, new signature) so the retry reaches the other replica; one replica is killed with
 * SIGKILL while it still holds unanswered questions. Every request is answered exactly once (the
 * killed replica's by the survivor) and the per-user rate limit holds across both.
 * Bounded: 100 requests, 12 of them full answers; generous waits, so a busy machine can't fail it.
 * Skips with a message without a Postgres server (outside CI; .ci/run provides one).
 */
import pLimit from 'p-limit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNCONFIRMED_TEXT } from '../../../src/slack/answer-flow.ts';
import { CHART_HINT } from '../../../src/slack/blocks/help-blocks.ts';
import { freshDatabase, hasPostgres } from '../../store/postgres-for-tests.ts';
import { startAppProcess, type AppProcess } from './app-process.ts';
import { FakeSlack } from './fake-slack.ts';
import { QUESTION } from './harness.ts';
import { startRoundRobinProxy, type RoundRobinProxy } from './round-robin-proxy.ts';
import { formBody, postSigned, type SignedResponse } from './signed-request.ts';

const SECRET = 'two0replicas0secret0abc';
const RATE_LIMIT = 5;
const LEASE_MS = 2000;
const REAL_QUESTIONS = 12;
const RATE_ASKS = 8;
const PROBLEM_MENTIONS = 28;
const PROBLEM_COMMANDS = 100 - REAL_QUESTIONS - RATE_ASKS - PROBLEM_MENTIONS;
const NOT_A_QUESTION = 'sing me a song';

const suite = hasPostgres ? describe : describe.skip;

suite('two replicas on one Postgres behind a round-robin proxy', () => {
  const fake = new FakeSlack();
  const apps: AppProcess[] = [];
  let proxy: RoundRobinProxy;
  let drop: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    await fake.start();
    const db = await freshDatabase();
    drop = db.drop;
    const env = {
      SLACK_BOT_TOKEN: 'xoxb-two-replicas',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      DATABASE_URL: db.url,
      TOKCOST_ADVISOR_WORKERS: '1',
      TOKCOST_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
      TOKCOST_WORK_LEASE_MS: String(LEASE_MS),
    };
    // One after the other: both run the migrations' advisory lock, but start-up CPU is the bottleneck here.
    apps.push(await startAppProcess(env, 90_000));
    apps.push(await startAppProcess(env, 90_000));
    proxy = await startRoundRobinProxy(apps.map((a) => a.eventsUrl.replace(/\/slack\/events$/, '')));
  }, 200_000);

  afterAll(async () => {
    for (const app of apps) await app.kill('SIGKILL');
    await proxy?.close();
    await fake.close();
    await drop();
  });

  const events = `${'http://placeholder'}/slack/events`;
  const url = () => events.replace('http://placeholder', proxy.url);
  const command = (text: string, i: string, userId: string): Promise<SignedResponse> =>
    postSigned(url(), formBody({ team_id: 'T1', channel_id: `CC${i}`, user_id: userId, command: '/tokcost', text, response_url: fake.responseUrl(`cmd${i}`), trigger_id: 't', api_app_id: 'A1' }), 'application/x-www-form-urlencoded', { secret: SECRET });
  /** An event, then Slack's retry of it (same event_id, a new timestamp so a new signature). */
  const eventWithRetry = async (id: string, channel: string, text: string, ts: string): Promise<SignedResponse[]> => {
    const body = JSON.stringify({ team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: `Ev${id}`, event_time: 1, authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }], event: { type: 'app_mention', user: `U${id}`, text, ts, channel, event_ts: ts } });
    const sentAt = Math.floor(Date.now() / 1000);
    const first = await postSigned(url(), body, 'application/json', { secret: SECRET, timestamp: sentAt });
    const retry = await postSigned(url(), body, 'application/json', { secret: SECRET, timestamp: sentAt - 1, headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    return [first, retry];
  };

  const isAnswer = (text: unknown) => typeof text === 'string' && text !== CHART_HINT && text !== UNCONFIRMED_TEXT && !text.startsWith('Still working');
  const postsIn = (channel: string) => fake.callsTo('chat.postMessage').filter((c) => c.body.channel === channel && isAnswer(c.body.text));
  const responsesTo = (id: string) => fake.responses.filter((r) => r.id === id && isAnswer(r.body.text));
  const ackText = (response: SignedResponse) => (response.text.trim() === '' ? undefined : (JSON.parse(response.text) as { text?: string }).text);

  it('answers each of 100 requests exactly once, finishes the killed replica’s answers, and holds the rate limit across both', async () => {
    const [first, second] = apps as [AppProcess, AppProcess];

    const slowest = (acks: readonly SignedResponse[]) => Math.round(Math.max(...acks.map((a) => a.elapsedMs)));
    // Warm each replica up as a balancer's health checks would (not among the 100): the store is
    // reachable, and the first request's one-off costs (connections, auth.test) are paid.
    for (const [n, app] of apps.entries()) {
      const health = await fetch(app.eventsUrl.replace(/\/slack\/events$/, '/healthz'));
      expect(await health.json()).toMatchObject({ ok: true, store: { ok: true, kind: 'postgres' } });
      const warm = await postSigned(app.eventsUrl, formBody({ team_id: 'T1', channel_id: `CWARM${n}`, user_id: 'UWARM', command: '/tokcost', text: 'help', response_url: fake.responseUrl('warm'), trigger_id: 't', api_app_id: 'A1' }), 'application/x-www-form-urlencoded', { secret: SECRET });
      expect(warm.status).toBe(200);
    }
    // A few at a time, as traffic arrives: a burst of 100 at once on a busy 2-core machine would test the machine.
    const paced = pLimit(6);
    // Phase 1, both replicas: full questions (each event retried to the other replica) and one user
    // asking more than the limit allows, alternating between replicas.
    const real = await Promise.all(
      Array.from({ length: REAL_QUESTIONS }, (_, i) => paced(() => eventWithRetry(`Q${i}`, `CQ${i}`, `<@UBOT> ${QUESTION}`, `18000020${String(i).padStart(2, '0')}.000100`))),
    );
    expect(real.flat().map((r) => `${r.status} ${r.text}`).filter((s) => !s.startsWith("200"))).toEqual([]);
    const rateAcks: SignedResponse[] = [];
    for (let i = 0; i < RATE_ASKS; i++) rateAcks.push(await command(NOT_A_QUESTION, `R${i}`, 'URATE'));
    expect(proxy.served[0]).toBeGreaterThan(0);
    expect(proxy.served[1]).toBeGreaterThan(0);

    // The first replica dies with its questions still being worked on (a full answer takes seconds).
    const answeredBeforeKill = Array.from({ length: REAL_QUESTIONS }, (_, i) => postsIn(`CQ${i}`).length).reduce((a, b) => a + b, 0);
    expect(await first.kill('SIGKILL')).toMatchObject({ signal: 'SIGKILL' });
    expect(answeredBeforeKill).toBeLessThan(REAL_QUESTIONS);

    // Phase 2: the rest, through the same proxy (which now reaches only the survivor).
    const problemEvents = Promise.all(
      Array.from({ length: PROBLEM_MENTIONS }, (_, i) => paced(() => eventWithRetry(`P${i}`, `CP${i}`, `<@UBOT> ${NOT_A_QUESTION}`, `18000030${String(i).padStart(2, '0')}.000100`))),
    );
    const commandAcks = await Promise.all(Array.from({ length: PROBLEM_COMMANDS }, (_, i) => paced(() => command(NOT_A_QUESTION, `X${i}`, `UX${i}`))));
    expect((await problemEvents).flat().map((r) => `${r.status} ${r.text}`).filter((s) => !s.startsWith("200"))).toEqual([]);
    expect(commandAcks.map((r) => `${r.status} ${r.text}`).filter((s) => !s.startsWith("200"))).toEqual([]);

    const counts = () => ({
      real: Array.from({ length: REAL_QUESTIONS }, (_, i) => postsIn(`CQ${i}`).length),
      problems: Array.from({ length: PROBLEM_MENTIONS }, (_, i) => postsIn(`CP${i}`).length),
      commands: Array.from({ length: PROBLEM_COMMANDS }, (_, i) => responsesTo(`cmdX${i}`).length + postsIn(`CCX${i}`).length),
      rate: rateAcks.map((ack, i) => (ackText(ack) ? 1 : 0) + responsesTo(`cmdR${i}`).length),
    });
    const allAnswered = () => Object.values(counts()).every((list) => list.every((n) => n >= 1));
    await fake.waitFor(allAnswered, 120_000, 'every request answered');
    // Another lease and sweep: nothing may come a second time.
    await new Promise((resolve) => setTimeout(resolve, LEASE_MS * 2));
    const final = counts();
    expect(final.real).toEqual(Array(REAL_QUESTIONS).fill(1));
    expect(final.problems).toEqual(Array(PROBLEM_MENTIONS).fill(1));
    expect(final.commands).toEqual(Array(PROBLEM_COMMANDS).fill(1));
    expect(final.rate).toEqual(Array(RATE_ASKS).fill(1));
    // Each full answer's chart was shared once.
    for (let i = 0; i < REAL_QUESTIONS; i++) expect(fake.callsTo('files.completeUploadExternal').filter((c) => c.body.channel_id === `CQ${i}`)).toHaveLength(1);

    // The rate limit held across both replicas: exactly RATE_LIMIT of URATE's asks went through.
    const refused = rateAcks.filter((ack) => /You’ve asked 5 questions/.test(ackText(ack) ?? ''));
    expect(refused).toHaveLength(RATE_ASKS - RATE_LIMIT);

    // The survivor finished what the killed replica left.
    const takenOver = second.output().split('finishing a request another replica left unfinished').length - 1;
    console.info(`two replicas: slowest ack ${slowest([...real.flat(), ...rateAcks, ...commandAcks])} ms; proxy served ${proxy.served.join(' / ')}; ${answeredBeforeKill}/${REAL_QUESTIONS} full answers posted before the SIGKILL; ${takenOver} request(s) taken over by the survivor; ${refused.length} of ${RATE_ASKS} asks refused at ${RATE_LIMIT}/min`);
    expect(takenOver).toBeGreaterThan(0);
    expect(second.output()).toContain('duplicate event ignored');
  }, 300_000);
});
