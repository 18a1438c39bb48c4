/**
 * A headless Chromium (Debian's package, driven by playwright-core) on a running playground.
 * Browser tests skip with a message when the binary is missing (.ci/install-browser installs it).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startPlayground, type Playground } from '../../../src/playground/playground.ts';

export const CHROMIUM_PATH = process.env.PLAYGROUND_CHROMIUM ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);
export const SKIP_REASON = `browser tests skipped: no Chromium at ${CHROMIUM_PATH} (run .ci/install-browser, or set PLAYGROUND_CHROMIUM)`;

export interface BrowserHarness {
  readonly playground: Playground;
  readonly browser: Browser;
  readonly page: Page;
  /** Uncaught errors and console errors seen in the page. */
  readonly pageErrors: string[];
  close(): Promise<void>;
}

export async function openPlaygroundInBrowser(viewport = { width: 1440, height: 900 }): Promise<BrowserHarness> {
  const playground = await startPlayground({ logLevel: 'silent' });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'], timeout: 30_000 });
    const page = await browser.newPage({ viewport });
    page.setDefaultTimeout(20_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.goto(playground.url);
    const opened = browser;
    return {
      playground,
      browser: opened,
      page,
      pageErrors,
      async close() {
        await opened.close().catch(() => undefined);
        await playground.stop();
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await playground.stop();
    throw error;
  }
}
