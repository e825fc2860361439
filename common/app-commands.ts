/**
 * What the application menu and the tray can ask the page to do (the `app.command` event). One
 * list, so the menu, the tray, the contract and the page cannot disagree about a command's name.
 */
export const APP_COMMANDS = ['search', 'addToken', 'settings', 'accessLog', 'leaks', 'overview'] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];

/**
 * The one command that carries data: open a token's details (tray, Quick Access). It names the
 * connection too, because the tray and Quick Access list every connection's tokens and the page
 * shows one connection at a time.
 */
export const OPEN_TOKEN_COMMAND = 'openToken';
export interface TokenInConnection {
  connectionId: string;
  tokenId: string;
}
