/**
 * Tray icon with quick actions. The menu template is built by a pure function
 * so it can be tested without Electron; quick-copy entries are added by the
 * token capability (one entry per token whose value is in the keychain).
 * A quick copy has no window to answer in, so its outcome is an OS notification.
 */
import { Menu, Notification, Tray, nativeImage } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';

export interface QuickCopyEntry {
  tokenId: string;
  label: string;
}

export interface TrayActions {
  open(): void;
  copy(tokenId: string): void;
  quit(): void;
}

export function trayMenuTemplate(entries: QuickCopyEntry[], actions: TrayActions): MenuItemConstructorOptions[] {
  const copyItems: MenuItemConstructorOptions[] =
    entries.length === 0
      ? [{ label: 'No stored token values yet', enabled: false }]
      : entries.slice(0, 15).map((entry) => ({ label: `Copy ${entry.label}`, click: () => actions.copy(entry.tokenId) }));
  return [
    { label: 'Open Token Desk', click: () => actions.open() },
    { type: 'separator' },
    { label: 'Quick copy', enabled: false },
    ...copyItems,
    { type: 'separator' },
    { label: 'Quit Token Desk', click: () => actions.quit() },
  ];
}

export interface TrayNotice {
  level: 'info' | 'success' | 'warning' | 'error';
  message: string;
}

/** An OS notification; where the desktop has none, the notice is logged instead (it never holds a value). */
export function showTrayNotice(notice: TrayNotice): void {
  if (Notification.isSupported()) {
    new Notification({ title: notice.level === 'error' ? 'Token Desk: could not copy' : 'Token Desk', body: notice.message, silent: notice.level !== 'error' }).show();
  } else {
    console.info(`[token-desk] ${notice.level}: ${notice.message}`);
  }
}

export function createTray(iconPath: string, actions: TrayActions): { tray: Tray; update(entries: QuickCopyEntry[]): void } {
  const tray = new Tray(nativeImage.createFromPath(iconPath));
  tray.setToolTip('Token Desk');
  const update = (entries: QuickCopyEntry[]) => tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(entries, actions)));
  update([]);
  tray.on('click', () => actions.open());
  return { tray, update };
}
