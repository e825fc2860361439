/**
 * The token list as a place to work, in both hosts against a real sandbox over HTTP and the real
 * keychain: filters and sort after a restart, every row action at the default window size,
 * focus back on the row after its details, and the offline banner.
 *
 * One sandbox, one app and one page for the spec (support/tokens-journey.ts).
 */
import { expect, setWindowSize, test } from './support/host';
import { dataDirSources, findSecrets } from './support/secrets-scan';
import {
  app,
  dataDir,
  hostOutputs,
  page,
  restartApp,
  sandbox,
  secrets,
  ui,
  useTokensJourneys,
} from './support/tokens-journey';

useTokensJourneys();

test('filters and sort survive a restart of the host', async ({ desk }) => {
  const t = ui();
  // Search text, status filter and a sort (Name, descending).
  await t.search().fill('sync');
  await t.statusFilter().selectOption('Active');
  await t.sortButton('API token').click();
  await t.sortButton('API token').click();
  await expect(t.columnHeader('API token')).toHaveAttribute('aria-sort', 'descending');
  const expectedIds = await t.visibleIds();
  expect(expectedIds.length).toBeGreaterThan(0);
  // Give a debounced save a moment; the restart below is the real check.
  await page.waitForTimeout(500);

  await restartApp(desk);
  // A saved connection starts the app on the Overview; the list is one click away.
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API tokens' }).click();
  await expect(t.grid()).toBeVisible();

  // Soft, so the secrets scan below still runs when persistence is missing.
  await expect.soft(t.search()).toHaveValue('sync');
  await expect.soft(t.statusFilter()).toHaveValue('Active');
  await expect.soft(t.columnHeader('API token')).toHaveAttribute('aria-sort', 'descending');
  expect.soft(await t.visibleIds()).toEqual(expectedIds);

  const hits = findSecrets(secrets, [...dataDirSources(dataDir), ...hostOutputs.map((output, i) => ({ label: `host output ${i}`, text: output() }))]);
  expect(hits).toEqual([]);
});

test('every row action can be clicked at the app window’s default size (1280×820)', async () => {
  const t = ui();
  await setWindowSize(app, { width: 1280, height: 820 });
  try {
    await t.clearSearch();
    await t.statusFilter().selectOption('all');
    await expect(t.bodyRows().first()).toBeVisible();
    const [id] = await t.visibleIds();
    const row = t.row(id!);
    const name = (await row.getByRole('button').first().textContent())!;
    await page.screenshot({ path: test.info().outputPath('table-1280x820.png') });
    // trial: scroll into view, then check the ⋯ button itself receives the click (not something
    // covering or clipping it); then every item of its menu can be clicked too.
    await t.rowMenuButton(id!).click({ trial: true, timeout: 3_000 });
    const menu = await t.openRowMenu(id!);
    for (const action of ['Edit', 'Rotate', 'Delete']) {
      await menu.getByRole('menuitem', { name: `${action} ${name}`, exact: true }).click({ trial: true, timeout: 3_000 });
    }
    await page.keyboard.press('Escape');
  } finally {
    await setWindowSize(app, { width: 1600, height: 900 });
  }
});

test('back from the details of a row far down the list returns focus to that row', async () => {
  const t = ui();
  await t.clearSearch();
  await t.statusFilter().selectOption('all');
  await t.bodyRows().first().focus();
  const firstId = await page.evaluate(() => document.activeElement?.getAttribute('data-row-id'));
  await page.keyboard.press('End');
  // The last row is focused once the virtualizer has scrolled to and drawn it.
  const activeRowId = () => page.evaluate(() => document.activeElement?.getAttribute('data-row-id'));
  await expect.poll(activeRowId).not.toBe(firstId);
  const focusedId = await activeRowId();
  expect(focusedId).toMatch(/^TKN-/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: '← Back to API tokens' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: '← Back to API tokens' })).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-row-id'))).toBe(focusedId);
});

// Last: it stops the sandbox.
test('offline: one banner with one date in the user’s locale, and the cached list stays', async () => {
  const t = ui();
  await t.clearSearch();
  await t.statusFilter().selectOption('all');
  await expect(t.bodyRows().first()).toBeVisible();
  const shown = await t.count().textContent();
  await sandbox.close();
  await page.reload();
  await expect(t.grid()).toBeVisible();

  const banners = page.getByRole('main').locator('.banner');
  const offline = page.getByRole('main').getByRole('status').filter({ hasText: /offline/i });
  await expect(offline).toHaveCount(1);
  await expect(banners).toHaveCount(1);
  const text = (await offline.textContent())!;
  expect(text.match(/offline/gi), text).toHaveLength(1);
  expect(text, 'no machine (ISO) date').not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
  expect(text).toMatch(/^Offline — showing data from .+\.\s*Try again$/);
  await expect(offline.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(t.count()).toHaveText(shown!);
});
