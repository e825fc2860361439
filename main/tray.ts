/**
 * Tray icon with quick actions. The menu is built by a pure function (`trayMenuModel`) from what
 * the tray should show — the Quick Access shortcut, the five most recently copied tokens, one
 * submenu per connection with its stored values — so it is tested without Electron. The glue
 * rebuilds it on every change that matters (main/index.ts). A copy from the tray has no window to
 * answer in, so its outcome is an OS notification.
 */
import { Menu, Notification, Tray, nativeImage } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import type { QuickList } from '../common/quick-access';

export interface TrayState {
  /** The registered Quick Access shortcut, shown beside its item ('' or unregistered: none). */
  shortcut: string;
  list: QuickList;
}

export interface TrayActions {
  open(): void;
  quickAccess(): void;
  settings(): void;
  /** Opens the leak check ("Check for leaked tokens"). */
  leaks(): void;
  /** The digest now, as a notification that opens the Overview ("What needs attention"). */
  attention(): void;
  copy(connectionId: string, tokenId: string): void;
  /** Shows the token's details in the main window (switching connection there if needed). */
  openToken(connectionId: string, tokenId: string): void;
  quit(): void;
}

const RECENT_MAX = 5;

export function trayMenuModel(state: TrayState, actions: TrayActions): MenuItemConstructorOptions[] {
  const { groups, recent } = state.list;
  const names = new Map(groups.flatMap((g) => g.tokens.map((t) => [`${g.connectionId}\n${t.id}`, { token: t, group: g }] as const)));
  // Only recent copies whose value is still stored (a deleted token or removed connection drops out).
  const recentItems: MenuItemConstructorOptions[] = recent
    .filter((r) => names.has(`${r.connectionId}\n${r.tokenId}`))
    .slice(0, RECENT_MAX)
    .map((r) => {
      const { token, group } = names.get(`${r.connectionId}\n${r.tokenId}`)!;
      return { label: `Copy ${token.name} (${group.connectionName})`, click: () => actions.copy(r.connectionId, r.tokenId) };
    });
  const connectionMenus: MenuItemConstructorOptions[] =
    groups.length === 0
      ? [{ label: 'No stored token values yet', enabled: false }]
      : groups.map((g) => ({
          label: `${g.connectionName} · ${g.accountType} · ${g.environment}`,
          submenu: [
            ...g.tokens.map((t) => ({
              label: `Copy ${t.name}${t.status === 'Disabled' ? ' (Disabled)' : ''}`,
              click: () => actions.copy(g.connectionId, t.id),
            })),
            // Copy stays one click away; the details are one level further, as the rarer errand.
            { type: 'separator' as const },
            { label: 'Open details', submenu: g.tokens.map((t) => ({ label: t.name, click: () => actions.openToken(g.connectionId, t.id) })) },
          ],
        }));
  return [
    { label: 'Open Token Desk', click: () => actions.open() },
    // registerAccelerator: false — the global shortcut is registered by shortcut.ts; the menu only shows it.
    { label: 'Quick Access…', accelerator: state.shortcut || undefined, registerAccelerator: false, click: () => actions.quickAccess() },
    { type: 'separator' },
    ...(recentItems.length > 0 ? [{ label: 'Recently copied', enabled: false }, ...recentItems, { type: 'separator' as const }] : []),
    ...connectionMenus,
    { type: 'separator' },
    { label: 'What needs attention', click: () => actions.attention() },
    { label: 'Check for leaked tokens…', click: () => actions.leaks() },
    { label: 'Settings…', click: () => actions.settings() },
    { label: 'Quit Token Desk', click: () => actions.quit() },
  ];
}

export interface TrayNotice {
  level: 'info' | 'success' | 'warning' | 'error';
  message: string;
  /** Default: the app's name (a copy's error says it could not copy). */
  title?: string;
  /** What a click on the notification does (the digest opens the Overview). */
  onClick?: () => void;
}

/**
 * Notifications waiting for a click: one nobody holds may be collected before the user clicks
 * it, and its click would then do nothing.
 */
const awaitingClick = new Set<Notification>();

/** An OS notification; where the desktop has none, the notice is logged instead (it never holds a value). */
export function showTrayNotice(notice: TrayNotice): void {
  if (Notification.isSupported()) {
    const shown = new Notification({ title: notice.title ?? (notice.level === 'error' ? 'Token Desk: could not copy' : 'Token Desk'), body: notice.message, silent: notice.level !== 'error' });
    const { onClick } = notice;
    if (onClick) {
      awaitingClick.add(shown);
      shown.on('click', () => {
        awaitingClick.delete(shown);
        onClick();
      });
      shown.on('close', () => awaitingClick.delete(shown));
    }
    shown.show();
  } else {
    console.info(`[token-desk] ${notice.level}: ${notice.message}`);
  }
}

const EMPTY: TrayState = { shortcut: '', list: { groups: [], recent: [] } };

export function createTray(iconPath: string, actions: TrayActions): { tray: Tray; update(state: TrayState): void } {
  const tray = new Tray(nativeImage.createFromPath(iconPath));
  tray.setToolTip('Token Desk');
  const update = (state: TrayState) => tray.setContextMenu(Menu.buildFromTemplate(trayMenuModel(state, actions)));
  update(EMPTY);
  tray.on('click', () => actions.open());
  return { tray, update };
}
