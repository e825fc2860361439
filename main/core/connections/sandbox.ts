/**
 * "Try the sandbox": a connection to the in-process simulator. The simulator is new each run,
 * so its profile is re-used and given this run's admin token instead of being added again.
 */
import type { ConnectionProfile } from '../../../common/contract';
import type { SandboxHandle } from '../services';
import type { Vault } from '../vault';
import type { ConnectionService } from './service';

/** What renewing the sandbox's admin token needs: this run's sandbox and the vault (which keeps it in memory). */
export interface SandboxCredentialServices {
  sandbox(): Promise<SandboxHandle>;
  vault: Pick<Vault, 'setConnectionSecret'>;
}

/** What "Try the sandbox" needs besides: the saved connections. */
export type SandboxServices = SandboxCredentialServices & { connections: Pick<ConnectionService, 'list' | 'switchTo' | 'add'> };

/** A sandbox profile gets this run's sandbox credential. */
export async function refreshSandboxCredential(services: SandboxCredentialServices, profile: ConnectionProfile): Promise<void> {
  const sandbox = await services.sandbox();
  await services.vault.setConnectionSecret(profile.id, sandbox.adminToken, { sandbox: true });
}

/**
 * Makes a saved connection the active one. The sandbox's profile outlives the run but its secret
 * does not (it lives in memory), so switching to it first gives it this run's credential.
 */
export async function switchConnection(
  services: SandboxCredentialServices & { connections: Pick<ConnectionService, 'get' | 'switchTo'> },
  id: string,
): Promise<ConnectionProfile> {
  const profile = services.connections.get(id);
  if (profile?.sandbox) await refreshSandboxCredential(services, profile);
  return services.connections.switchTo(id);
}

/** Starts the sandbox (once per run) and makes its connection the active one. */
export async function startSandboxConnection(services: SandboxServices): Promise<ConnectionProfile> {
  const sandbox = await services.sandbox();
  const existing = services.connections.list().find((p) => p.sandbox);
  if (existing) {
    await refreshSandboxCredential(services, existing);
    return services.connections.switchTo(existing.id);
  }
  return services.connections.add({ name: `Sandbox — ${sandbox.accountName}`, baseUrl: sandbox.url, token: sandbox.adminToken, sandbox: true });
}
