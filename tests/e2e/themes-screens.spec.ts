/**
 * Light and dark themes: dark mode follows the OS on every screen. The OS's choice
 * is emulated with page.emulateMedia({ colorScheme }); for each scheme one journey over every
 * screen: the connect screen, the token table after "Try the sandbox" (with the switcher menu,
 * the "⋯" menu, a selected row's bulk bar, a notice), the details and each tab, the Edit and
 * Delete dialogs, each step of the wizard (it stores a value, which is then copied), the Audit
 * log, the Access log with that copy, Settings, Connections, About and Quick Access listing the
 * value (browser host: Quick Access is a page of its own there). On each:
 *   - the theme is applied: the page's ground is dark (relative luminance < 0.2) or light (> 0.8);
 *   - in dark, no element keeps a light ground (a component that missed the theme);
 *   - every visible text meets WCAG AA contrast against the ground it is drawn on (computed here,
 *     because axe leaves text over the virtualized grids "incomplete");
 *   - axe (WCAG 2 A/AA, color-contrast included) finds no violation.
 * themes-palette.spec.ts checks the palette itself, which covers the states a journey rarely shows.
 * Screenshots: the test output, and THEME_SCREENSHOTS_DIR when set (to look at them by hand).
 *
 * Needs a Secret Service (the sandbox connection keeps its admin token in the keychain).
 */
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/host';
import { keychainAvailability } from './support/keychain';
import { recordKnownSecrets } from './support/secrets-scan';
import { tokensUi } from './support/tokens-helpers';
import { dropFile, expectStep, pngFile, readSummary, wizardDialog } from './support/wizard-helpers';
import { contrast, luminance, over, parseColor } from './support/colour';
import type { Rgba } from './support/colour';

type Scheme = 'light' | 'dark';
let keychain: { ok: true } | { ok: false; reason: string } = { ok: false, reason: 'not probed' };

test.beforeAll(async () => {
  keychain = await keychainAvailability();
  if (!keychain.ok) console.log(`[themes e2e] journeys skipped: ${keychain.reason}`);
});

// ---- what one screen is checked for ----------------------------------------------------------

interface Painted {
  root: string;
  /** Elements with their own text: colour, the grounds under it (innermost first), size, weight. */
  texts: Array<{ what: string; color: string; grounds: string[]; px: number; weight: number }>;
  /** Boxes of some size with an opaque-ish ground. */
  grounds: Array<{ what: string; bg: string }>;
}

/** Reads the page as painted: runs in the browser. */
function readPainted(): Painted {
  const describe = (el: Element) => {
    const cls = typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : '';
    const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `<${el.tagName.toLowerCase()}${cls}> "${text}"`;
  };
  const visible = (el: Element) => {
    const box = el.getBoundingClientRect();
    if (box.width < 1 || box.height < 1 || box.bottom < 0 || box.right < 0 || box.top > innerHeight || box.left > innerWidth) return false;
    for (let e: Element | null = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.visibility === 'hidden' || s.display === 'none' || Number(s.opacity) === 0) return false;
      if ((e as HTMLElement).inert) return false; // the page under a modal
    }
    return true;
  };
  const grounds = (el: Element) => {
    const out: string[] = [];
    for (let e: Element | null = el; e; e = e.parentElement) {
      const bg = getComputedStyle(e).backgroundColor;
      if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') out.push(bg);
    }
    return out;
  };
  const texts: Painted['texts'] = [];
  const boxes: Painted['grounds'] = [];
  for (const el of document.querySelectorAll('body *')) {
    if (!visible(el) || el.closest('[aria-hidden="true"], svg')) continue;
    // Disabled controls are exempt from contrast (WCAG 1.4.3: inactive components).
    if (el.closest(':disabled, [aria-disabled="true"]')) continue;
    const s = getComputedStyle(el);
    const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
    const isField = el.matches('input:not([type=checkbox]):not([type=radio]):not([type=file]), select, textarea') && ((el as HTMLInputElement).value || (el as HTMLInputElement).placeholder);
    if (ownText || isField) texts.push({ what: describe(el), color: s.color, grounds: grounds(el), px: parseFloat(s.fontSize), weight: Number(s.fontWeight) });
    const box = el.getBoundingClientRect();
    if (box.width * box.height >= 64 && el.tagName !== 'IMG' && !el.closest('.wizard-logo')) boxes.push({ what: describe(el), bg: s.backgroundColor });
  }
  return { root: getComputedStyle(document.documentElement).backgroundColor, texts, grounds: boxes };
}

const shotsDir = process.env.THEME_SCREENSHOTS_DIR;

