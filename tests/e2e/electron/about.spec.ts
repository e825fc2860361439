/**
 * The same journey as the browser-host shell test, in the real desktop app.
 * Runs wherever the Electron binary is installed; on the build machines it
 * cannot be downloaded, so the test is reported as skipped with the reason.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { createRequire } from 'node:module';
import path from 'node:path';
import pkg from '../../../package.json';

// Not require('electron'): that tries to download a missing runtime.
const { findElectronBinary } = createRequire(__filename)('../../../scripts/electron-binary.cjs') as {
  findElectronBinary(): { path?: string; reason?: string };
};
const binary = findElectronBinary();
if (!binary.path) console.log(`[electron e2e] skipped: ${binary.reason}`);

test('the desktop app shows its version in the About panel', async () => {
  test.skip(!binary.path, `Electron e2e skipped: ${binary.reason}`);
  const app = await electron.launch({ executablePath: binary.path, args: [path.resolve(__dirname, '../../..')] });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { name: 'Connect to the Marketplace' })).toBeVisible();
    await window.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'About' }).click();
    await expect(window.getByTestId('app-version')).toHaveText(pkg.version);
    await expect(window.getByText('Desktop app (Electron)')).toBeVisible();
  } finally {
    await app.close();
  }
});
