/**
 * The handler table: channel -> async (input, ctx) => output. Electron binds it
 * to ipcMain (main/ipc.ts); the browser host binds it to a WebSocket
 * (main/web/). Nothing here imports electron.
 */
import { appHandlers } from './handlers/app';
import type { HandlerTable } from './dispatch';

export interface CoreServices {
  // Filled as capabilities land: connections, vault, api clients, cache, clipboard.
}

export function createHandlerTable(_services: CoreServices): HandlerTable {
  return {
    ...appHandlers(),
  };
}
