/**
 * What the application menu and the tray can ask the page to do (the `app.command` event). One
 * list, so the menu, the tray, the contract and the page cannot disagree about a command's name.
 */
export const APP_COMMANDS = ['search', 'addToken', 'settings', 'accessLog', 'leaks'] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];
