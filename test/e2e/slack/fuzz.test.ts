/**
 * Fuzzing the whole Slack handler over loopback: 10,000 generated requests (signed slash commands,
 * events, block_actions and view_submissions with random and mutated fields, plus broken signatures,
 * truncated bodies and junk) into the real Bolt app with a scripted advisor and a Web API that fails
 * at random. Nothing may go unhandled, the process stays up, and every request gets an answer
 * (a routable, signed request is acked with 200; none waits out Bolt's 3-second timer, which answers 404).
 * Seeded: a failure names its seed and request index.
 */
import { createSeededRandom as mulberry32 } from '../../../src/engine/traffic/seeded-random.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeAdvisor } from '../../slack/fixtures/fake-advisor.ts';
import { SIGNING_SECRET, startHarness, type Harness } from './harness.ts';
import { formBody, postSigned } from './signed-request.ts';
import { ANSWER_WAIT_MS } from './fake-slack.ts';

const COUNT = Number(process.env.TOKCOST_FUZZ_COUNT ?? 10_000);
const SEED = Number(process.env.TOKCOST_FUZZ_SEED ?? 20_260_507);
const CONCURRENCY = 48;


const WORDS = ['gpt-oss-120b', 'llama-3.1-70b', '2k in', '400 out', '30 rps', 'peaks 4x', 'p95 TTFT under 1 s', 'on mi355x', 'tco', 'crossover', 'api', 'batch?', 'curve', 'help', 'settings', 'reset', 'set price h200 2.1', 'set power 0.1', 'set price', 'double the traffic', 'what about 4k in?', 'gibberish', 'explode', '<@UBOT>', '<!channel>', '&lt;', '\u0000', '💸', 'ﷺ', '\u202e', "'; DROP TABLE answers;--", '${x}', '%s%n', 'NaN', '-1', '1e309', '   '];

function generator(rand: () => number) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const maybe = <T>(value: T, p = 0.85): T | undefined => (rand() < p ? value : undefined);
  const text = () => {
    if (rand() < 0.03) return 'z'.repeat(1000 + Math.floor(rand() * 3000));
    return Array.from({ length: 1 + Math.floor(rand() * 8) }, () => pick(WORDS)).join(' ');
  };
  const weird = (): unknown => pick([null, 0, -1, 1.5, true, [], {}, '', 'x'.repeat(200), [1, 2], { a: { b: 1 } }, text()]);
  const field = <T>(normal: () => T): unknown => (rand() < 0.1 ? weird() : normal());
  const team = () => field(() => pick(['T1', 'T2', 'T3']));
  const user = () => field(() => pick(['U1', 'U2', 'U3', 'U4', 'UADMIN']));
  const channel = () => field(() => pick(['C1', 'C2', 'D1', 'G1', 'U1']));
  const ts = () => field(() => `18000${Math.floor(rand() * 100000)}.000${Math.floor(rand() * 900) + 100}`);

  const command = (h: Harness) => {
    const fields: Record<string, unknown> = { team_id: team(), channel_id: channel(), user_id: user(), command: rand() < 0.95 ? '/tokcost' : pick(['/other', '', '/TOKCOST']), text: text(), response_url: maybe(h.fake.responseUrl('fuzz')), trigger_id: maybe('trig') };
    const clean = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
    return { body: formBody(clean), type: 'application/x-www-form-urlencoded' };
  };
  const event = () => {
    const kind = pick(['app_mention', 'message', 'message', 'app_home_opened', 'reaction_added', 'message']);
    const e: Record<string, unknown> = { type: kind, user: user(), text: field(text), ts: ts(), channel: channel(), event_ts: ts() };
    if (rand() < 0.4) e.thread_ts = ts();
    if (rand() < 0.3) e.channel_type = pick(['im', 'channel', 'group', 7]);
    if (rand() < 0.05) e.subtype = pick(['bot_message', 'message_changed']);
    if (rand() < 0.05) e.bot_id = 'B9';
    if (kind === 'app_home_opened') e.tab = pick(['home', 'messages', null]);
    const body: Record<string, unknown> = { team_id: team(), api_app_id: 'A1', type: 'event_callback', event_id: `Ev${Math.floor(rand() * 1e9)}`, event_time: 1, event: e };
    if (rand() < 0.8) body.authorizations = [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }];
    return { body: JSON.stringify(body), type: 'application/json' };
  };
  const action = (h: Harness) => {
    const payload: Record<string, unknown> = {
      type: 'block_actions',
      team: rand() < 0.9 ? { id: team() } : weird(),
      user: rand() < 0.9 ? { id: user() } : weird(),
      channel: { id: channel() },
      container: { type: 'message', message_ts: ts(), channel_id: channel() },
      trigger_id: maybe('trig'),
      response_url: maybe(h.fake.responseUrl('fuzz-action')),
      actions: rand() < 0.95 ? [{ type: 'button', action_id: pick(['tokcost_adjust', 'tokcost_breakdown', 'tokcost_compare_modes', 'tokcost_share', 'tokcost_home_ask', 'other']), value: field(() => pick(['', 'deadbeefdeadbeef', text()])) }] : weird(),
    };
    return { body: formBody({ payload: JSON.stringify(payload) }), type: 'application/x-www-form-urlencoded' };
  };
  const view = () => {
    const num = () => ({ type: 'number_input', value: field(() => pick(['2000', '0', '-5', '1e9', 'abc', '', '30', '0.5'])) });
    const values = rand() < 0.1 ? weird() : {
      model: { model: { type: 'static_select', selected_option: rand() < 0.9 ? { value: field(() => pick(['gpt-oss-120b', 'nope', ''])) } : weird() } },
      input_tokens: { input_tokens: num() },
      output_tokens: { output_tokens: num() },
      requests_per_second: { requests_per_second: num() },
      peak_to_average: { peak_to_average: num() },
      platforms: { platforms: { type: 'multi_static_select', selected_options: rand() < 0.9 ? [{ value: 'h200' }] : weird() } },
    };
    const payload = { type: 'view_submission', team: { id: team() }, user: { id: user() }, trigger_id: 't', view: { id: 'V1', callback_id: rand() < 0.9 ? 'tokcost_form' : 'other', private_metadata: field(() => pick(['{"channelId":"C1"}', '{"channelId":"C1","threadTs":"1.1"}', '{', 'null', '{"channelId":5}'])), state: { values } } };
    return { body: formBody({ payload: JSON.stringify(payload) }), type: 'application/x-www-form-urlencoded' };
  };
  /** A valid request, then maybe broken: bad signature, truncated, bytes flipped, junk. */
  return (h: Harness) => {
    const r = pick([command, command, event, event, action, view] as const)(h);
    const roll = rand();
    if (roll < 0.04) return { ...r, signature: 'v0=00' };
    if (roll < 0.08) return { ...r, body: r.body.slice(0, Math.floor(rand() * r.body.length)) };
    if (roll < 0.11) {
      const chars = [...r.body];
      for (let k = 0; k < 5; k++) chars[Math.floor(rand() * chars.length)] = String.fromCharCode(Math.floor(rand() * 0x3000));
      return { ...r, body: chars.join('') };
    }
    if (roll < 0.12) return { ...r, type: pick(['text/plain', 'application/json', 'application/x-www-form-urlencoded']) };
    return r;
  };
}

