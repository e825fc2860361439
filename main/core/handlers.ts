/**
 * The handler table: channel -> async (input, ctx) => output. Electron binds it
 * to ipcMain (main/ipc.ts); the browser host binds it to a WebSocket
 * (main/web/). Nothing here imports electron. One file per capability.
 */
import { appHandlers } from './handlers/app';
import { auditHandlers } from './handlers/audit';
import { connectionHandlers } from './handlers/connections';
import { createHandlers } from './handlers/create';
import { prefsHandlers } from './handlers/prefs';
import { quickHandlers } from './handlers/quick';
import { recoveryHandlers } from './handlers/recovery';
import { tokenHandlers } from './handlers/tokens';
import type { HandlerTable } from './dispatch';
import type { CoreServices } from './services';

export type { CoreServices } from './services';

export function createHandlerTable(services: CoreServices): HandlerTable {
  return {
    ...appHandlers(),
    ...connectionHandlers(services),
    ...tokenHandlers(services),
    ...createHandlers(services),
    ...prefsHandlers(services),
    ...quickHandlers(services),
    ...auditHandlers(services),
    ...recoveryHandlers(services),
  };
}
