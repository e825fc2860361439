/**
 * The main window and its lockdown: isolated, sandboxed renderer; no navigation
 * away from the app; new windows denied (allow-listed https links go to the
 * system browser); every permission request denied.
 */
import { app, BrowserWindow, dialog, nativeTheme, shell } from 'electron';
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { wireHistoryNavigation } from './history-navigation';
import { APP_ORIGIN, isAllowedExternalUrl, isAppUrl } from './security';

export const RENDERER_URL = `${APP_ORIGIN}/index.html`;

/** The page's --bg in each theme (renderer/src/ui/theme.css), so the window never flashes the other one. */
const WINDOW_BACKGROUND = { light: '#f6f7f9', dark: '#14171d' } as const;

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 880,
    minHeight: 560,
    title: 'Token Desk',
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // DevTools can call window.desk like the page; an installed app offers them to no one.
      devTools: !app.isPackaged,
    },
  };
}

/**
 * Every permission is denied but one: writing plain text to the clipboard, which the page
 * uses to copy ids and endpoints (not secrets: token values are copied by main).
 */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_wc, permission, callback) => callback(ALLOWED_PERMISSIONS.has(permission)));
  session.setPermissionCheckHandler((_wc, permission) => ALLOWED_PERMISSIONS.has(permission));
}

export function lockDownNavigation(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath));
  lockDownSession(window.webContents.session);
  lockDownNavigation(window.webContents);
  wireHistoryNavigation(window);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(RENDERER_URL);
  return window;
}

/** A second launch focuses the first window instead of opening another app. */
export function focusWindow(window: BrowserWindow | undefined): void {
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

export interface CloseToTrayOptions {
  /** The "close to tray" setting, read at each close. */
  enabled(): boolean;
  /** Whether the first close has been explained already (kept in the settings store). */
  explained(): boolean;
  markExplained(): void;
}

let quitting = false;
/** Called on before-quit: a close during quit closes for real. */
export function markQuitting(): void {
  quitting = true;
}

/**
 * Close to tray: closing the window hides it and Token Desk keeps running in the tray (the first
 * time, a message says so). With the setting off, closing the window quits (macOS keeps its
 * usual app-stays-open behaviour).
 */
export function keepInTrayOnClose(window: BrowserWindow, options: CloseToTrayOptions): void {
  window.on('close', (event) => {
    if (quitting) return;
    if (!options.enabled()) {
      if (process.platform !== 'darwin') app.quit();
      return;
    }
    event.preventDefault();
    window.hide();
    if (!options.explained()) {
      options.markExplained();
      void dialog.showMessageBox({
        type: 'info',
        title: 'Token Desk',
        message: 'Token Desk keeps running in the tray',
        detail: 'Quick Access and quick copy stay available from the tray icon and the global shortcut. To quit, choose “Quit Token Desk” in the tray menu. You can change this in Settings.',
        buttons: ['OK'],
      });
    }
  });
}
