/**
 * The offline screens at 1280 px, light and dark: a real connection (the sandbox started on its
 * own, seeded, on the same fixed clock as the host) is read once, the sandbox stops, and after a
 * reload the token list and the Audit log show what is saved, with the offline banner; the
 * Connections page lists the real connection. axe and the committed pictures as in screens.spec.ts.
 *
 * Needs a Secret Service: a real connection keeps its admin token in the keychain.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../support/host';
import { clearKeychain, keychainAvailability } from '../support/keychain';
import { startSandboxProcess } from '../support/sandbox-process';
import { connectWithForm, tokensUi } from '../support/tokens-helpers';
import { makeDataDir } from '../support/web-host';
import { checkScreen, fixedClockEnv, openFrozen } from './visual-support';

let keychain: { ok: true } | { ok: false; reason: string } = { ok: false, reason: 'not probed' };

test.beforeAll(async () => {
  keychain = await keychainAvailability();
  if (!keychain.ok) console.log(`[visual offline] skipped: ${keychain.reason}`);
});

test.use({ actionTimeout: 15_000 });

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const navItem = (page: Page, name: string) => nav(page).getByRole('link', { name, exact: true }).or(nav(page).getByRole('button', { name, exact: true }));
const offlineBanner = (page: Page) => page.getByRole('main').getByRole('status').filter({ hasText: /^Offline/ });

for (const scheme of ['light', 'dark'] as const) {
  test(`offline screens at 1280 px in the ${scheme} theme: no axe violation, same picture`, async ({ desk, hostKind }) => {
    test.skip(hostKind !== 'browser', 'the pictures are of the browser host');
    test.skip(!keychain.ok, !keychain.ok ? keychain.reason : '');
    test.setTimeout(180_000);
    const sandbox = await startSandboxProcess(['--port', '0', '--seed', '19', '--tokens', '12'], fixedClockEnv());
    const client = sandbox.accounts.find((a) => a.type === 'Client')!;
    const app = await openFrozen(desk, scheme, { dataDir: makeDataDir() });
    const page = app.page;
    const t = tokensUi(page);
    try {
      await connectWithForm(page, { name: 'Stark Industries (test)', baseUrl: sandbox.url, token: client.adminToken });
      await expect(t.bodyRows().first()).toBeVisible();
      await navItem(page, 'Audit log').click();
      await expect(page.getByRole('heading', { level: 1, name: /Audit log/ })).toBeVisible();
      await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
      await navItem(page, 'API tokens').click();
      await expect(t.bodyRows().first()).toBeVisible();

      await sandbox.stop();
      await page.reload();
      await expect(offlineBanner(page)).toBeVisible({ timeout: 30_000 });
      await expect(t.bodyRows().first()).toBeVisible();
      await checkScreen(page, scheme, 'offline tokens');

      await navItem(page, 'Audit log').click();
      await expect(offlineBanner(page)).toBeVisible({ timeout: 30_000 });
      await checkScreen(page, scheme, 'offline audit log');

      await navItem(page, 'Overview').click();
      await expect(offlineBanner(page)).toBeVisible({ timeout: 30_000 });
      await expect(page.getByRole('region', { name: 'Last access' })).toBeVisible();
      await checkScreen(page, scheme, 'offline overview');

      await navItem(page, 'Connections').click();
      await expect(page.getByRole('heading', { level: 1, name: /Connections/ })).toBeVisible();
      await checkScreen(page, scheme, 'offline connections');
    } finally {
      await app.stop();
      await sandbox.stop();
      await clearKeychain(desk.keychainService);
    }
  });
}
