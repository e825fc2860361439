/** The value access log channel (`accessLog.list`): every reveal and copy, filtered. */
import type { Handler } from '../dispatch';
import type { AccessLog } from '../access-log';

export function accessLogHandlers(services: { accessLog: Pick<AccessLog, 'list'> }): { 'accessLog.list': Handler<'accessLog.list'> } {
  return {
    'accessLog.list': async (query) => ({ entries: services.accessLog.list(query) }),
  };
}
