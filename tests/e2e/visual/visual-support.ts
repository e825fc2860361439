/**
 * What the screenshot suite does on every screen: axe (WCAG 2.0 and 2.1, A and AA) expecting no
 * violation, then a comparison with the committed picture. Both are soft assertions, so one run
 * lists every screen that changed or broke a rule instead of stopping at the first.
 *
 * Determinism: the browser host runs with its wall clock stood still (../support/fixed-clock.cjs)
 * and the page with the same instant (page.clock.setFixedTime), so the sandbox's sample data, the
 * journey's audit records and every "3 days ago" are the same on each run; the in-app sandbox is
 * seeded (main/core/try-sandbox.ts); locale and time zone are fixed; animations are stopped and the
 * caret hidden by toHaveScreenshot; each run gets a new data folder (support/host.ts).
 */
import AxeBuilder from '@axe-core/playwright';
import { chromiumPath, DEBIAN_CHROMIUM } from '../support/chromium';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../support/host';
import type { Desk, DeskApp } from '../support/host';

export type Scheme = 'light' | 'dark';

/** The instant both the host process and the page read as "now". */
export const FIXED_NOW = '2026-06-15T09:30:00.000Z';

export const VIEWPORT = { width: 1280, height: 800 };

const fixedClock = path.join(__dirname, '..', 'support', 'fixed-clock.cjs');

/**
 * Screenshots are compared where the baselines were made: Linux, in Debian's Chromium, with the
 * fonts pinned by fonts.conf (playwright.config.ts). Windows and macOS draw text with their own
 * rasterizers, and another Chromium build (Playwright's own, on a GitHub runner) with its own
 * text shaping, so a picture made on one never matches another; there axe still runs on every
 * screen and the suite says once why pictures are not compared.
 */
export const comparesPictures = process.platform === 'linux' && chromiumPath === DEBIAN_CHROMIUM;
if (!comparesPictures) {
  console.log(`[visual] pictures not compared: the baselines are drawn on Linux in ${DEBIAN_CHROMIUM}; this run uses ${chromiumPath ?? "Playwright's own Chromium"} on ${process.platform}. Axe still runs.`);
}

/** The environment that stands a Node process's clock still at FIXED_NOW. */
export const fixedClockEnv = (): NodeJS.ProcessEnv => ({
  NODE_OPTIONS: [process.env.NODE_OPTIONS, `--require ${JSON.stringify(fixedClock)}`].filter(Boolean).join(' '),
  TOKEN_DESK_E2E_NOW: FIXED_NOW,
});

/** A browser host on the fixed clock, in the given colour scheme, at 1280 px. */
export async function openFrozen(desk: Desk, scheme: Scheme, options: { dataDir?: string } = {}): Promise<DeskApp> {
  const app = await desk.open({
    ...options,
    size: VIEWPORT,
    clipboard: true,
    context: { locale: 'en-US', timezoneId: 'UTC', colorScheme: scheme, reducedMotion: 'reduce' },
    env: fixedClockEnv(),
  });
  await app.page.clock.setFixedTime(new Date(FIXED_NOW));
  return app;
}

export interface ScreenOptions {
  /** Hidden in the picture (visibility: hidden, kept in layout); say why at the call. */
  hide?: string[];
  /** Masked in the picture by Playwright (a solid box). */
  mask?: Locator[];
}

/**
 * A tiny share of the picture: room for a glyph edge drawn a shade differently when the machine
 * is loaded, none for a change anyone would see (widening a badge's padding already changes more).
 * Each pixel is also compared with Playwright's default colour threshold.
 */
const MAX_DIFF_PIXEL_RATIO = 0.0001;

export async function checkScreen(page: Page, scheme: Scheme, name: string, options: ScreenOptions = {}): Promise<void> {
  const label = `${name} (${scheme})`;
  await test.step(label, async () => {
    // Web fonts and images settle, and the virtualized grids measure, before anything is read.
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.waitForTimeout(200);

    const axePage = page as unknown as ConstructorParameters<typeof AxeBuilder>[0]['page'];
    const results = await new AxeBuilder({ page: axePage }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const violations = results.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help}\n` + v.nodes.slice(0, 6).map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`).join('\n'),
    );
    expect.soft(violations, `${label}: axe violations`).toEqual([]);

    if (!comparesPictures) return;
    const hide = options.hide ?? [];
    // By hand rather than with `mask`: Playwright draws masks under the top layer, where dialogs are.
    const setHidden = (hidden: boolean) =>
      page.evaluate(
        ({ selectors, h }) => selectors.forEach((s) => document.querySelectorAll<HTMLElement>(s).forEach((e) => (e.style.visibility = h ? 'hidden' : ''))),
        { selectors: hide, h: hidden },
      );
    await setHidden(true);
    // The in-app sandbox listens on a free port the OS picks (random): wherever its address is
    // shown (a token's API endpoint), the port reads 00000. Linux's ephemeral ports have five
    // digits, so the text keeps its width.
    await page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (/127\.0\.0\.1:\d+/.test(n.nodeValue ?? '')) n.nodeValue = n.nodeValue!.replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:00000');
      }
    });
    await expect
      .soft(page, `${label}: looks as in the committed picture`)
      .toHaveScreenshot(`${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-${scheme}.png`, {
        animations: 'disabled',
        caret: 'hide',
        scale: 'css',
        maxDiffPixelRatio: MAX_DIFF_PIXEL_RATIO,
        ...(options.mask ? { mask: options.mask } : {}),
      });
    await setHidden(false);
  });
}
