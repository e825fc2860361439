/**
 * Connection profiles: "who am I connected as, and where". A profile is plain data in the
 * connections store (its own file, separate from the cache); the admin token itself lives only
 * in the vault under `connection:<id>`. No secret is ever written to the profile.
 *
 * Sign-in = validate the form, ask the API who this token is (`verify`, the API client's
 * who-am-I), refuse a token that is not Active, then save: secret FIRST, profile second.
 * That order means a keychain failure saves nothing, and a profile failure removes the secret
 * again, so there is never a profile without a secret nor an orphan secret.
 */
import { randomUUID } from 'node:crypto';
import { DeskError } from '../../common/errors';
import type { WhoAmI } from '../../common/domain';
import { isLoopbackHost } from './api/http';
import type { KeyValueStore } from './store';
import type { Vault } from './vault';

export type { WhoAmI } from '../../common/domain';

export const DEFAULT_BASE_URL = 'https://api.platform.softwareone.com';

// The profile's shape is part of the IPC contract (the renderer shows it).
import { connectionProfileSchema } from '../../common/contract';
import type { ConnectionProfile } from '../../common/contract';
export { connectionProfileSchema };
export type { ConnectionProfile };

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
  verify: (baseUrl: string, tokenValue: string) => Promise<WhoAmI>;
  /** Called after a connection was removed, to drop its offline cache. */
  onRemoved?: (connectionId: string) => void | Promise<void>;
  now?: () => Date;
  newId?: () => string;
}

const PROFILES_KEY = 'connections';
const ACTIVE_KEY = 'activeConnectionId';
const NAME_MAX = 100;
const TOKEN_VALUE = /^idt:TKN-\d{4}-\d{4}:[A-Za-z0-9]+$/;

type FieldErrors = Record<string, string[]>;

const REJECTED_FALLBACK =
  'The Marketplace API did not accept this token. Check that you pasted the whole value, that the token is not disabled or deleted, and that the API address is right.';

function validationError(fields: FieldErrors): DeskError {
  const messages = Object.values(fields).flat();
  return new DeskError({ code: 'validation', message: messages.join(' '), fields });
}

// ---- input checks (pure; exported for unit tests) -------------------------------------------

export function checkName(raw: unknown): { value?: string; error?: string } {
  const value = typeof raw === 'string' ? raw.trim() : '';
  if (!value) return { error: 'Enter a name for this connection.' };
  if (value.length > NAME_MAX) return { error: `Use at most ${NAME_MAX} characters for the name.` };
  return { value };
}

