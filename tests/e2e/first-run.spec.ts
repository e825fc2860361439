/**
 * A newcomer's first minutes on a machine with no Secret Service (the D-Bus session address
 * points nowhere): *Try the sandbox* reaches the token table, and the UI says its secrets are kept
 * in memory. Then a run of token changes (create, edit, disable, enable, delete) and the Audit log
 * opened right after: the page must not throw (support/page-errors.ts fails the test on any
 * uncaught page error) and the log lists the changes.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/host';
import { tokensUi } from './support/tokens-helpers';
import { createByMouse } from './support/wizard-helpers';

/** No Secret Service: keytar's D-Bus connection fails, as on a server or in a container. */
const NO_SECRET_SERVICE = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus', DISPLAY: '' };

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** A row action, whether the row shows it as a button or keeps it in the row's menu. */
async function rowAction(page: Page, row: Locator, name: string): Promise<void> {
  const direct = row.getByRole('button', { name, exact: true });
  if ((await direct.count()) > 0) return direct.click();
  await row.getByRole('button', { name: /actions|more/i }).click();
  await page.getByRole('menuitem', { name }).click();
}

test('Try the sandbox without a Secret Service, then token changes and the Audit log right after', async ({ desk }) => {
  test.setTimeout(120_000);
  const app = await desk.open({ env: NO_SECRET_SERVICE, size: { width: 1280, height: 860 } });
  const page = app.page;
  const t = tokensUi(page);
  try {
    await page.getByRole('button', { name: 'Try the sandbox' }).click();
    await expect(t.grid()).toBeVisible();
    const switcher = page.getByRole('button', { name: /Switch connection/ });
    await expect(switcher).toHaveAccessibleName(/kept in memory/);
    await expect(switcher.getByText('Kept in memory')).toBeVisible();

    // Create: the value is captured in memory, and the summary says where it is.
    const name = `First run ${Date.now()}`;
    const created = await createByMouse(page, { name, modules: ['Access Management'] });
    await expect(created.dialog).toContainText('Kept in memory for this sandbox run');
    await created.dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(created.dialog).toHaveCount(0);
    const row = await t.showOnly(created.id);
    await expect(row.getByRole('button', { name: new RegExp(`^Copy`) }).first()).toBeVisible();

    // Edit.
    await rowAction(page, row, `Edit ${name}`);
    const edit = page.getByRole('dialog', { name: `Edit “${name}”` });
    await edit.getByLabel('Description').fill('Changed in the first-run journey.');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit).toHaveCount(0);

    // Disable, enable.
    await rowAction(page, row, `Disable ${name}`);
    await expect(row).toContainText('Disabled');
    await rowAction(page, row, `Enable ${name}`);
    await expect(row).not.toContainText('Disabled');
    await expect(row).toContainText('Active');

    // Delete.
    await rowAction(page, row, `Delete ${name}`);
    const confirm = page.getByRole('dialog', { name: `Delete “${name}”?` });
    await confirm.getByRole('button', { name: 'Delete token' }).click();
    await expect(confirm).toHaveCount(0);
    await expect(t.row(created.id)).toHaveCount(0);

    // The Audit log, right after: it opens and lists the changes to that token.
    await nav(page).getByRole('link', { name: 'Audit log' }).click();
    await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
    const log = page.getByRole('table', { name: /^Audit log, newest first/ });
    await expect(log.getByRole('row').filter({ hasText: created.id }).first()).toBeVisible();
    expect(await log.getByRole('row').filter({ hasText: created.id }).count()).toBeGreaterThanOrEqual(5);

    // The Connections page says where the sandbox's secrets are.
    await nav(page).getByRole('link', { name: 'Connections' }).click();
    await expect(page.getByText(/The sandbox keeps its admin token and token values in memory only, never in your keychain/)).toBeVisible();
  } finally {
    await app.stop();
  }
});