describe('fuzz: the whole Slack handler', () => {
  const advisor = new FakeAdvisor();
  let h: Harness;
  const problems: unknown[] = [];
  const onProblem = (error: unknown) => void problems.push(error);
  beforeAll(async () => {
    process.on('unhandledRejection', onProblem);
    process.on('uncaughtException', onProblem);
    h = await startHarness({ advisor, slowNoticeMs: 60_000, env: { TOKCOST_RATE_LIMIT_PER_MINUTE: '20', TOKCOST_ADMINS: 'UADMIN' } });
  });
  afterAll(async () => {
    process.off('unhandledRejection', onProblem);
    process.off('uncaughtException', onProblem);
    await h?.stop();
  });

  it(`${COUNT} generated requests: nothing unhandled, every request answered, the app still works`, async () => {
    advisor.throwOn = /explode/;
    h.fake.chaos = 0.05;
    const next = generator(mulberry32(SEED));
    const statuses = new Map<number, number>();
    const slow: string[] = [];
    let sent = 0;
    const worker = async () => {
      while (sent < COUNT) {
        const index = sent++;
        const r = next(h);
        const res = await postSigned(h.eventsUrl, r.body, r.type, { secret: SIGNING_SECRET, ...('signature' in r ? { signature: r.signature } : {}) });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        // A request left to Bolt's 3-second unhandled-request timer is answered 404: the status says it, not a clock.
        if (res.status === 500 || res.status === 404) slow.push(`#${index} (seed ${SEED}): ${res.status} after ${res.elapsedMs.toFixed(0)} ms: ${r.body.slice(0, 200)}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await h.fake.waitFor(() => h.app.inFlight === 0, ANSWER_WAIT_MS, 'in-flight work to finish');
    expect(slow).toEqual([]);
    expect(problems).toEqual([]);
    expect([...statuses.keys()].every((s) => [200, 400, 401].includes(s))).toBe(true);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(COUNT * 0.6);

    // Still healthy: a normal question gets its answer.
    h.fake.reset();
    advisor.throwOn = undefined;
    await h.command('gpt-oss-120b, 2k in / 400 out, 30 rps', { userId: 'UFRESH', channelId: 'CAFTER' });
    await h.fake.waitFor(() => h.fake.callsTo('files.completeUploadExternal').length >= 1, ANSWER_WAIT_MS, 'answer after the fuzz');
  });
});
