/**
 * On launch: the connection that was active last time, checked with the API. A rejected token
 * asks for a new one (nothing else is lost); an unreachable API means "offline", so the cached
 * data is shown instead of an error.
 */
import type { ConnectionProfile, RestoreResult } from '../../../common/contract';
import { DeskError } from '../../../common/errors';
import { isUnreachable } from '../../../common/messages';
import type { MarketplaceClient } from '../api';
import { refreshSandboxCredential, type SandboxCredentialServices } from './sandbox';
import type { ConnectionService } from './service';

/** What restoring needs: the saved connections, a client for one, and the sandbox for its own. */
export type RestoreServices = SandboxCredentialServices & {
  connections: Pick<ConnectionService, 'state' | 'restore'>;
  clientFor(profile: ConnectionProfile): Promise<MarketplaceClient>;
};

/** At launch a busy or failing server is treated like an unreachable one: the saved data is worth more than an error. */
function cannotCheckNow(error: unknown): error is DeskError {
  return isUnreachable(error) || (DeskError.is(error) && (error.code === 'server' || error.code === 'rate_limited'));
}

export async function restoreConnection(services: RestoreServices): Promise<RestoreResult> {
  const state = () => services.connections.state();
  const profile = services.connections.restore();
  if (!profile) return { state: state(), status: 'none' };
  try {
    if (profile.sandbox) await refreshSandboxCredential(services, profile);
    const client = await services.clientFor(profile);
    const who = await client.whoAmI();
    if (who.tokenStatus !== 'Active') {
      return { state: state(), status: 'needs_token', message: `The saved API token of "${profile.name}" is ${who.tokenStatus.toLowerCase()}. Enter a new token to continue.` };
    }
    return { state: state(), status: 'ok' };
  } catch (error) {
    if (DeskError.is(error) && (error.code === 'unauthorized' || error.code === 'forbidden')) {
      return {
        state: state(),
        status: 'needs_token',
        message: `The Marketplace no longer accepts the saved API token of "${profile.name}". Enter a new token to continue; nothing else is lost.`,
      };
    }
    if (cannotCheckNow(error)) return { state: state(), status: 'offline', message: error.message };
    throw error;
  }
}
