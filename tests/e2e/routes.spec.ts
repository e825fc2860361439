/**
 * Addresses and history (renderer/src/shell/routes.ts): each view has an address, a token's
 * details are `/tokens/TKN-…`, Back and Forward step between views without leaving the app, the
 * sidebar always goes where it says, a deep link or a reload opens the view it names, and an
 * address the app does not know (or a token it cannot find) says so with a way back.
 * In the browser host against *Try the sandbox* (Back/Forward in the desktop window are the main
 * process's, unit-tested in tests/unit/electron/history-navigation.test.ts).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/host';
import type { DeskApp } from './support/host';
import { tokensUi } from './support/tokens-helpers';

const BROWSER_HOST_ONLY = 'the address bar and the browser history exist in the browser host';
test.skip(({ hostKind }) => hostKind === 'electron', BROWSER_HOST_ONLY);

let app: DeskApp;
let page: Page;
let origin: string;
const nav = () => page.getByRole('navigation', { name: 'Main' });

test.beforeAll(async ({ desk }) => {
  app = await desk.open({ size: { width: 1280, height: 860 } });
  page = app.page;
  origin = new URL(app.url!).origin;
  await page.getByRole('button', { name: 'Try the sandbox' }).click();
  await expect(tokensUi(page).grid()).toBeVisible();
});
test.afterAll(async () => {
  await app?.stop();
});

test.describe.serial('addresses', () => {
  test('a token’s details have an address; Back returns to the list and Forward to the details', async () => {
    const t = tokensUi(page);
    await expect(page).toHaveURL(`${origin}/tokens`);
    const id = (await t.visibleIds())[2]!;
    await t.openDetails(id);
    await expect(page).toHaveURL(`${origin}/tokens/${id}`);

    await page.goBack({ waitUntil: 'commit' });
    await expect(t.grid()).toBeVisible();
    await expect(page).toHaveURL(`${origin}/tokens`);
    // The row the details were opened from has the focus again.
    await expect(t.row(id)).toBeFocused();

    await page.goForward({ waitUntil: 'commit' });
    await expect(t.detailsHeading()).toBeVisible();
    await expect(page).toHaveURL(`${origin}/tokens/${id}`);
  });

  test('the sidebar goes where it says, from a token’s details too, and Back walks the views', async () => {
    const t = tokensUi(page);
    await expect(t.detailsHeading()).toBeVisible();
    const apiTokens = nav().getByRole('link', { name: 'API tokens' });
    await expect(apiTokens).toHaveAttribute('aria-current', 'page');
    await apiTokens.click();
    await expect(t.grid()).toBeVisible();
    await expect(page).toHaveURL(`${origin}/tokens`);

    await nav().getByRole('link', { name: 'Audit log' }).click();
    await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
    await expect(page).toHaveURL(`${origin}/audit`);
    await nav().getByRole('link', { name: 'Settings' }).click();
    await expect(page).toHaveURL(`${origin}/settings`);
    await expect(nav().getByRole('link', { name: 'Settings' })).toHaveAttribute('aria-current', 'page');
    await page.goBack({ waitUntil: 'commit' });
    await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
    await page.goBack({ waitUntil: 'commit' });
    await expect(t.grid()).toBeVisible();
  });

  test('a deep link and a reload open the view they name', async () => {
    const t = tokensUi(page);
    await t.clearSearch();
    const id = (await t.visibleIds())[1]!;
    await page.goto(`${origin}/tokens/${id}`);
    await expect(t.detailsHeading()).toBeVisible();
    await expect(t.details()).toContainText(id);
    await page.reload();
    await expect(t.detailsHeading()).toBeVisible();
    await expect(t.details()).toContainText(id);

    await page.goto(`${origin}/access-log`);
    await expect(nav().getByRole('link', { name: 'Access log' })).toHaveAttribute('aria-current', 'page');
  });

  test('an unknown address and an unknown token say so, with a way back', async () => {
    const t = tokensUi(page);
    await page.goto(`${origin}/no/such/page`);
    await expect(page.getByRole('heading', { name: 'Page not found', level: 1 })).toBeVisible();
    await page.getByRole('link', { name: 'Go to API tokens' }).click();
    await expect(t.grid()).toBeVisible();

    await page.goto(`${origin}/tokens/TKN-0000-0000`);
    await expect(page.getByRole('heading', { name: 'Token not found', level: 1 })).toBeVisible();
    await expect(page.getByText(/There is no token TKN-0000-0000/)).toBeVisible();
    await page.getByRole('button', { name: 'Back to API tokens' }).click();
    await expect(t.grid()).toBeVisible();
    await expect(page).toHaveURL(`${origin}/tokens`);
  });

  test('Disable on a token’s details asks first; its toast’s Undo enables it again', async () => {
    const t = tokensUi(page);
    await page.goto(`${origin}/tokens`);
    await expect(t.grid()).toBeVisible();
    // Never-used tokens first: the connection's own token (just used) is not among them.
    await t.sortButton('Last access').click();
    await t.statusFilter().selectOption('Active');
    const id = (await t.visibleIds())[0]!;
    await t.openDetails(id);
    const name = (await t.detailsHeading().textContent())!.trim();
    await expect(t.detailsStatus()).toHaveText('Active');

    await t.details().getByRole('button', { name: `Disable ${name}` }).click();
    const ask = page.getByRole('dialog', { name: `Disable “${name}”?` });
    await expect(ask).toContainText('Integrations that use it are refused');
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await expect(t.detailsStatus()).toHaveText('Active');

    await t.details().getByRole('button', { name: `Disable ${name}` }).click();
    await ask.getByRole('button', { name: 'Disable token' }).click();
    await expect(t.detailsStatus()).toHaveText('Disabled');
    const toasts = page.getByRole('status', { name: 'Notifications' });
    await expect(toasts).toContainText(`Disabled “${name}”.`);
    await toasts.getByRole('button', { name: `Undo: enable “${name}” again` }).click();
    await expect(t.detailsStatus()).toHaveText('Active');
    await expect(toasts).toContainText(`Enabled “${name}”.`);
  });
});
