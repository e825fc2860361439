/** The Quick Access channels (`quick.*`): every stored value across connections, copy and open by connection + token. */
import type { TokenInConnection } from '../../../common/app-commands';
import { DeskError } from '../../../common/errors';
import { accessSourceOf } from '../access-log';
import type { Handler } from '../dispatch';
import { quickCopyOf, quickList, type QuickServices } from '../quick/list';

type QuickChannels = 'quick.list' | 'quick.copy' | 'quick.open';

export function quickHandlers(services: QuickServices & { openToken?: (ref: TokenInConnection) => void }): { [C in QuickChannels]: Handler<C> } {
  return {
    'quick.list': () => quickList(services),
    // The page shows its own notice (browser) or main shows an OS notification (Electron window).
    'quick.copy': async ({ connectionId, id }, ctx) => {
      const { clearsAt, message } = await quickCopyOf(services, connectionId, id, accessSourceOf('quick.copy', ctx));
      return { clearsAt, message };
    },
    'quick.open': async ({ connectionId, id }) => {
      if (!services.openToken) throw new DeskError({ code: 'validation', message: 'This host has no other window to open the token in: the page opens it itself.' });
      // The page switches to the connection when it opens the token; one removed meanwhile is said here.
      if (!services.connections.get(connectionId)) throw new DeskError({ code: 'not_found', message: 'That connection is no longer saved in Token Desk.' });
      services.openToken({ connectionId, tokenId: id });
      return { ok: true as const };
    },
  };
}
