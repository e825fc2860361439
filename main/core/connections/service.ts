/**
 * Connection profiles: "who am I connected as, and where". A profile is plain data in the
 * settings store (profiles.ts); the admin token itself lives only in the vault under
 * `connection:<id>`. No secret is ever written to the profile.
 *
 * Sign-in = check the form (input.ts), ask the API who this token is (verify.ts), then save:
 * secret FIRST, profile second. That order means a keychain failure saves nothing, and a
 * profile failure removes the secret again, so there is never a profile without a secret nor
 * an orphan secret.
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_BASE_URL } from '../../../common/base-url';
import type { ConnectionProfile, ConnectionsState } from '../../../common/contract';
import { DeskError } from '../../../common/errors';
import type { KeyValueStore } from '../store';
import type { Vault } from '../vault';
import { checkBaseUrl, checkName, checkToken, NAME_EMPTY_MESSAGE, validationError, type FieldErrors } from './input';
import { ProfileStore } from './profiles';
import { verifyAdminToken, type VerifyToken } from './verify';

export interface AddConnectionInput {
  name: string;
  baseUrl?: string;
  token: string;
  /** True for a connection to the local sandbox ("Try the sandbox"). */
  sandbox?: boolean;
}

export interface ConnectionServiceDeps {
  store: KeyValueStore;
  vault: Vault;
  /** The API client's who-am-I: GET /accounts/api-tokens/{TKN} with the token as Bearer. */
  verify: VerifyToken;
  /** Called after a connection was removed, to drop its offline cache. */
  onRemoved?: (connectionId: string) => void | Promise<void>;
  now?: () => Date;
  newId?: () => string;
}

export class ConnectionService {
  private readonly profiles: ProfileStore;
  private readonly vault: Vault;
  private readonly verify: VerifyToken;
  private readonly onRemoved: ConnectionServiceDeps['onRemoved'];
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(deps: ConnectionServiceDeps) {
    this.profiles = new ProfileStore(deps.store);
    this.vault = deps.vault;
    this.verify = deps.verify;
    this.onRemoved = deps.onRemoved;
    this.now = deps.now ?? (() => new Date());
    this.newId = deps.newId ?? randomUUID;
  }

  /**
   * Verifies the token with the API and saves a new connection; it becomes the active one.
   * `keepId` re-adopts a connection whose admin token is still in the keychain under that id
   * (the settings file was lost: core/keychain-restore.ts), so its token values stay its own;
   * that secret was there before, so a failure never deletes it.
   */
  async add(input: AddConnectionInput, options: { keepId?: string } = {}): Promise<ConnectionProfile> {
    const fields: FieldErrors = {};
    const name = checkName(input?.name);
    const baseUrl = checkBaseUrl(input?.baseUrl ?? DEFAULT_BASE_URL);
    const token = checkToken(input?.token);
    if (name.error) fields.name = [name.error];
    if (baseUrl.error) fields.baseUrl = [baseUrl.error];
    if (token.error) fields.token = [token.error];
    if (Object.keys(fields).length > 0 || !name.value || !baseUrl.value || !token.value) throw validationError(fields);

    const who = await verifyAdminToken(this.verify, baseUrl.value, token.value);
    const duplicate = this.profiles.all().find((p) => p.baseUrl === baseUrl.value && p.account.id === who.account.id && p.adminTokenId === who.tokenId);
    if (duplicate) {
      throw validationError({ token: [`This token is already used by the connection "${duplicate.name}".`] });
    }

    const at = this.now().toISOString();
    const profile: ConnectionProfile = {
      id: options.keepId ?? this.newId(),
      name: name.value,
      baseUrl: baseUrl.value,
      account: { id: who.account.id, name: who.account.name, type: who.account.type },
      adminTokenId: who.tokenId,
      ...(input?.sandbox ? { sandbox: true } : {}),
      createdAt: at,
      lastUsedAt: at,
    };

    // Secret first: if the keychain is unavailable this throws and nothing is saved.
    await this.vault.setConnectionSecret(profile.id, token.value, { sandbox: profile.sandbox });
    try {
      await this.vault.setConnectionAddress(profile.id, profile.baseUrl);
      this.profiles.add(profile);
    } catch (error) {
      // Undo the secret so no orphan credential stays in the keychain, and undo a half write.
      this.profiles.undoAdd(profile.id);
      if (!options.keepId) await this.vault.removeConnection(profile.id).catch(() => undefined);
      throw error;
    }
    return this.shown(profile);
  }

