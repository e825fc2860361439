/** The Quick Access channels (`quick.*`): every stored value across connections, and copy by connection + token. */
import { accessSourceOf } from '../access-log';
import type { Handler } from '../dispatch';
import { quickCopyOf, quickList, type QuickServices } from '../quick/list';

type QuickChannels = 'quick.list' | 'quick.copy';

export function quickHandlers(services: QuickServices): { [C in QuickChannels]: Handler<C> } {
  return {
    'quick.list': () => quickList(services),
    // The page shows its own notice (browser) or main shows an OS notification (Electron window).
    'quick.copy': async ({ connectionId, id }, ctx) => {
      const { clearsAt, message } = await quickCopyOf(services, connectionId, id, accessSourceOf('quick.copy', ctx));
      return { clearsAt, message };
    },
  };
}
