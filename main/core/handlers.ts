/**
 * The handler table: channel -> async (input, ctx) => output. Electron binds it
 * to ipcMain (main/ipc.ts); the browser host binds it to a WebSocket
 * (main/web/). Nothing here imports electron. One file per channel namespace
 * (`tokens.create` and its follow-ups in create.ts).
 */
import { accessLogHandlers } from './handlers/access-log';
import { appHandlers } from './handlers/app';
import { auditHandlers } from './handlers/audit';
import { connectionHandlers } from './handlers/connections';
import { createHandlers } from './handlers/create';
import { leakHandlers } from './handlers/leaks';
import { overviewHandlers } from './handlers/overview';
import { prefsHandlers } from './handlers/prefs';
import { quickHandlers } from './handlers/quick';
import { reportHandlers } from './handlers/report';
import { rotationHandlers } from './handlers/rotation';
import { sandboxHandlers } from './handlers/sandbox';
import { settingsHandlers } from './handlers/settings';
import { tokenHandlers } from './handlers/tokens';
import { valueHandlers } from './handlers/values';
import { guardConnectionCalls } from './connection-guard';
import type { HandlerTable } from './dispatch';
import type { CoreServices } from './services';

export type { CoreServices } from './services';

export function createHandlerTable(services: CoreServices): HandlerTable {
  // Token, value and audit calls name their connection; one named other than the active one is refused.
  return guardConnectionCalls(services.connections, {
    ...appHandlers(services),
    ...prefsHandlers(services),
    ...connectionHandlers(services),
    ...sandboxHandlers(services),
    ...tokenHandlers(services),
    ...createHandlers(services),
    ...valueHandlers(services),
    ...auditHandlers(services),
    ...quickHandlers(services),
    ...accessLogHandlers(services),
    ...settingsHandlers(services),
    ...rotationHandlers(services),
    ...leakHandlers(services),
    ...overviewHandlers(services),
    ...reportHandlers(services),
  });
}
