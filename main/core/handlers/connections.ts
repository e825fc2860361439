/**
 * Connections: add (verified before saved), list, switch, rename, re-enter the
 * token of, remove; restore the last one on launch; and "Try the sandbox".
 */
import type { ConnectionProfile, ConnectionsState, RestoreResult } from '../../../common/contract';
import { DeskError } from '../../../common/errors';
import type { Handler } from '../dispatch';
import type { CoreServices } from '../services';

type ConnectionChannels =
  | 'connections.list'
  | 'connections.restore'
  | 'connections.add'
  | 'connections.switch'
  | 'connections.rename'
  | 'connections.reenterToken'
  | 'connections.remove'
  | 'sandbox.start';

export function connectionsState(services: CoreServices): ConnectionsState {
  return { connections: services.connections.list(), activeId: services.connections.active()?.id ?? null };
}

/** A sandbox profile gets this run's sandbox credential (the simulator is new each run). */
async function refreshSandboxCredential(services: CoreServices, profile: ConnectionProfile): Promise<void> {
  const sandbox = await services.sandbox();
  await services.vault.setConnectionSecret(profile.id, sandbox.adminToken);
}

async function restore(services: CoreServices): Promise<RestoreResult> {
  const profile = services.connections.restore();
  if (!profile) return { state: connectionsState(services), status: 'none' };
  try {
    if (profile.sandbox) await refreshSandboxCredential(services, profile);
    const client = await services.clientFor(profile);
    const who = await client.whoAmI();
    if (who.tokenStatus !== 'Active') {
      return { state: connectionsState(services), status: 'needs_token', message: `The saved API token of "${profile.name}" is ${who.tokenStatus.toLowerCase()}. Enter a new token to continue.` };
    }
    return { state: connectionsState(services), status: 'ok' };
  } catch (error) {
    if (DeskError.is(error) && (error.code === 'unauthorized' || error.code === 'forbidden')) {
      return {
        state: connectionsState(services),
        status: 'needs_token',
        message: `The Marketplace no longer accepts the saved API token of "${profile.name}". Enter a new token to continue; nothing else is lost.`,
      };
    }
    if (DeskError.is(error) && (error.code === 'offline' || error.code === 'timeout' || error.code === 'server' || error.code === 'rate_limited')) {
      return { state: connectionsState(services), status: 'offline', message: error.message };
    }
    throw error;
  }
}

async function startSandbox(services: CoreServices): Promise<ConnectionProfile> {
  const sandbox = await services.sandbox();
  const existing = services.connections.list().find((p) => p.sandbox);
  if (existing) {
    await refreshSandboxCredential(services, existing);
    return services.connections.switchTo(existing.id);
  }
  return services.connections.add({ name: `Sandbox — ${sandbox.accountName}`, baseUrl: sandbox.url, token: sandbox.adminToken, sandbox: true });
}

export function connectionHandlers(services: CoreServices): { [C in ConnectionChannels]: Handler<C> } {
  const { connections } = services;
  return {
    'connections.list': async () => connectionsState(services),
    'connections.restore': async () => restore(services),
    'connections.add': async (input) => connections.add(input),
    'connections.switch': async ({ id }) => connections.switchTo(id),
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
      return connectionsState(services);
    },
    'sandbox.start': async () => startSandbox(services),
  };
}
