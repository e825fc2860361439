/**
 * After the settings file was lost, the admin tokens of its connections may still be in the
 * keychain (`connection:<id>`). They can be re-adopted: each one is verified with "who am I"
 * again through the connection service's own add path (under its old id, so the token values
 * stored for it stay its own) before a profile is saved. The secret never leaves main: the page
 * sees only the admin token's id, which the profile shows anyway.
 *
 * The token goes only to the address it was saved with (kept beside it in the keychain): the
 * "who am I" check sends it, so an address typed in the restore form could otherwise hand a
 * stored admin token to any server. An entry with no saved address is not sent anywhere.
 */
import type { ConnectionProfile, RecoverableConnection } from '../../common/contract';
import { checkBaseUrl } from '../../common/base-url';
import { DeskError } from '../../common/errors';
import { tokenIdOfValue } from '../../common/token-value';
import type { ConnectionService } from './connections';
import type { Vault } from './vault';

/** What re-adopting a keychain connection needs: the keychain, and the connections' own add path. */
export interface KeychainRestoreServices {
  vault: Pick<Vault, 'listConnectionIds' | 'getConnectionSecret' | 'getConnectionAddress'>;
  connections: Pick<ConnectionService, 'list' | 'get' | 'add'>;
}

/** Admin tokens in the keychain with no profile, oldest first as the keychain lists them. */
export async function recoverableConnections(services: KeychainRestoreServices): Promise<RecoverableConnection[]> {
  const saved = new Set(services.connections.list().map((p) => p.id));
  const found: RecoverableConnection[] = [];
  for (const id of await services.vault.listConnectionIds()) {
    if (saved.has(id)) continue;
    const secret = await services.vault.getConnectionSecret(id);
    const adminTokenId = secret ? tokenIdOfValue(secret) : undefined;
    // An entry that is not a token value cannot be verified, so it is not offered.
    if (!adminTokenId) continue;
    const baseUrl = await services.vault.getConnectionAddress(id);
    found.push({ id, adminTokenId, ...(baseUrl ? { baseUrl } : {}) });
  }
  return found;
}

export async function restoreFromKeychain(
  services: KeychainRestoreServices,
  input: { id: string; name: string; baseUrl: string },
): Promise<ConnectionProfile> {
  if (services.connections.get(input.id)) {
    throw new DeskError({ code: 'conflict', message: 'This connection is already saved.' });
  }
  const known = await services.vault.listConnectionIds();
  const token = known.includes(input.id) ? await services.vault.getConnectionSecret(input.id) : null;
  if (!token) {
    throw new DeskError({
      code: 'not_found',
      message: 'The keychain no longer holds an admin token for this connection (if your keychain is locked, unlock it first). Add the connection again with a token.',
    });
  }
  const saved = await services.vault.getConnectionAddress(input.id);
  if (!saved) {
    throw new DeskError({
      code: 'validation',
      message: 'Token Desk does not know which address this admin token was saved for, so it does not send it anywhere. Add the connection again with its token.',
      fields: { baseUrl: ['The address this admin token was saved for is not known.'] },
    });
  }
  const asked = checkBaseUrl(input.baseUrl);
  if (!asked.ok || asked.value !== saved) {
    throw new DeskError({
      code: 'validation',
      message: `This admin token was saved for ${saved}. Token Desk sends it only there.`,
      fields: { baseUrl: [`This admin token was saved for ${saved}; Token Desk sends it only there.`] },
    });
  }
  return services.connections.add({ name: input.name, baseUrl: saved, token }, { keepId: input.id });
}
