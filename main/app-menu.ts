/**
 * The application menu: the platform's standard roles (app menu on macOS, Edit, View, Window)
 * plus Token Desk's own commands with their shortcuts — Find token (CmdOrCtrl+F), Add token
 * (CmdOrCtrl+N), Quick Access, Access log, Settings (CmdOrCtrl+,). Built by a pure function.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../common/app-commands';

export interface AppMenuActions {
  command(command: AppCommand): void;
  quickAccess(): void;
}

export function appMenuTemplate(platform: NodeJS.Platform, actions: AppMenuActions, quickShortcut: string): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const settings: MenuItemConstructorOptions = { label: mac ? 'Settings…' : 'Settings', accelerator: 'CommandOrControl+,', click: () => actions.command('settings') };
  return [
    ...(mac ? [{ role: 'appMenu' as const, submenu: [{ role: 'about' as const }, { type: 'separator' as const }, settings, { type: 'separator' as const }, { role: 'hide' as const }, { role: 'hideOthers' as const }, { role: 'unhide' as const }, { type: 'separator' as const }, { role: 'quit' as const }] }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Add token…', accelerator: 'CommandOrControl+N', click: () => actions.command('addToken') },
        { label: 'Quick Access…', accelerator: quickShortcut || undefined, registerAccelerator: false, click: () => actions.quickAccess() },
        { type: 'separator' },
        ...(mac ? [] : [settings, { type: 'separator' as const }]),
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { label: 'Find token', accelerator: 'CommandOrControl+F', click: () => actions.command('search') },
        { label: 'Access log', click: () => actions.command('accessLog') },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
}
