/** Input limits shared by the forms (renderer) and the IPC boundary (main). */
export const TOKEN_NAME_MAX = 100;
export const TOKEN_DESCRIPTION_MAX = 1000;
export const ICON_MAX_BYTES = 1024 * 1024;
export const ICON_MIME_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
/** How long a revealed value stays on screen, and how long a copied one stays on the clipboard. */
export const REVEAL_TIMEOUT_MS = 30_000;
export const CLIPBOARD_CLEAR_MS = 30_000;