/** https anywhere; plain http only to this machine (the sandbox, a local proxy). */
export function checkBaseUrl(raw: unknown): { value?: string; error?: string } {
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (!text) return { error: 'Enter the API address, e.g. https://api.platform.softwareone.com.' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { error: 'Enter a full address starting with https://, e.g. https://api.platform.softwareone.com.' };
  }
  if (url.username || url.password) return { error: 'The address must not contain a user name or password.' };
  if (url.search || url.hash) return { error: 'The address must not contain a query (?…) or fragment (#…).' };
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return { error: 'Use https:// — plain http is only allowed to this computer (localhost), because the token would travel unencrypted.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { error: 'The address must start with https://.' };
  // Store without a trailing slash so `${baseUrl}/public/v1/...` is always right.
  return { value: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

export function checkToken(raw: unknown): { value?: string; error?: string } {
  let value = typeof raw === 'string' ? raw.trim() : '';
  if (!value) return { error: 'Paste the API token (it starts with idt:TKN-).' };
  if (/^bearer\s+/i.test(value)) {
    // A common paste from an HTTP header; the prefix is not part of the token.
    value = value.replace(/^bearer\s+/i, '');
  }
  if (TOKEN_VALUE.test(value)) return { value };
  if (/^[A-Za-z0-9]+$/.test(value)) {
    return {
      error:
        'This looks like an older token without the "idt:TKN-XXXX-XXXX:" prefix. Token Desk needs the full token value, e.g. idt:TKN-1234-5678:abc…; create a new API token in the Marketplace portal (Settings > API tokens) and paste its value.',
    };
  }
  if (/^TKN-\d{4}-\d{4}$/.test(value)) {
    return { error: 'That is the token id, not its value. Paste the full value, which looks like idt:TKN-1234-5678:abc…' };
  }
  return { error: 'That is not an API token value. It looks like idt:TKN-1234-5678:abc… (letters and digits after the last colon).' };
}

const tokenIdOf = (value: string): string => value.split(':')[1] ?? '';

// ---- the service ----------------------------------------------------------------------------

export class ConnectionService {
  private readonly store: KeyValueStore;
  private readonly vault: Vault;
  private readonly verify: ConnectionServiceDeps['verify'];
  private readonly onRemoved: ConnectionServiceDeps['onRemoved'];
  private readonly now: () => Date;
  private readonly newId: () => string;

  constructor(deps: ConnectionServiceDeps) {
    this.store = deps.store;
    this.vault = deps.vault;
    this.verify = deps.verify;
    this.onRemoved = deps.onRemoved;
    this.now = deps.now ?? (() => new Date());
    this.newId = deps.newId ?? randomUUID;
  }

  /** Verifies the token with the API and saves a new connection; it becomes the active one. */
  async add(input: AddConnectionInput): Promise<ConnectionProfile> {
    const fields: FieldErrors = {};
    const name = checkName(input?.name);
    const baseUrl = checkBaseUrl(input?.baseUrl ?? DEFAULT_BASE_URL);
    const token = checkToken(input?.token);
    if (name.error) fields.name = [name.error];
    if (baseUrl.error) fields.baseUrl = [baseUrl.error];
    if (token.error) fields.token = [token.error];
    if (Object.keys(fields).length > 0 || !name.value || !baseUrl.value || !token.value) throw validationError(fields);

    const who = await this.verifyToken(baseUrl.value, token.value);
    const duplicate = this.readProfiles().find(
      (p) => p.baseUrl === baseUrl.value && p.account.id === who.account.id && p.adminTokenId === who.tokenId,
    );
    if (duplicate) {
      throw validationError({ token: [`This token is already used by the connection "${duplicate.name}".`] });
    }

    const at = this.now().toISOString();
    const profile: ConnectionProfile = {
      id: this.newId(),
      name: name.value,
      baseUrl: baseUrl.value,
      account: { id: who.account.id, name: who.account.name, type: who.account.type },
      adminTokenId: who.tokenId,
      ...(input?.sandbox ? { sandbox: true } : {}),
      createdAt: at,
      lastUsedAt: at,
    };

    // Secret first: if the keychain is unavailable this throws and nothing is saved.
    await this.vault.setConnectionSecret(profile.id, token.value);
    try {
      this.writeProfiles([...this.readProfiles(), profile]);
      this.store.set(ACTIVE_KEY, profile.id);
    } catch (error) {
      // Undo the secret so no orphan credential stays in the keychain, and undo a half write.
      this.undoProfileWrite(profile.id);
      await this.vault.deleteConnectionSecret(profile.id).catch(() => undefined);
      throw error;
    }
    return profile;
  }

  list(): ConnectionProfile[] {
    return this.readProfiles();
  }

  get(id: string): ConnectionProfile | undefined {
    return this.readProfiles().find((p) => p.id === id);
  }

  active(): ConnectionProfile | undefined {
    const id = this.store.get<string>(ACTIVE_KEY);
    return typeof id === 'string' ? this.get(id) : undefined;
  }

  /** Makes `id` the active connection (remembered across restarts). */
  switchTo(id: string): ConnectionProfile {
    const profile = this.require(id);
    const updated = { ...profile, lastUsedAt: this.now().toISOString() };
    this.replace(updated);
    this.store.set(ACTIVE_KEY, id);
    return updated;
  }

  rename(id: string, name: string): ConnectionProfile {
    const profile = this.require(id);
    const checked = checkName(name);
    if (!checked.value) throw validationError({ name: [checked.error ?? 'Enter a name for this connection.'] });
    const updated = { ...profile, name: checked.value };
    this.replace(updated);
    return updated;
  }

  /**
   * Replaces the admin token of a connection (e.g. the old one was disabled or rotated).
   * The new token must belong to the same account: a connection never silently changes account.
   */
  async reenterToken(id: string, token: string): Promise<ConnectionProfile> {
    const profile = this.require(id);
    const checked = checkToken(token);
    if (!checked.value) throw validationError({ token: [checked.error ?? 'Paste the API token.'] });
    const who = await this.verifyToken(profile.baseUrl, checked.value);
    if (who.account.id !== profile.account.id) {
      throw validationError({
        token: [
          `This token belongs to ${who.account.name} (${who.account.id}), but the connection "${profile.name}" is for ${profile.account.name} (${profile.account.id}). Use a token of that account, or add a new connection.`,
        ],
      });
    }
    await this.vault.setConnectionSecret(id, checked.value);
    const updated: ConnectionProfile = {
      ...profile,
      adminTokenId: who.tokenId,
      // The account may have been renamed since; keep what the API says now.
      account: { id: who.account.id, name: who.account.name, type: who.account.type },
      lastUsedAt: this.now().toISOString(),
    };
    this.replace(updated);
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
    this.writeProfiles(this.readProfiles().filter((p) => p.id !== id));
    if (this.store.get<string>(ACTIVE_KEY) === id) this.store.delete(ACTIVE_KEY);
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
    if (!profile && this.store.get<string>(ACTIVE_KEY) !== undefined) this.store.delete(ACTIVE_KEY);
    return profile;
  }

  // ---- internals ----

  private async verifyToken(baseUrl: string, token: string): Promise<WhoAmI> {
    let who: WhoAmI;
    try {
      who = await this.verify(baseUrl, token);
    } catch (error) {
      // A rejected or unknown token is bad form input: show it on the token field.
      // Other failures (offline, timeout, server) pass through with their own code.
      // The API client's messages are written for people (e.g. "This API token … is disabled"),
      // so keep them; fall back to a generic sentence when there is none.
      if (DeskError.is(error) && (error.code === 'unauthorized' || error.code === 'not_found')) {
        const message = error.message.trim().length > 20 ? error.message : REJECTED_FALLBACK;
        throw validationError({ token: [message] });
      }
      throw error;
    }
    if (who.tokenId !== tokenIdOf(token)) {
      throw validationError({ token: [`The API says this token is ${who.tokenId}, but the value names ${tokenIdOf(token)}. Paste the value again.`] });
    }
    if (who.tokenStatus !== 'Active') {
      throw validationError({
        token: [`This token is ${who.tokenStatus.toLowerCase()}, so it cannot be used. Enable it in the Marketplace portal or use another token.`],
      });
    }
    return who;
  }

  private require(id: string): ConnectionProfile {
    const profile = this.get(id);
    if (!profile) throw new DeskError({ code: 'not_found', message: 'This connection does not exist (it may have been removed).' });
    return profile;
  }

  private replace(profile: ConnectionProfile): void {
    this.writeProfiles(this.readProfiles().map((p) => (p.id === profile.id ? profile : p)));
  }

  private readProfiles(): ConnectionProfile[] {
    const raw = this.store.get<unknown>(PROFILES_KEY);
    if (!Array.isArray(raw)) return [];
    // Skip (do not crash on) an entry someone edited by hand into an invalid shape.
    return raw.flatMap((entry) => {
      const parsed = connectionProfileSchema.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    });
  }

  private writeProfiles(profiles: ConnectionProfile[]): void {
    this.store.set(PROFILES_KEY, profiles);
  }

  /** Best effort: removes a half-saved profile. Never rewrites the list from a failed read. */
  private undoProfileWrite(id: string): void {
    try {
      const profiles = this.readProfiles();
      if (profiles.some((p) => p.id === id)) this.writeProfiles(profiles.filter((p) => p.id !== id));
      if (this.store.get<string>(ACTIVE_KEY) === id) this.store.delete(ACTIVE_KEY);
    } catch {
      // The store is failing already; the original error is what the caller needs.
    }
  }
}
