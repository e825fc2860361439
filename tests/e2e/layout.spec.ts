/**
 * The token table at the window sizes people use: from 880 px wide every row's
 * actions are on screen without scrolling the grid sideways, headers and status badges are
 * whole, and a name cut short keeps its full text for hover and for screen readers. Runs in both
 * hosts (tests/e2e/support/host.ts: the browser host in a real Chromium, and the desktop app
 * wherever Electron is installed) with "Try the sandbox" (its sample data), in light and dark.
 *
 * Needs a Secret Service (the sandbox connection keeps its admin token in the keychain): run it
 * inside the private D-Bus session .ci/run starts.
 */
import type { Page } from '@playwright/test';
import { expect, setWindowSize, test } from './support/host';
import type { DeskApp } from './support/host';
import { clearKeychain, keychainAvailability } from './support/keychain';
import { seriousViolations, tokensUi } from './support/tokens-helpers';

const HEIGHT = 700;
let service: string;
let keychain: { ok: true } | { ok: false; reason: string } = { ok: false, reason: 'not probed' };
let app: DeskApp;
let page: Page;

test.beforeAll(async ({ desk }) => {
  service = desk.keychainService;
  keychain = await keychainAvailability();
  if (!keychain.ok) {
    console.log(`[layout e2e] skipped: ${keychain.reason}`);
    return;
  }
  if (!desk.available.ok) return; // every test skips with the reason (host.ts)
  app = await desk.open({ size: { width: 1440, height: HEIGHT } });
  page = app.page;
  await page.getByRole('button', { name: 'Try the sandbox' }).click();
  await expect(tokensUi(page).grid()).toBeVisible();
  await expect(tokensUi(page).bodyRows().first()).toBeVisible();
});

test.afterAll(async () => {
  await app?.stop();
  if (keychain.ok && service) await clearKeychain(service);
});

test.beforeEach(() => {
  test.skip(!keychain.ok, !keychain.ok ? keychain.reason : '');
});

interface Problems {
  rows: number;
  actionsOffscreen: string[];
  gridOverflow: string | null;
  rowOverflow: string[];
  clippedHeaders: string[];
  badges: number;
  clippedBadges: string[];
  truncatedNames: number;
  namesWithoutFullText: string[];
  /** Rows with more than Copy value and the "⋯" button as buttons in their actions cell. */
  tooManyActions: string[];
  /** Ids, dates and module cells drawn shorter than their text. */
  cutCells: string[];
  /** The left edge of each row's "⋯" button: one value when they line up. */
  menuLefts: number[];
}

