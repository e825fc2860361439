/** Quick Access (`quick.*`), the value access log (`accessLog.list`) and the desktop settings (`settings.*`). */
import type { Handler } from '../dispatch';
import { desktopServices } from '../desktop-services';
import { quickCopyOf, quickList } from '../quick/list';
import type { CoreServices } from '../services';

type QuickChannels = 'quick.list' | 'quick.copy' | 'accessLog.list' | 'settings.get' | 'settings.set';

export function quickHandlers(services: CoreServices): { [C in QuickChannels]: Handler<C> } {
  const view = (host: 'electron' | 'browser') => {
    const desk = desktopServices(services);
    return { settings: desk.settings.get(), shortcut: desk.settings.shortcutStatus(), secretClipboard: host === 'electron' };
  };
  return {
    'quick.list': () => quickList(services),
    // The page shows its own notice (browser) or main shows an OS notification (Electron window).
    'quick.copy': async ({ connectionId, id, source }) => {
      const { clearsAt, message } = await quickCopyOf(services, connectionId, id, source);
      return { clearsAt, message };
    },
    'accessLog.list': async (query) => ({ entries: desktopServices(services).accessLog.list(query) }),
    'settings.get': async (_input, ctx) => view(ctx.host),
    'settings.set': async (patch, ctx) => {
      desktopServices(services).settings.set(patch);
      return view(ctx.host);
    },
  };
}