  list(): ConnectionProfile[] {
    return this.profiles.all();
  }

  get(id: string): ConnectionProfile | undefined {
    return this.profiles.get(id);
  }

  active(): ConnectionProfile | undefined {
    const id = this.profiles.activeId();
    return id !== undefined ? this.get(id) : undefined;
  }

  /** What the connection switcher shows. */
  state(): ConnectionsState {
    return { connections: this.list().map((p) => this.shown(p)), activeId: this.active()?.id ?? null };
  }

  /**
   * A profile as the renderer gets it: marked when its secrets are in memory for this run, so the
   * UI can say so. Only what leaves the service is marked: the saved profile never is.
   */
  private shown(profile: ConnectionProfile): ConnectionProfile {
    return this.vault.isInMemory(profile.id) ? { ...profile, secretsInMemory: true } : profile;
  }

  /** Makes `id` the active connection (remembered across restarts). */
  switchTo(id: string): ConnectionProfile {
    const profile = this.require(id);
    const updated = { ...profile, lastUsedAt: this.now().toISOString() };
    this.profiles.replace(updated);
    this.profiles.setActive(id);
    return this.shown(updated);
  }

  rename(id: string, name: string): ConnectionProfile {
    const profile = this.require(id);
    const checked = checkName(name);
    if (!checked.value) throw validationError({ name: [checked.error ?? NAME_EMPTY_MESSAGE] });
    const updated = { ...profile, name: checked.value };
    this.profiles.replace(updated);
    return this.shown(updated);
  }

  /**
   * Replaces the admin token of a connection (e.g. the old one was disabled or rotated).
   * The new token must belong to the same account: a connection never silently changes account.
   */
  async reenterToken(id: string, token: string): Promise<ConnectionProfile> {
    const profile = this.require(id);
    const checked = checkToken(token);
    if (!checked.value) throw validationError({ token: [checked.error ?? 'Paste the API token.'] });
    const who = await verifyAdminToken(this.verify, profile.baseUrl, checked.value);
    if (who.account.id !== profile.account.id) {
      throw validationError({
        token: [
          `This token belongs to ${who.account.name} (${who.account.id}), but the connection "${profile.name}" is for ${profile.account.name} (${profile.account.id}). Use a token of that account, or add a new connection.`,
        ],
      });
    }
    await this.vault.setConnectionSecret(id, checked.value);
    // Connections saved before addresses were kept get theirs with the next token.
    await this.vault.setConnectionAddress(id, profile.baseUrl);
    const updated: ConnectionProfile = {
      ...profile,
      adminTokenId: who.tokenId,
      // The account may have been renamed since; keep what the API says now.
      account: { id: who.account.id, name: who.account.name, type: who.account.type },
      lastUsedAt: this.now().toISOString(),
    };
    this.profiles.replace(updated);
    return updated;
  }

  /**
   * Removes the connection: its keychain entries first (so a keychain failure keeps the profile
   * and the user can retry, instead of leaving orphan credentials behind), then the profile,
   * then its cache (through `onRemoved`).
   */
  async remove(id: string): Promise<void> {
    this.require(id);
    await this.vault.removeConnection(id);
    this.profiles.remove(id);
    await this.onRemoved?.(id);
  }

  /** For the main process only (the API client): never send this to the renderer. */
  async credentials(id: string): Promise<{ baseUrl: string; token: string }> {
    const profile = this.require(id);
    const token = await this.vault.getConnectionSecret(id);
    if (!token) {
      throw new DeskError({
        code: 'unauthorized',
        message: `No saved API token for "${profile.name}". Re-enter the token for this connection (if your system keychain is locked, unlock it first).`,
      });
    }
    return { baseUrl: profile.baseUrl, token };
  }

  /** The connection that was active when the app last ran, if it still exists. */
  restore(): ConnectionProfile | undefined {
    const profile = this.active();
    if (!profile) this.profiles.dropStaleActive();
    return profile;
  }

  private require(id: string): ConnectionProfile {
    const profile = this.get(id);
    if (!profile) throw new DeskError({ code: 'not_found', message: 'This connection does not exist (it may have been removed).' });
    return profile;
  }
}
