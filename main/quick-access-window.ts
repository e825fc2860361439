/**
 * The Quick Access window: small, frameless, over the current app, locked down like the main
 * window (same preload, session and navigation rules). It loads the renderer's Quick Access view
 * (?view=quick), closes itself after a copy or on Esc, and hides when it loses focus.
 * One at a time: opening it again focuses the open one.
 */
import { BrowserWindow } from 'electron';
import type { BrowserWindowConstructorOptions, WebContents } from 'electron';
import { APP_ORIGIN } from './security';
import { lockDownNavigation, lockDownSession, mainWindowOptions } from './window';

export const QUICK_ACCESS_URL = `${APP_ORIGIN}/index.html?view=quick`;

/**
 * The pages of the Quick Access windows main opened. IPC tells the access log which window read
 * a value by this identity, not by the page's URL: a page can change its own URL (pushState).
 */
const quickContents = new WeakSet<WebContents>();
export const isQuickAccessContents = (contents: WebContents): boolean => quickContents.has(contents);

export function quickWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 560,
    height: 440,
    frame: false,
    resizable: false,
    alwaysOnTop: true,
    skipTaskbar: true,
    show: false,
    center: true,
    title: 'Quick Access — Token Desk',
    webPreferences: mainWindowOptions(preloadPath).webPreferences,
  };
}

export function createQuickAccessOpener(preloadPath: string): { open(): void; close(): void } {
  let window: BrowserWindow | undefined;
  const close = () => {
    if (window && !window.isDestroyed()) window.close();
    window = undefined;
  };
  return {
    open() {
      if (window && !window.isDestroyed()) {
        window.show();
        window.focus();
        return;
      }
      const created = new BrowserWindow(quickWindowOptions(preloadPath));
      window = created;
      quickContents.add(created.webContents);
      lockDownSession(created.webContents.session);
      lockDownNavigation(created.webContents);
      created.once('ready-to-show', () => {
        created.show();
        created.focus();
      });
      // Clicking elsewhere dismisses it, like other quick-access panels.
      created.on('blur', () => {
        if (!created.isDestroyed()) created.close();
      });
      created.on('closed', () => {
        if (window === created) window = undefined;
      });
      void created.loadURL(QUICK_ACCESS_URL);
    },
    close,
  };
}
