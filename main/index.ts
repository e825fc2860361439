/**
 * Electron entry: app lifecycle, single-instance lock and wiring of the core
 * services to IPC, window and tray. Everything that can run without Electron
 * lives in main/core and is shared with the browser host.
 */
import { app, BrowserWindow, ipcMain } from 'electron';
import path from 'node:path';
import { createDispatch } from './core/dispatch';
import { createHandlerTable } from './core/handlers';
import { bindIpc } from './ipc';
import { registerAppSchemeAsPrivileged, serveRenderer } from './protocol';
import { createTray } from './tray';
import { createMainWindow, focusWindow } from './window';

const distDir = path.resolve(__dirname, '..');
let mainWindow: BrowserWindow | undefined;

export function startApp(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => focusWindow(mainWindow));
  registerAppSchemeAsPrivileged();

  void app.whenReady().then(() => {
    serveRenderer(path.join(distDir, 'renderer'));
    const dispatch = createDispatch(createHandlerTable({}));
    bindIpc(ipcMain, dispatch);
    const open = () => {
      if (!mainWindow || mainWindow.isDestroyed()) mainWindow = createMainWindow(path.join(distDir, 'preload', 'index.cjs'));
      else focusWindow(mainWindow);
    };
    open();
    createTray(path.join(distDir, 'resources', 'tray.png'), { open, copy: () => undefined, quit: () => app.quit() });
    app.on('activate', open);
  });

  // The tray keeps the app alive on every platform; quitting is explicit.
  app.on('window-all-closed', () => undefined);
}

startApp();
