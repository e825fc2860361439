/**
 * Electron entry: app lifecycle, single-instance lock and wiring of the core
 * services to IPC, window and tray. Everything that can run without Electron
 * lives in main/core and is shared with the browser host.
 */
import { app, BrowserWindow } from 'electron';
import path from 'node:path';
import { createDispatch } from './core/dispatch';
import { createHandlerTable } from './core/handlers';
import { createCoreServices } from './core/services';
import type { CoreServices } from './core/services';
import { startTrySandbox } from './core/try-sandbox';
import { createKeytarSecretStore, keychainServiceFor } from './core/vault';
import { createElectronClipboard } from './clipboard-electron';
import { createElectronStore } from './store-electron';
import { bindAppIpc, sendEvent } from './ipc';
import { bindRotationEvents } from './core/rotation/host-events';
import { showTrayNotice } from './tray';
import { pickFolders } from './folder-picker';
import { saveReportPdf } from './report-pdf';
import { registerAppSchemeAsPrivileged, serveRenderer } from './protocol';
import { closeToTrayOptions, openTokenIn, startDesktopIntegration } from './desktop-integration';
import type { TokenInConnection } from '../common/app-commands';
import { createMainWindow, focusWindow, keepInTrayOnClose, markQuitting } from './window';
import { dataFileOptions, recoveryLogLine } from './core/data-files';
import { reportStartupFailure } from './startup-failure';
import { exitOnDebugSwitch } from './debug-switches';
import { holdQuitForCleanup } from './quit';

const distDir = path.resolve(__dirname, '..');
let mainWindow: BrowserWindow | undefined;

export function startApp(): void {
  // Before the lock, the stores and the keychain: a debugger must find nothing to attach to.
  if (exitOnDebugSwitch()) return;
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => focusWindow(mainWindow));
  registerAppSchemeAsPrivileged();

  void app.whenReady().then(async () => {
    serveRenderer(path.join(distDir, 'renderer'));
    // Quick Access asks for a token's details in the main window, which exists only after the services.
    let openToken: (ref: TokenInConnection) => void = () => undefined;
    const services = await createServices((ref) => openToken(ref));
    // Clipboard first, then the flush; the quit waits for both (main/quit.ts). Before any window
    // exists, so each window is told of Windows' session end.
    holdQuitForCleanup({ clearClipboard: () => services.clipboard.dispose(), dispose: () => services.dispose(), markQuitting });
    // The active connection's cached list is read while the window starts (no keychain, no network).
    const active = services.connections.active();
    if (active) void services.cache.tokenLists.warm(active.id);
    const preloadPath = path.join(distDir, 'preload', 'index.cjs');
    const openMain = (): BrowserWindow => {
      if (!mainWindow || mainWindow.isDestroyed()) {
        mainWindow = createMainWindow(preloadPath);
        keepInTrayOnClose(mainWindow, closeToTrayOptions(services));
      } else focusWindow(mainWindow);
      return mainWindow;
    };
    const open = () => void openMain();
    openToken = (ref) => openTokenIn(openMain(), ref);
    // Tray, global shortcut, Quick Access window, app menu, login item; the tray is rebuilt after every call that changes it.
    const dispatch = startDesktopIntegration({ services, preloadPath, trayIconPath: path.join(distDir, 'resources', 'tray.png'), openMain }, createDispatch(createHandlerTable(services)));
    bindAppIpc(dispatch);
    // Rotation plans run here while the app is open or in the tray (and catch up at this start).
    bindRotationEvents(services, {
      broadcast: (event, payload) => BrowserWindow.getAllWindows().forEach((w) => sendEvent(w.webContents, event, payload)),
      desktopNotice: (notice) => showTrayNotice(notice),
    });
    void services.rotation.start();
    // The weekly digest, when the Settings turn it on (its notification: desktop-integration.ts).
    void services.digest.start();
    open();
    app.on('activate', open);
  }).catch((error: unknown) => reportStartupFailure(error, dataDir()));

  // The tray keeps the app alive on every platform; quitting is explicit.
  app.on('window-all-closed', () => undefined);
}

async function createServices(openToken: (ref: TokenInConnection) => void): Promise<CoreServices> {
  // A damaged file is moved aside and the app opens; the page shows the notice (startup-notices).
  const files = dataFileOptions(app.getPath('userData'), (file, recovery) => console.warn(recoveryLogLine(file, recovery)));
  return createCoreServices({
    settingsStore: await createElectronStore(files.settings),
    cacheStore: await createElectronStore(files.cache),
    openStore: (name, validate) => createElectronStore({ cwd: files.cache.cwd, configName: name, onCorrupt: 'move-aside', ...(validate ? { validate } : {}) }),
    // Like the browser host: tests run under a service name of their own (TOKEN_DESK_KEYCHAIN_SERVICE).
    secretStore: createKeytarSecretStore(keychainServiceFor('desktop')),
    clipboard: createElectronClipboard(),
    startSandbox: startTrySandbox,
    pickFolders,
    openToken,
    saveReportPdf,
  });
}

function dataDir(): string | undefined {
  try {
    return app.getPath('userData');
  } catch {
    return undefined;
  }
}

try {
  startApp();
} catch (error) {
  reportStartupFailure(error, dataDir());
}