async function checkScreen(page: Page, scheme: Scheme, name: string): Promise<void> {
  const label = `${name} (${scheme})`;
  await page.waitForTimeout(150); // let transitions and the virtualizer settle before reading colours
  const painted = await page.evaluate(readPainted);
  const root = parseColor(painted.root);

  // The theme is applied to the page's ground.
  if (scheme === 'dark') expect(luminance(root), `${label}: page ground ${painted.root}`).toBeLessThan(0.2);
  else expect(luminance(root), `${label}: page ground ${painted.root}`).toBeGreaterThan(0.8);

  // In dark nothing keeps a light ground (the accent buttons are the brightest thing allowed).
  if (scheme === 'dark') {
    const light = painted.grounds.filter((g) => parseColor(g.bg)[3] > 0.5 && luminance(parseColor(g.bg)) > 0.45).map((g) => `${g.what}: ${g.bg}`);
    expect(light, `${label}: light grounds in the dark theme`).toEqual([]);
  }

  // Every visible text is readable on what it is drawn on.
  expect(painted.texts.length, `${label}: texts seen`).toBeGreaterThan(3);
  const unreadable: string[] = [];
  for (const t of painted.texts) {
    const ground = t.grounds.reduceRight<Rgba>((under, bg) => over(parseColor(bg), under), root);
    const ratio = contrast(over(parseColor(t.color), ground), ground);
    const large = t.px >= 24 || (t.px >= 18.66 && t.weight >= 700);
    if (ratio < (large ? 3 : 4.5)) unreadable.push(`${t.what}: ${t.color} on ${ground.map((c) => Math.round(c)).join(',')} = ${ratio.toFixed(2)}`);
  }
  expect(unreadable, `${label}: text below WCAG AA contrast`).toEqual([]);

  // axe over the whole page: WCAG 2 A/AA, which includes color-contrast.
  const axePage = page as unknown as ConstructorParameters<typeof AxeBuilder>[0]['page'];
  const results = await new AxeBuilder({ page: axePage }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const ran = [...results.passes, ...results.violations, ...results.incomplete, ...results.inapplicable].map((r) => r.id);
  expect(ran, `${label}: axe ran color-contrast`).toContain('color-contrast');
  const violations = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n` + v.nodes.slice(0, 5).map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`).join('\n'),
  );
  expect(violations, `${label}: axe violations`).toEqual([]);

  const file = `${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-${scheme}.png`;
  // A token value on screen (the wizard's summary) never goes into a picture. Hidden by hand:
  // Playwright's mask is drawn under the top layer, where the dialog is.
  const hideValues = (hidden: boolean) =>
    page.evaluate((h) => document.querySelectorAll<HTMLElement>('.wizard-value').forEach((e) => (e.style.visibility = h ? 'hidden' : '')), hidden);
  await hideValues(true);
  await page.screenshot({ path: test.info().outputPath(file) });
  if (shotsDir) await page.screenshot({ path: path.join(shotsDir, file) });
  await hideValues(false);
}

// ---- the journeys ----------------------------------------------------------------------------