/** Everything measured in the page at once: the rendered rows, their cells and the viewport. */
function measure(): Promise<Problems> {
  return page.evaluate(() => {
    const grid = document.querySelector<HTMLElement>('[role="grid"][aria-label="API tokens"]')!;
    const body = grid.querySelector<HTMLElement>('.grid-body')!;
    // Plain numbers: a DOMRect's sides are prototype getters, which `{ ...rect }` would drop.
    const { left, right, top, bottom } = body.getBoundingClientRect();
    const bodyBox = { left, right, top, bottom };
    const inside = (r: DOMRect, box: { left: number; right: number; top: number; bottom: number }) =>
      r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5;
    const viewport = { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
    const out: Problems = {
      rows: 0,
      actionsOffscreen: [],
      gridOverflow: body.scrollWidth > body.clientWidth ? `grid body ${body.scrollWidth} > ${body.clientWidth}` : null,
      rowOverflow: [],
      clippedHeaders: [],
      badges: 0,
      clippedBadges: [],
      truncatedNames: 0,
      namesWithoutFullText: [],
      tooManyActions: [],
      cutCells: [],
      menuLefts: [],
    };
    for (const header of grid.querySelectorAll<HTMLElement>('[role="columnheader"]')) {
      const label = header.querySelector<HTMLElement>('.sort-button') ?? header;
      if (label.scrollWidth > label.clientWidth + 0.5 || header.scrollWidth > header.clientWidth + 0.5) out.clippedHeaders.push(header.textContent ?? '');
    }
    // Only rows fully inside the scroll area: the rest are overscan, drawn for smooth scrolling.
    const rows = [...body.querySelectorAll<HTMLElement>('[role="row"]')].filter((r) => inside(r.getBoundingClientRect(), { ...bodyBox, bottom: Math.min(bodyBox.bottom, window.innerHeight) }));
    out.rows = rows.length;
    for (const row of rows) {
      const id = row.getAttribute('data-row-id') ?? '?';
      if (row.scrollWidth > row.clientWidth + 0.5) out.rowOverflow.push(`${id}: ${row.scrollWidth} > ${row.clientWidth}`);
      const controls = [...row.querySelectorAll<HTMLElement>('.cell-actions button')];
      if (controls.length === 0) out.actionsOffscreen.push(`${id}: no actions control`);
      const menuButton = controls.find((c) => c.getAttribute('aria-haspopup') === 'menu');
      const others = controls.filter((c) => c !== menuButton).map((c) => c.getAttribute('aria-label') ?? '');
      if (!menuButton || others.length > 1 || others.some((n) => !n.startsWith('Copy value'))) out.tooManyActions.push(`${id}: ${controls.map((c) => c.getAttribute('aria-label')).join(', ')}`);
      if (menuButton) {
        const left = Math.round(menuButton.getBoundingClientRect().left);
        if (!out.menuLefts.includes(left)) out.menuLefts.push(left);
      }
      for (const el of row.querySelectorAll<HTMLElement>('.token-id, .actor-id, .cell-modules, .cell-created-at, .cell-last-access, .badge-own-token')) {
        if (el.scrollWidth > el.clientWidth + 0.5) out.cutCells.push(`${id}: ${el.className} "${el.textContent}" ${el.scrollWidth} > ${el.clientWidth}`);
      }
      for (const c of controls) {
        const r = c.getBoundingClientRect();
        if (!inside(r, viewport) || !inside(r, bodyBox)) out.actionsOffscreen.push(`${id}: ${c.getAttribute('aria-label')} at ${Math.round(r.left)}..${Math.round(r.right)}`);
      }
      for (const badge of row.querySelectorAll<HTMLElement>('.status-badge')) {
        out.badges++;
        const cell = badge.closest<HTMLElement>('[role="gridcell"]')!;
        if (badge.scrollWidth > badge.clientWidth || !inside(badge.getBoundingClientRect(), cell.getBoundingClientRect())) {
          out.clippedBadges.push(`${id}: ${badge.textContent}`);
        }
      }
      const name = row.querySelector<HTMLElement>('.token-name')!;
      if (name.scrollWidth > name.clientWidth) {
        out.truncatedNames++;
        const full = name.textContent ?? '';
        // Hover shows title; the accessible name of the button is its whole text content.
        if (name.getAttribute('title') !== full) out.namesWithoutFullText.push(`${id}: title ${JSON.stringify(name.getAttribute('title'))}`);
      }
    }
    return out;
  });
}

async function expectFits(label: string) {
  const m = await measure();
  expect(m.rows, `${label}: rows on screen`).toBeGreaterThan(3);
  expect(m.actionsOffscreen, `${label}: actions outside the viewport or the grid`).toEqual([]);
  expect(m.gridOverflow, `${label}: the grid scrolls sideways`).toBeNull();
  expect(m.rowOverflow, `${label}: rows wider than the grid`).toEqual([]);
  expect(m.clippedHeaders, `${label}: headers cut short`).toEqual([]);
  expect(m.badges, `${label}: status badges seen`).toBeGreaterThan(0);
  expect(m.clippedBadges, `${label}: clipped status badges`).toEqual([]);
  expect(m.namesWithoutFullText, `${label}: truncated names without their full text`).toEqual([]);
  expect(m.tooManyActions, `${label}: rows with more than Copy value and the "⋯" menu`).toEqual([]);
  expect(m.cutCells, `${label}: ids, dates or modules cut short`).toEqual([]);
  expect(m.menuLefts, `${label}: the rows' "⋯" buttons line up`).toHaveLength(1);
  return m;
}

/** Saved with the test's output, and to LAYOUT_SCREENSHOTS_DIR when set (to look at them by hand). */
async function shoot(name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
  if (process.env.LAYOUT_SCREENSHOTS_DIR) await page.screenshot({ path: `${process.env.LAYOUT_SCREENSHOTS_DIR}/${name}.png` });
}

// 1280 is the app window's default size.
for (const width of [880, 1024, 1280, 1440]) {
  test(`at ${width}×${HEIGHT} every row's actions are on screen, one button and its menu, nothing sideways or cut`, async () => {
    const t = tokensUi(page);
    await setWindowSize(app, { width, height: HEIGHT });
    await t.clearSearch();
    await t.statusFilter().selectOption('all');
    await expect(t.bodyRows().first()).toBeVisible();
    await expectFits(`${width}px, all statuses`);
    // From the app's default window size, Created by is shown.
    if (width >= 1280) await expect(t.columnHeader('Created by')).toBeVisible();

    // The longest badge, "Disabled", on every row.
    await t.statusFilter().selectOption('Disabled');
    await expect(t.bodyRows().first()).toBeVisible();
    await expect(t.bodyRows().first().locator('.status-badge')).toHaveText('Disabled');
    await expectFits(`${width}px, disabled only`);
    await t.statusFilter().selectOption('all');

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await shoot(`tokens-${width}-${scheme}`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });
}

test('a name too long for its column keeps its full text on hover and for screen readers', async () => {
  const t = tokensUi(page);
  await setWindowSize(app, { width: 880, height: HEIGHT });
  await t.clearSearch();
  await t.statusFilter().selectOption('all');
  // The sample names fit the name column: give one token a name that cannot (through Edit).
  const id = (await t.bodyRows().filter({ hasNotText: 'Signs in this connection' }).first().getAttribute('data-row-id'))!;
  const before = (await t.row(id).locator('.token-name').textContent())!;
  const longest = `${before} — nightly reconciliation of every regional ledger export`;
  await t.rowAction(id, `Edit ${before}`);
  const dialog = page.getByRole('dialog', { name: `Edit “${before}”` });
  await dialog.getByLabel('Name (required)').fill(longest);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  const name = t.row(id).locator('.token-name');
  await expect(name).toHaveText(longest);
  const cut = await name.evaluate((el) => el.scrollWidth > el.clientWidth);
  expect(cut, `"${longest}" should be cut short at 880 px (else this test checks nothing)`).toBe(true);
  await expect(name).toHaveAttribute('title', longest);
  await expect(name).toHaveAccessibleName(longest);
});

test('at 880 px the row actions menu: arrows, Escape, focus back to the button', async () => {
  const t = tokensUi(page);
  await setWindowSize(app, { width: 880, height: HEIGHT });
  await t.clearSearch();
  await t.statusFilter().selectOption('Active');
  // A token other than the one the connection signs in with: all of its items are offered.
  const row = t.bodyRows().filter({ hasNotText: 'Signs in this connection' }).first();
  const name = (await row.locator('.token-name').textContent())!;
  const button = row.getByRole('button', { name: `Actions for ${name}`, exact: true });
  await expect(button).toHaveAttribute('aria-haspopup', 'menu');
  await expect(button).toHaveAttribute('aria-expanded', 'false');

  await button.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: `Actions for ${name}` });
  await expect(menu).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const items = menu.getByRole('menuitem');
  await expect(items).toHaveText(['Open details', 'Disable', 'Edit', 'Rotate', 'Delete']);
  await expect(items.nth(0)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(items.nth(4)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(0)).toBeFocused();
  await shoot('menu-880');
  const problems = [...(await seriousViolations(page, 'section.tokens-list', 'table at 880 px')), ...(await seriousViolations(page, '.menu', 'open row menu'))];
  expect(problems, `axe found serious/critical violations:\n${problems.join('\n')}`).toEqual([]);
  const box = (await menu.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(880);
  expect(box.y + box.height).toBeLessThanOrEqual(HEIGHT);
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(button).toBeFocused();
  // The grid kept its place: Escape did not leave the table.
  await expect(t.grid()).toBeVisible();

  // A menu item does the action: Edit opens the edit dialog.
  await button.click();
  await menu.getByRole('menuitem', { name: `Edit ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Edit “${name}”` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await t.statusFilter().selectOption('all');
});

test('at 880 px a token’s details fit: header actions and tabs on screen, nothing sideways', async () => {
  const t = tokensUi(page);
  await setWindowSize(app, { width: 880, height: HEIGHT });
  await t.clearSearch();
  await t.statusFilter().selectOption('Active');
  const id = (await t.visibleIds())[0]!;
  await t.openDetails(id);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await shoot(`details-880-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  const fits = await page.evaluate(() => {
    const content = document.querySelector<HTMLElement>('main.content')!;
    const outside = [...document.querySelectorAll<HTMLElement>('.details-actions button, [role="tab"]')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.left < 0 || r.right > window.innerWidth;
      })
      .map((el) => el.getAttribute('aria-label') ?? el.textContent);
    return { sideways: content.scrollWidth > content.clientWidth, outside };
  });
  expect(fits).toEqual({ sideways: false, outside: [] });
  await t.backToList();
  await t.statusFilter().selectOption('all');
});

test('the token the connection signs in with: its badge whole beside its id, at 880 and 1280 px', async () => {
  const t = tokensUi(page);
  await t.clearSearch();
  await t.statusFilter().selectOption('all');
  // Last access, newest first: the sandbox's admin token has just been used, so it comes first.
  await t.sortButton('Last access').click();
  if ((await t.columnHeader('Last access').getAttribute('aria-sort')) !== 'descending') await t.sortButton('Last access').click();
  const own = t.bodyRows().filter({ hasText: 'Signs in this connection' });
  for (const width of [880, 1280]) {
    await setWindowSize(app, { width, height: HEIGHT });
    await expect(own).toHaveCount(1);
    const badge = own.getByText('Signs in this connection', { exact: true });
    await expect(badge).toBeVisible();
    const cut = await own.evaluate((row) =>
      [...row.querySelectorAll<HTMLElement>('.token-id, .badge-own-token')].filter((el) => el.scrollWidth > el.clientWidth + 0.5).map((el) => el.textContent),
    );
    expect(cut, `${width}px: id or badge cut short`).toEqual([]);
    await shoot(`own-token-${width}`);
  }
  await t.sortButton('Date created').click();
  if ((await t.columnHeader('Date created').getAttribute('aria-sort')) !== 'descending') await t.sortButton('Date created').click();
});

test('a toast never lies over the table: the last visible row and its ⋯ stay reachable, at 880 and 1280 px', async () => {
  const t = tokensUi(page);
  await t.clearSearch();
  await t.statusFilter().selectOption('all');
  for (const width of [880, 1280]) {
    await setWindowSize(app, { width, height: HEIGHT });
    // A toast from a harmless action (Copy ID on the details), still showing back on the list.
    const first = t.bodyRows().first();
    await first.locator('.token-name').click();
    await page.getByRole('button', { name: 'Copy ID' }).click();
    const toast = page.locator('.toasts .toast').first();
    await expect(toast).toBeVisible();
    await t.back().first().click();
    await expect(t.bodyRows().first()).toBeVisible();
    // The pointer on the stack holds it (its timer stops) while the layout is measured.
    await toast.hover();
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--toast-space'))).not.toMatch(/^\s*0px$|^\s*$/);
    const overlap = await page.evaluate(() => {
      const stack = document.querySelector('.toasts')!.getBoundingClientRect();
      const body = document.querySelector('.grid-body')!.getBoundingClientRect();
      const hidden = [...document.querySelectorAll<HTMLElement>('.grid-body button')]
        .filter((b) => {
          const r = b.getBoundingClientRect();
          return r.height > 0 && r.top >= body.top && r.bottom <= body.bottom;
        })
        .filter((b) => {
          const r = b.getBoundingClientRect();
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return !hit || !b.contains(hit);
        })
        .map((b) => b.getAttribute('aria-label') ?? b.textContent);
      return { gridBottom: body.bottom, stackTop: stack.top, hidden };
    });
    expect(overlap.gridBottom, `${width}px: the table ends above the toast`).toBeLessThanOrEqual(overlap.stackTop);
    expect(overlap.hidden, `${width}px: buttons covered`).toEqual([]);
    await shoot(`toast-over-table-${width}`);
    // Every toast goes, including one a slow machine showed twice; the pointer left on the stack
    // would otherwise hold the next one forever.
    const dismiss = page.locator('.toasts').getByRole('button', { name: /^Dismiss/ });
    await expect(async () => {
      if ((await dismiss.count()) > 0) await dismiss.first().click({ timeout: 1_000 });
      await expect(page.locator('.toasts .toast')).toHaveCount(0, { timeout: 500 });
    }).toPass({ timeout: 10_000 });
    // Without a toast the table has its whole height back.
    await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--toast-space').trim())).toBe('0px');
  }
});
