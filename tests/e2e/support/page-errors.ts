/**
 * Any uncaught error in a page of the app fails the test that was running: a crash the user
 * would meet once in a while must not pass unnoticed because the assertions happened to look
 * elsewhere. Every spec gets this through its `test`: host.ts builds on it, and a spec that drives
 * Chromium itself imports `test` from here.
 *
 * Pages are watched where they are made: the contexts of the fixture `browser` (wrapped below),
 * and the contexts and windows host.ts opens (`watchContext`, `watchPage`). An error seen between
 * tests (a beforeAll) fails the next test.
 */
import { test as base, expect } from '@playwright/test';
import type { Browser, BrowserContext, Page } from '@playwright/test';

export { expect };

const seen: string[] = [];
const watched = new WeakSet<Page>();

export function watchPage(page: Page): void {
  if (watched.has(page)) return;
  watched.add(page);
  page.on('pageerror', (error) => seen.push(`${page.url().split('#')[0]}: ${error.stack ?? error.message}`));
}

export function watchContext(context: BrowserContext): void {
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
}

/** Makes every context and page of `browser` watched, however a spec opens them. */
function watchBrowser(browser: Browser): void {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args) => {
    const context = await newContext(...args);
    watchContext(context);
    return context;
  };
  // browser.newPage opens a context of its own through the same newContext.
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (...args) => {
    const page = await newPage(...args);
    watchPage(page);
    return page;
  };
}

export const test = base.extend<{ failOnPageErrors: void }>({
  browser: [
    async ({ browser }, use) => {
      watchBrowser(browser);
      await use(browser);
    },
    { scope: 'worker' },
  ],
  context: async ({ context }, use) => {
    watchContext(context);
    await use(context);
  },
  failOnPageErrors: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      await use();
      const errors = seen.splice(0);
      if (errors.length > 0) throw new Error(`Uncaught error in the page:\n${errors.join('\n\n')}`);
    },
    { auto: true },
  ],
});
