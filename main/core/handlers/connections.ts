/**
 * The connection channels (`connections.*`): add (verified before saved), list, switch, rename,
 * re-enter the token of, remove; restore the last one on launch; and the offer to restore
 * connections whose admin tokens are still in the keychain after the settings file was damaged.
 */
import { DeskError } from '../../../common/errors';
import type { ConnectionService } from '../connections';
import { restoreConnection, type RestoreServices } from '../connections/restore';
import { switchConnection } from '../connections/sandbox';
import type { Handler } from '../dispatch';
import { recoverableConnections, restoreFromKeychain, type KeychainRestoreServices } from '../keychain-restore';

type ConnectionChannels =
  | 'connections.list'
  | 'connections.restore'
  | 'connections.add'
  | 'connections.switch'
  | 'connections.rename'
  | 'connections.reenterToken'
  | 'connections.remove'
  | 'connections.recoverable'
  | 'connections.restoreFromKeychain';

export function connectionHandlers(services: RestoreServices & KeychainRestoreServices & { connections: ConnectionService }): { [C in ConnectionChannels]: Handler<C> } {
  const { connections } = services;
  return {
    'connections.list': async () => connections.state(),
    'connections.restore': async () => restoreConnection(services),
    'connections.add': async (input) => connections.add(input),
    'connections.switch': async ({ id }) => switchConnection(services, id),
    'connections.rename': async ({ id, name }) => connections.rename(id, name),
    'connections.reenterToken': async ({ id, token }) => {
      const profile = connections.get(id);
      if (profile?.sandbox) {
        throw new DeskError({ code: 'validation', message: 'The sandbox connection renews its own token: use "Try the sandbox" again.', fields: { token: ['The sandbox renews its own token.'] } });
      }
      return connections.reenterToken(id, token);
    },
    'connections.remove': async ({ id }) => {
      await connections.remove(id);
      return connections.state();
    },
    'connections.recoverable': async () => ({ connections: await recoverableConnections(services) }),
    'connections.restoreFromKeychain': async (input) => restoreFromKeychain(services, input),
  };
}
