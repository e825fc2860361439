/** The value access log channel (`accessLog.list`): every reveal and copy, filtered. */
import type { Handler } from '../dispatch';
import { desktopServices } from '../desktop-services';
import type { CoreServices } from '../services';

export function accessLogHandlers(services: CoreServices): { 'accessLog.list': Handler<'accessLog.list'> } {
  return {
    'accessLog.list': async (query) => ({ entries: desktopServices(services).accessLog.list(query) }),
  };
}
