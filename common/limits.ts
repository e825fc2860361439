/** Input limits shared by the forms (renderer) and the IPC boundary (main). */
export const TOKEN_NAME_MAX = 100;
/** A connection's display name, checked by the contract and by the connection form's rules alike. */
export const CONNECTION_NAME_MAX = 100;
export const TOKEN_DESCRIPTION_MAX = 1000;
export const ICON_MAX_BYTES = 1024 * 1024;
export const ICON_MIME_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
/** How long a revealed value stays on screen, and how long a copied one stays on the clipboard by default. */
export const REVEAL_TIMEOUT_MS = 30_000;
export const CLIPBOARD_CLEAR_MS = 30_000;
/** The clear delays Settings offers (Bitwarden's list); 0 is "never". */
export const CLIPBOARD_CLEAR_OPTIONS_MS = [0, 10_000, 20_000, 30_000, 60_000, 120_000, 300_000] as const;

/** "30 s", "2 min", "never": the one wording of a clear delay (Settings, notices). */
export function clearDelayLabel(ms: number): string {
  if (ms <= 0) return 'never';
  return ms < 60_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`;
}
