/**
 * Every key Token Desk writes in the settings file (core/data-files.ts), in one table: the code
 * that reads and writes a key and the check that decides whether the file is usable must name
 * the same key, and a new key must not reuse one already taken.
 */
export const SETTINGS_KEYS = {
  /** The connection profiles (plain data, never a secret). */
  profiles: 'connections',
  activeConnection: 'activeConnectionId',
  /** The token table's filters and sort. */
  uiPrefs: 'ui.prefs',
  desktopSettings: 'desktop.settings',
  /** Whether the user was told once that closing the window keeps Token Desk in the tray. */
  closeToTrayExplained: 'desktop.closeToTrayExplained',
  accessLog: 'access.log',
} as const;

/** Rotation links (which token replaced which) are kept per connection. */
export const rotationLinksKey = (connectionId: string) => `links.${connectionId}`;
