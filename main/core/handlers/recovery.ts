/**
 * Damaged files: the one notice about files moved aside, and the offer to restore connections
 * whose admin tokens are still in the keychain (core/keychain-restore.ts).
 */
import type { Handler } from '../dispatch';
import { recoverableConnections, restoreFromKeychain } from '../keychain-restore';
import type { CoreServices } from '../services';

type RecoveryChannels = 'app.startupNotices' | 'app.dismissStartupNotices' | 'connections.recoverable' | 'connections.restoreFromKeychain';

export function recoveryHandlers(services: CoreServices): { [C in RecoveryChannels]: Handler<C> } {
  return {
    'app.startupNotices': async () => ({ notices: services.startupNotices.list() }),
    'app.dismissStartupNotices': async () => {
      services.startupNotices.dismiss();
      return { ok: true as const };
    },
    'connections.recoverable': async () => ({ connections: await recoverableConnections(services) }),
    'connections.restoreFromKeychain': async (input) => restoreFromKeychain(services, input),
  };
}
