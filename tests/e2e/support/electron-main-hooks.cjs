/**
 * Loaded into the desktop app's main process by the e2e fixture (tests/e2e/support/host.ts,
 * through NODE_OPTIONS=--require) before the app's own code runs. Electron offers no way to
 * list trays or to fire a global shortcut, so this records the tray, its current menu and
 * every registered shortcut; the fixture's helpers then drive them with
 * electronApp.evaluate(() => globalThis.__tokenDeskE2E…). Never part of the app bundle.
 */
const electron = require('electron');

const recorded = { tray: null, menu: null, shortcuts: new Map() };
globalThis.__tokenDeskE2E = recorded;

const setContextMenu = electron.Tray.prototype.setContextMenu;
electron.Tray.prototype.setContextMenu = function recordMenu(menu) {
  recorded.tray = this;
  recorded.menu = menu;
  return setContextMenu.call(this, menu);
};

// globalShortcut only exists once the app is ready; this callback is queued before the app's own.
void electron.app.whenReady().then(() => {
  const { globalShortcut } = electron;
  const register = globalShortcut.register.bind(globalShortcut);
  globalShortcut.register = (accelerator, callback) => {
    recorded.shortcuts.set(accelerator, callback);
    return register(accelerator, callback);
  };
});
