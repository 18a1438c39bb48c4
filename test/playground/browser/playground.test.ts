/**
 * The playground page in a real headless Chromium: the real app answers through the stand-in and
 * the page shows it as Slack would. UPDATE_SCREENSHOT=1 also writes docs/playground.png.
 */
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_CHROMIUM, openPlaygroundInBrowser, SKIP_REASON, type BrowserHarness } from './browser-harness.ts';

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

const QUESTION = '/tokcost gpt-oss-120b, 2k in / 400 out, 30 rps average, peaks 4x at noon, p95 TTFT under 1 s';

describe.skipIf(!HAS_CHROMIUM)('playground page in Chromium', () => {
  let h: BrowserHarness;
  beforeAll(async () => {
    h = await openPlaygroundInBrowser();
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  const type = async (selector: string, text: string) => {
    await h.page.fill(selector, text);
    await h.page.press(selector, 'Enter');
  };
  const noRawJson = async () => expect(await h.page.locator('.raw-json').count()).toBe(0);

  it('shows the stand-in banner and an empty #general', async () => {
    await expect(h.page.locator('#banner').textContent()).resolves.toContain('not Slack');
    await h.page.locator('#messages .empty').waitFor();
    await expect(h.page.locator('#main-title').textContent()).resolves.toBe('# general');
  });

  it('asks a question: the answer card in the channel, the chart in its thread', async () => {
    await type('#composer', QUESTION);
    // The card opens with its answer sentence: the model, the platform and the dollar figure.
    const card = h.page.locator('#messages .msg.from-bot', { hasText: 'Run gpt-oss-120b on' }).first();
    await pwWait(card.locator('.bk-section', { hasText: '/ 1M output tokens' }));
    await pwWait(card.locator('.bk-button', { hasText: 'Cost breakdown' }));
    await card.locator('.replies').click();
    const chart = h.page.locator('#thread-messages .file.image img');
    await chart.waitFor();
    // Page-side code as strings: the test tsconfig has no DOM types.
    await h.page.waitForFunction("(() => { const img = document.querySelector('#thread-messages .file.image img'); return img !== null && img.complete && img.naturalWidth > 300; })()");
    await noRawJson();
  });

  it.runIf(process.env.UPDATE_SCREENSHOT === '1')('writes docs/playground.png', async () => {
    const card = h.page.locator('#messages .msg.from-bot', { hasText: 'Run gpt-oss-120b on' }).first();
    await card.locator('.replies').click();
    await h.page.locator('#thread-messages .file.image img').first().waitFor();
    await card.scrollIntoViewIfNeeded();
    await h.page.evaluate("document.querySelector('#messages .msg.from-bot').scrollIntoView({ block: 'start' }); document.querySelector('#thread-messages .file.image').scrollIntoView({ block: 'end' })");
    await h.page.mouse.move(5, 890);
    await h.page.waitForTimeout(300);
    await h.page.screenshot({ path: join(import.meta.dirname, '..', '..', '..', 'docs', 'playground.png') });
  });
  it('follows up in the thread: a new card says what changed', async () => {
    await type('#thread-composer', 'what about 4k in?');
    await pwWait(h.page.locator('#thread-messages .msg.from-bot', { hasText: 'What changed' }));
    await pwWait(h.page.locator('#thread-messages .msg:not(.from-bot)', { hasText: 'what about 4k in?' }));
    await noRawJson();
  });

  it('gets help ephemerally, marked "Only visible to you"', async () => {
    await type('#composer', '/tokcost help');
    const help = h.page.locator('#messages .msg.ephemeral', { hasText: 'what your LLM inference really costs' });
    await pwWait(help);
    await expect(help.locator('.only-you').textContent()).resolves.toContain('Only visible to you');
    await expect(help.locator('code').first().textContent()).resolves.toMatch(/^\/tokcost /);
  });

  it('submits the form: a field error first, then an answer', async () => {
    await type('#composer', '/tokcost');
    await h.page.locator('#modal-backdrop').waitFor({ state: 'visible' });
    await expect(h.page.locator('#modal-title').textContent()).resolves.toBe('tokcost');
    await h.page.click('#modal-submit');
    await pwWait(h.page.locator('.bk-error[data-error-for="model"]', { hasText: 'Choose a model' }));
    await h.page.selectOption('select[data-action-id="model"]', 'llama-3.3-70b');
    await h.page.fill('input[data-action-id="requests_per_second"]', '5');
    await h.page.click('#modal-submit');
    await h.page.locator('#modal-backdrop').waitFor({ state: 'hidden' });
    await pwWait(h.page.locator('#messages .msg.from-bot .bk-section', { hasText: 'Run llama-3.3-70b on' }));
    await noRawJson();
  });

  it('clicks a card button: the cost breakdown lands in the thread', async () => {
    const card = h.page.locator('#messages .msg.from-bot', { hasText: 'Run gpt-oss-120b on' }).first();
    await card.locator('.bk-button', { hasText: 'Cost breakdown' }).click();
    await card.locator('.replies').click();
    await pwWait(h.page.locator('#thread-messages .msg.from-bot', { hasText: /breakdown/i }));
  });

  it('opens App Home: usage and settings, and its button opens the form', async () => {
    await h.page.click('#nav-app');
    const home = h.page.locator('#app-home');
    await pwWait(home.locator('.bk-section', { hasText: 'Usage in this workspace' }));
    await expect(home.textContent()).resolves.toMatch(/Answers\s*\d/);
    await home.locator('.bk-button', { hasText: 'Ask a question' }).click();
    await h.page.locator('#modal-backdrop').waitFor({ state: 'visible' });
    await h.page.click('#modal-cancel');
    await h.page.locator('#modal-backdrop').waitFor({ state: 'hidden' });
    await noRawJson();
  });

  it('rendered everything the app sent without the raw-JSON fallback, and the page had no errors', async () => {
    const state = (await (await fetch(`${h.playground.url}ui/state`)).json()) as { messages: Record<string, { unrendered: string[] }[]>; home?: { unrendered: string[] } };
    expect(Object.values(state.messages).flat().flatMap((m) => m.unrendered)).toEqual([]);
    expect(state.home?.unrendered).toEqual([]);
    expect(h.pageErrors).toEqual([]);
  });

});

/** Waits until the locator matches a visible element. */
async function pwWait(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'visible' });
}
