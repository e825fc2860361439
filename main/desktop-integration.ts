/**
 * Desktop integration of Quick Access (Electron glue): the global shortcut, the Quick Access
 * window, the tray menu rebuilt on every change that matters, the OS notification after a copy
 * from Quick Access or the tray, the weekly digest's notification (a click opens the Overview),
 * the application menu, start at login and (Windows) the AppUserModelID notifications need.
 * Settings changes re-apply all of it.
 */
import { app, Menu } from 'electron';
import type { BrowserWindow } from 'electron';
import { OPEN_TOKEN_COMMAND } from '../common/app-commands';
import type { AppCommand, TokenInConnection } from '../common/app-commands';
import type { Dispatch } from './core/dispatch';
import type { AccessLog } from './core/access-log';
import type { DesktopSettingsService } from './core/desktop-settings';
import type { KeyValueStore } from './core/store';
import { SETTINGS_KEYS } from './core/settings-keys';
import type { DigestEvents, DigestRunner } from './core/digest/runner';
import { copiedNotice } from '../common/messages';
import { copyFromTray, quickList, type QuickServices } from './core/quick/list';
import { notifyingChanges } from './core/quick/changes';
import { appMenuTemplate } from './app-menu';
import { sendEvent } from './ipc';
import { createQuickAccessOpener } from './quick-access-window';
import { createQuickShortcut } from './shortcut';
import { createTray, showTrayNotice } from './tray';

export const APP_USER_MODEL_ID = 'com.softwareone.tokendesk';

/** What closing to the tray needs: the setting, and whether the first close was explained. */
export interface CloseToTrayServices {
  desktopSettings: Pick<DesktopSettingsService, 'get'>;
  settings: KeyValueStore;
}

/** What the tray, the shortcut and the copy notices need: Quick Access, the settings, the access log's news. */
export type DesktopIntegrationServices = QuickServices & {
  desktopSettings: DesktopSettingsService;
  accessLog: Pick<AccessLog, 'onRecord'>;
  /** The digest: asked for from the tray, and heard when it fires (core/digest/). */
  digest: Pick<DigestRunner, 'showNow'>;
  digestEvents: DigestEvents;
};

export interface DesktopIntegrationDeps {
  services: DesktopIntegrationServices;
  preloadPath: string;
  trayIconPath: string;
  /** Opens (or focuses) the main window and returns it. */
  openMain(): BrowserWindow;
}

const CLOSE_EXPLAINED_KEY = SETTINGS_KEYS.closeToTrayExplained;

export function closeToTrayOptions(services: CloseToTrayServices) {
  return {
    enabled: () => services.desktopSettings.get().closeToTray,
    explained: () => services.settings.get<boolean>(CLOSE_EXPLAINED_KEY) === true,
    markExplained: () => services.settings.set(CLOSE_EXPLAINED_KEY, true),
  };
}

/**
 * Asks the main window's page to show a token's details: it switches connection if needed and
 * goes to `/tokens/TKN-…`. A window that is still loading hears it once loaded; the page keeps a
 * command that arrives before its views are ready (renderer `app-command-queue.ts`).
 */
export function openTokenIn(window: BrowserWindow, ref: TokenInConnection): void {
  sendOnceLoaded(window, () => sendEvent(window.webContents, 'app.command', { command: OPEN_TOKEN_COMMAND, ...ref }));
}

/** Asks the main window's page to show the Overview (a click on the digest), the same way. */
export function openOverviewIn(window: BrowserWindow): void {
  sendOnceLoaded(window, () => sendEvent(window.webContents, 'app.command', { command: 'overview' }));
}

function sendOnceLoaded(window: BrowserWindow, send: () => void): void {
  if (window.webContents.isLoading()) window.webContents.once('did-finish-load', send);
  else send();
}

/** Call before windows exist; returns the dispatch wrapper that rebuilds the tray after changes. */
export function startDesktopIntegration(deps: DesktopIntegrationDeps, dispatch: Dispatch): Dispatch {
  const { services } = deps;
  const { desktopSettings, accessLog } = services;
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

  const quick = createQuickAccessOpener(deps.preloadPath);
  const shortcut = createQuickShortcut(() => quick.open());
  const command = (name: AppCommand) => sendEvent(deps.openMain().webContents, 'app.command', { command: name });

  const tray = createTray(deps.trayIconPath, {
    open: () => void deps.openMain(),
    quickAccess: () => quick.open(),
    settings: () => command('settings'),
    leaks: () => command('leaks'),
    attention: () => void services.digest.showNow(),
    copy: (connectionId, tokenId) => void copyFromTray(services, connectionId, tokenId, showTrayNotice),
    openToken: (connectionId, tokenId) => openTokenIn(deps.openMain(), { connectionId, tokenId }),
    quit: () => app.quit(),
  });

  let registered = '';
  const refreshTray = () =>
    void quickList(services).then(
      (list) => tray.update({ shortcut: registered, list }),
      () => tray.update({ shortcut: registered, list: { groups: [], recent: [] } }),
    );

  const apply = () => {
    const settings = desktopSettings.get();
    const status = shortcut.apply(settings.quickShortcut);
    registered = status.registered ? settings.quickShortcut : '';
    desktopSettings.setShortcutStatus(status);
    Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(process.platform, { command, quickAccess: () => quick.open() }, registered)));
    // Only touch the login item when it differs, so a user's own choice in the OS is not rewritten at every start.
    if (app.getLoginItemSettings().openAtLogin !== settings.startAtLogin) app.setLoginItemSettings({ openAtLogin: settings.startAtLogin });
    refreshTray();
  };
  apply();
  desktopSettings.onChange(apply);

  // After a copy from Quick Access or the tray: the OS notification (if wanted), and the tray's "recent" list.
  accessLog.onRecord((entry) => {
    if (entry.action === 'copy' && (entry.source === 'quick' || entry.source === 'tray') && desktopSettings.get().copyNotifications) {
      showTrayNotice({ level: 'success', message: copiedNotice(entry.tokenName, services.clipboard.clearAfterMs()) });
    }
    refreshTray();
  });
  // The weekly digest (and the tray's "What needs attention"): a click opens the Overview.
  services.digestEvents.onDigest((digest) => showTrayNotice({ level: 'info', title: digest.title, message: digest.body, onClick: () => openOverviewIn(deps.openMain()) }));
  app.on('browser-window-focus', refreshTray);
  app.on('will-quit', () => shortcut.dispose());
  return notifyingChanges(dispatch, refreshTray);
}
