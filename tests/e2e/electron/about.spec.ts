/**
 * The About panel in the real desktop app (the electron project only), through the shared
 * fixture: its own temp user-data folder and keychain service. Where the Electron runtime is
 * not installed the fixture skips it with the reason.
 */
import pkg from '../../../package.json';
import { expect, test } from '../support/host';

test('the desktop app shows its version in the About panel', async ({ app }) => {
  await expect(app.getByRole('heading', { name: 'Connect to the Marketplace' })).toBeVisible();
  await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'About' }).click();
  await expect(app.getByTestId('app-version')).toHaveText(pkg.version);
  await expect(app.getByText('Desktop app (Electron)')).toBeVisible();
});