for (const scheme of ['light', 'dark'] as const) {
  test(`every screen in the ${scheme} theme: applied, readable, no axe violation`, async ({ desk, hostKind }) => {
    test.skip(!keychain.ok, !keychain.ok ? keychain.reason : '');
    test.setTimeout(180_000);
    if (shotsDir) fs.mkdirSync(shotsDir, { recursive: true });
    // 960 px: the row actions fold into the "⋯" menu (features/tokens/grid/columns.ts).
    const app = await desk.open({ size: { width: 960, height: 760 }, clipboard: true });
    const page = app.page;
    await page.emulateMedia({ colorScheme: scheme });
    const nav = page.getByRole('navigation', { name: 'Main' });
    const t = tokensUi(page);

    // The first paint waits for the host and the page's bundle: slower on a loaded machine.
    await expect(page.getByRole('button', { name: 'Try the sandbox' })).toBeVisible({ timeout: 30_000 });
    await checkScreen(page, scheme, 'connect');

    await page.getByRole('button', { name: 'Try the sandbox' }).click();
    await expect(t.bodyRows().first()).toBeVisible();
    await checkScreen(page, scheme, 'tokens');

    await page.getByRole('button', { name: /Switch connection/ }).click();
    await expect(page.getByRole('menu').first()).toBeVisible();
    await checkScreen(page, scheme, 'switcher menu');
    await page.keyboard.press('Escape');

    // An Active token other than the one the connection signs in with (its Disable is not offered).
    const first = t.bodyRows().filter({ hasText: 'Active' }).filter({ hasNotText: 'Signs in this connection' }).first();
    const name = (await first.locator('.token-name').textContent())!.trim();
    const row = t.row((await first.locator('.token-id').textContent())!.trim());
    const menuButton = row.getByRole('button', { name: `Actions for ${name}`, exact: true });
    await menuButton.click();
    const menu = page.getByRole('menu', { name: `Actions for ${name}` });
    await expect(menu).toBeVisible();
    await checkScreen(page, scheme, 'row actions menu');

    await menu.getByRole('menuitem', { name: `Disable ${name}` }).click();
    await expect(row.locator('.status-badge')).toHaveText('Disabled');

    await row.getByRole('button', { name: `Actions for ${name}`, exact: true }).click();
    await menu.getByRole('menuitem', { name: `Edit ${name}` }).click();
    const edit = page.getByRole('dialog');
    await expect(edit).toBeVisible();
    await checkScreen(page, scheme, 'edit dialog');
    // Saving shows a notice; the row's checkbox shows the bulk bar.
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit).toBeHidden();
    await expect(page.locator('.toasts .toast').first()).toBeVisible();
    await row.getByRole('checkbox', { name: `Select ${name}` }).check();
    await expect(page.locator('.bulk-bar')).toBeVisible();
    await checkScreen(page, scheme, 'tokens with notice and selection');
    await row.getByRole('checkbox', { name: `Select ${name}` }).uncheck();

    await row.getByRole('button', { name: `Actions for ${name}`, exact: true }).click();
    await menu.getByRole('menuitem', { name: `Delete ${name}` }).click();
    const confirm = page.getByRole('dialog');
    await expect(confirm).toBeVisible();
    await checkScreen(page, scheme, 'delete confirm');
    await page.keyboard.press('Escape');
    await expect(confirm).toBeHidden();

    await row.locator('.token-name').click();
    await expect(t.detailsHeading()).toHaveText(name);
    for (const tab of ['General', 'Modules', 'Details', 'Audit trail']) {
      await t.tab(tab).click();
      await expect(t.tab(tab)).toHaveAttribute('aria-selected', 'true');
      await expect(t.tabPanel()).toBeVisible();
      if (tab === 'Audit trail') await expect(t.tabPanel().getByText(/disabled/i).first()).toBeVisible();
      await checkScreen(page, scheme, `details ${tab}`);
    }

    await page.getByRole('button', { name: '← Back to API tokens' }).first().click();
    // The wizard, every step: the new token's value is stored, so the Access log and Quick Access have rows.
    await page.getByRole('button', { name: 'Add token' }).click();
    const wizard = wizardDialog(page);
    await expectStep(wizard, 'General');
    await dropFile(page, wizard.getByTestId('logo-drop'), pngFile('logo.png'));
    await wizard.getByLabel('Name (required)').fill('Theme check');
    await checkScreen(page, scheme, 'wizard general');
    await wizard.getByRole('button', { name: 'Next' }).click();
    await expectStep(wizard, 'Modules');
    await wizard.getByRole('checkbox', { name: 'Billing', exact: true }).click();
    await checkScreen(page, scheme, 'wizard modules');
    await wizard.getByRole('button', { name: 'Next' }).click();
    await expectStep(wizard, 'Overview');
    await checkScreen(page, scheme, 'wizard overview');
    await wizard.getByRole('button', { name: 'Add', exact: true }).click();
    const created = await readSummary(wizard);
    recordKnownSecrets([created.value]);
    await checkScreen(page, scheme, 'wizard summary');
    await wizard.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(wizard).toBeHidden();
    const newRow = t.row(created.id);
    await newRow.getByRole('button', { name: 'Copy value of Theme check' }).click();
    await expect(page.locator('.toasts .toast').first()).toBeVisible();

    for (const [item, heading] of [
      ['Audit log', 'Audit log'],
      ['Access log', /Access log|Value access/],
      ['Settings', 'Settings'],
      ['Connections', /Connections/],
      ['About', /Token Desk|About/],
    ] as const) {
      await nav.getByRole('link', { name: item, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: heading }).first()).toBeVisible();
      if (item === 'Access log') await expect(page.locator('.access-table')).toContainText('Theme check');
      await checkScreen(page, scheme, item);
    }

    if (hostKind === 'browser') {
      const url = new URL(page.url());
      await page.goto(`${url.origin}/quick${url.hash}`);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await expect(page.locator('.quick-option').first()).toContainText('Theme check');
      await checkScreen(page, scheme, 'quick access');
    } else {
      console.log('[themes e2e] Quick Access is its own window in the desktop app: checked in the browser host');
    }
  });
}

