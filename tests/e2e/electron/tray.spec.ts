/**
 * The tray, driven in main through the fixture's helpers (the desktop app only): its menu and
 * "Open Token Desk" bringing the window back. Skipped with the reason where the Electron
 * runtime is not installed.
 */
import { expect, test } from '../support/host';
import { clickTrayItem, trayMenu } from '../support/host';

test('the tray menu opens the window and says when there is nothing to copy yet', async ({ desk }) => {
  const app = await desk.open();
  try {
    await expect(app.page.getByRole('heading', { name: 'Connect to the Marketplace' })).toBeVisible();
    expect(await trayMenu(app)).toEqual([
      { label: 'Open Token Desk', enabled: true },
      { label: 'Quick Access…', enabled: true },
      { label: 'No stored token values yet', enabled: false },
      { label: 'Settings…', enabled: true },
      { label: 'Quit Token Desk', enabled: true },
    ]);
    await app.electron!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.hide());
    await clickTrayItem(app, 'Open Token Desk');
    await expect.poll(() => app.electron!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isVisible())).toBe(true);
  } finally {
    await app.stop();
  }
});
