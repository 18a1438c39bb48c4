/**
 * The playground end to end without a browser: the real app and advisor behind the stand-in,
 * driven through SlackUser as the page drives it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredMessage } from '../../src/playground/conversation-store.ts';
import { createEventSender } from '../../src/playground/event-sender.ts';
import { BOT_USER_ID, GENERAL, PRIVATE, USER_ID } from '../../src/playground/ids.ts';
import { pageState } from '../../src/playground/page-model.ts';
import { startPlayground, type Playground } from '../../src/playground/playground.ts';

let pg: Playground;
beforeAll(async () => {
  pg = await startPlayground({ logLevel: 'silent' });
});
afterAll(async () => {
  await pg?.stop();
});

const QUESTION = 'gpt-oss-120b, 2k in / 400 out, 30 rps average, peaks 4x at noon, p95 TTFT under 1 s';
const messages = (channel = GENERAL.id) => pg.store.visibleMessages(channel, USER_ID);
const blocksJson = (m: StoredMessage | undefined) => JSON.stringify(m?.blocks ?? []);

async function waitFor<T>(find: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined && found !== false) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; log: ${pg.store.logs().map((l) => `${l.what}${l.ok ? '' : ` (${l.detail})`}`).join('; ')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const botCards = (channel = GENERAL.id) => messages(channel).filter((m) => m.user === BOT_USER_ID && blocksJson(m).includes('tokcost_answer_actions'));

describe('playground with the real tokcost app', () => {
  it('signs requests so the app accepts them, and the app refuses a wrong secret', async () => {
    const forged = createEventSender({ url: pg.eventsUrl, signingSecret: 'not-the-secret-0000' });
    expect((await forged.command({ command: '/tokcost', text: 'help' })).status).toBe(401);
  });

  it('/tokcost <question>: the card in the channel, the chart (a PNG) in its thread', async () => {
    const outcome = await pg.user.say(GENERAL.id, `/tokcost ${QUESTION}`);
    expect(outcome.ok).toBe(true);
    const card = await waitFor(() => botCards()[0], 'the answer card');
    expect(card.threadTs).toBeUndefined();
    expect(blocksJson(card)).toContain(`<@${USER_ID}> asked`);
    const chart = await waitFor(() => messages().find((m) => m.threadTs === card.ts && m.fileIds), 'the chart in the thread');
    const png = pg.store.file(chart.fileIds![0]!)!.bytes!;
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('a reply in the thread is a follow-up: a new card in the thread saying what changed', async () => {
    const card = botCards()[0]!;
    await pg.user.say(GENERAL.id, 'what about 4k in?', card.ts);
    const followUp = await waitFor(() => messages().find((m) => m.threadTs === card.ts && blocksJson(m).includes('What changed')), 'the follow-up');
    expect(blocksJson(followUp)).toContain('4k in');
  });

  it('/tokcost help answers only the asker', async () => {
    await pg.user.say(GENERAL.id, '/tokcost help');
    const help = await waitFor(() => messages().find((m) => m.ephemeralTo === USER_ID && blocksJson(m).includes('what your LLM inference really costs')), 'help');
    expect(pg.store.visibleMessages(GENERAL.id, 'U0SOMEONE').includes(help)).toBe(false);
  });

  it('Cost breakdown on the card answers in its thread', async () => {
    const card = botCards()[0]!;
    const before = messages().length;
    await pg.user.click({ channel: GENERAL.id, messageTs: card.ts }, { type: 'button', actionId: 'tokcost_breakdown', blockId: 'tokcost_answer_actions', value: answerIdOf(card) });
    await waitFor(() => messages().length > before ? messages().find((m) => m.threadTs === card.ts && /breakdown|provisioned/i.test(blocksJson(m))) : undefined, 'the breakdown');
  });

  it('/tokcost alone opens the form; a missing model comes back as a field error; a full form answers', async () => {
    await pg.user.say(GENERAL.id, '/tokcost');
    const modal = await waitFor(() => pg.store.modal(USER_ID), 'the modal');
    expect(modal.view.callback_id).toBe('tokcost_form');
    const numbers = [
      { blockId: 'input_tokens', actionId: 'input_tokens', value: '1000' },
      { blockId: 'output_tokens', actionId: 'output_tokens', value: '300' },
      { blockId: 'requests_per_second', actionId: 'requests_per_second', value: '5' },
    ];
    const refused = await pg.user.submitView(modal.id, numbers);
    expect(refused.ok).toBe(false);
    expect(pg.store.modal(USER_ID)?.errors).toHaveProperty('model');
    const cardsBefore = botCards().length;
    const accepted = await pg.user.submitView(modal.id, [{ blockId: 'model', actionId: 'model', value: 'llama-3.3-70b' }, ...numbers]);
    expect(accepted.ok).toBe(true);
    expect(pg.store.modal(USER_ID)).toBeUndefined();
    const card = await waitFor(() => (botCards().length > cardsBefore ? botCards().at(-1) : undefined), 'the form answer');
    expect(blocksJson(card)).toContain('llama-3.3-70b');
  });

  it('@tokcost in the channel answers in the thread of the mention', async () => {
    const outcome = await pg.user.say(GENERAL.id, '@tokcost deepseek-r1, 4k in / 1k out, 12 rps');
    expect(outcome.ok).toBe(true);
    const mention = messages().find((m) => m.user === USER_ID && m.text.startsWith(`<@${BOT_USER_ID}>`))!;
    await waitFor(() => messages().find((m) => m.threadTs === mention.ts && blocksJson(m).includes('deepseek')), 'the answer to the mention');
  });

  it('in a private channel without the bot: the answer comes only to you, and Share to channel posts it', async () => {
    await pg.user.say(PRIVATE.id, `/tokcost ${QUESTION}`);
    const ephemeral = await waitFor(() => botCards(PRIVATE.id).find((m) => m.ephemeralTo === USER_ID), 'the ephemeral answer');
    expect(blocksJson(ephemeral)).toContain('tokcost_share');
    await pg.user.click({ channel: PRIVATE.id, messageTs: ephemeral.ts }, { type: 'button', actionId: 'tokcost_share', blockId: 'tokcost_answer_actions', value: answerIdOf(ephemeral) });
    const shared = await waitFor(() => botCards(PRIVATE.id).find((m) => m.ephemeralTo === undefined), 'the shared card');
    expect(pg.store.visibleMessages(PRIVATE.id, 'U0SOMEONE')).toContain(shared);
    await waitFor(() => pg.store.message(PRIVATE.id, ephemeral.ts) === undefined || undefined, 'the ephemeral answer to go');
  });

  it('opening App Home publishes usage and settings', async () => {
    await pg.user.openHome();
    const home = await waitFor(() => pg.store.home(USER_ID), 'App Home');
    expect(JSON.stringify(home.view.blocks)).toContain('Usage in this workspace');
  });

  it('renders everything the app sent in these runs without the raw-JSON fallback', () => {
    const state = pageState(pg.store, USER_ID);
    const all = Object.values(state.messages).flat();
    expect(all.length).toBeGreaterThan(10);
    expect(all.flatMap((m) => m.unrendered)).toEqual([]);
    expect(state.home?.unrendered).toEqual([]);
    // The only refusals: posting into the private channel the bot is not in (then it answers ephemerally).
    const refused = pg.store.logs().filter((l) => l.direction === 'from-app' && !l.ok);
    expect(refused.map((l) => `${l.what}: ${l.detail}`)).toEqual([`chat.postMessage ${PRIVATE.id}: not_in_channel`]);
  });
});

function answerIdOf(card: StoredMessage): string {
  const actions = (card.blocks ?? []).find((b) => (b as { block_id?: string }).block_id === 'tokcost_answer_actions') as { elements: { value: string }[] };
  return actions.elements[0]!.value;
}
