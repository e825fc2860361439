/**
 * The vault: where Token Desk keeps secrets (the admin token of each connection and the token
 * values captured at creation). Secrets live ONLY in the OS keychain, behind the SecretStore
 * port; nothing here ever writes a secret to a file or a log.
 *
 * Account naming (one keychain service per host: `token-desk` for the desktop app,
 * `token-desk-web` for the browser host):
 *   connection:<connectionId>           the admin's API token for that connection
 *   token:<connectionId>:<TKN-id>       a token value, captured from the create (201) response
 *   address:<connectionId>              the base URL that admin token was saved for: not a secret,
 *                                       but kept beside it so a restore after the settings file was
 *                                       lost sends the token only there
 * Connection ids are UUIDs (no `:`), so a prefix with the trailing `:` can never match another
 * connection's entries.
 *
 * One exception, for the in-app sandbox only: its connection's secrets always go to a store in
 * memory for this run (secret-store-memory.ts) and never to the keychain. Its simulator and token
 * are invented for this run and open nothing else, so keeping them would only leave entries in
 * the user's keychain (and *Try the sandbox* then works without a Secret Service). A real
 * connection always gets the keychain, or its refusal.
 */
import { DeskError } from '../../common/errors';
import { isTokenId, TOKEN_ID_MESSAGE } from '../../common/id-patterns';
import { createMemorySecretStore } from './secret-store-memory';

export { createKeytarSecretStore, keychainUnavailable, keychainFixHint, DEFAULT_KEYCHAIN_SERVICE, KEYCHAIN_SERVICES, keychainServiceFor } from './secret-store-keytar';
export type { KeytarLike, KeytarSecretStoreOptions } from './secret-store-keytar';

/** Port over a keychain. Every method may reject with DeskError `keychain_unavailable`. */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** true when an entry was deleted, false when there was none. */
  delete(account: string): Promise<boolean>;
  /** Account names only; never the secrets. */
  list(): Promise<string[]>;
}

export const connectionAccount = (connectionId: string): string => `connection:${checkConnectionId(connectionId)}`;
export const addressAccount = (connectionId: string): string => `address:${checkConnectionId(connectionId)}`;
export const tokenAccount = (connectionId: string, tokenId: string): string =>
  `${tokenPrefix(connectionId)}${checkTokenId(tokenId)}`;
const tokenPrefix = (connectionId: string): string => `token:${checkConnectionId(connectionId)}:`;

function checkConnectionId(id: string): string {
  // A `:` or an empty id would make account names ambiguous (and removeConnection could then
  // delete another connection's entries), so refuse it outright: it is a programming error.
  if (!id || id.includes(':')) {
    throw new DeskError({ code: 'internal', message: `Invalid connection id for the vault: "${id}"` });
  }
  return id;
}

function checkTokenId(id: string): string {
  if (!isTokenId(id)) {
    throw new DeskError({ code: 'validation', message: `Invalid token id "${id}" (expected TKN-1234-5678)`, fields: { tokenId: [TOKEN_ID_MESSAGE] } });
  }
  return id;
}

/** Every method is async and REJECTS (never throws synchronously), also on a bad id. */
const ACCOUNTS_FRESH_MS = 30_000;

export class Vault {
  /**
   * The keychain's account names, kept in memory: listing them reads every secret of the service
   * (keytar's findCredentials), slow enough at a few hundred values that Quick Access and the table
   * cannot wait for it at every open. Every write through this Vault drops the copy; a copy older
   * than ACCOUNTS_FRESH_MS is answered at once and refreshed behind (changes made outside
   * Token Desk show up on the next read); a failed refresh drops it, so the next read reports it.
   */
  private accounts?: { names: Promise<string[]>; at: number };

  /** Connections whose secrets live in `memory` for this run (only ever the in-app sandbox). */
  private readonly inMemory = new Set<string>();

  constructor(
    private readonly secrets: SecretStore,
    private readonly memory: SecretStore = createMemorySecretStore(),
  ) {}

  /** Where this connection's secrets are: the keychain, or memory for the in-app sandbox. */
  private storeFor(connectionId: string): SecretStore {
    return this.inMemory.has(connectionId) ? this.memory : this.secrets;
  }

  /**
   * A write to the connection's store. A keychain write drops the copy of its account names before
   * and after (a read racing the write must not keep a stale copy); memory has no such copy.
   */
  private write<T>(connectionId: string, op: (store: SecretStore) => Promise<T>): Promise<T> {
    if (this.inMemory.has(connectionId)) return op(this.memory);
    this.changed();
    return op(this.secrets).finally(() => this.changed());
  }

  /** true when this connection's secrets are kept in memory only (gone when Token Desk quits). */
  isInMemory(connectionId: string): boolean {
    return this.inMemory.has(connectionId);
  }

  private async accountNames(): Promise<string[]> {
    const now = Date.now();
    if (this.accounts && now - this.accounts.at > ACCOUNTS_FRESH_MS) {
      const stale = this.accounts.names;
      this.refreshAccounts(now);
      return stale;
    }
    if (!this.accounts) this.refreshAccounts(now);
    return this.accounts!.names;
  }

  private refreshAccounts(now: number): void {
    const entry = {
      at: now,
      names: this.secrets.list().catch((error: unknown) => {
        if (this.accounts === entry) this.accounts = undefined;
        throw error;
      }),
    };
    // An older copy keeps answering until the new list has arrived.
    if (!this.accounts) this.accounts = entry;
    else void entry.names.then(() => (this.accounts = entry), () => undefined);
  }

  /** Called by every write: the next read lists the keychain again. */
  private changed(): void {
    this.accounts = undefined;
  }

  /**
   * `sandbox`: this is the in-app sandbox's connection, whose secrets are kept in memory for this
   * run and never reach the keychain; any other connection's go to the keychain (or get its error).
   */
  async setConnectionSecret(connectionId: string, token: string, options: { sandbox?: boolean } = {}): Promise<void> {
    const account = connectionAccount(connectionId);
    if (options.sandbox) this.inMemory.add(connectionId);
    return this.write(connectionId, (store) => store.set(account, token));
  }

  /**
   * null when there is no entry. Note: on Linux a LOCKED keyring also reads as "no entry"
   * (libsecret returns nothing instead of failing), so callers should word a missing secret as
   * "re-enter the token, or unlock your keychain".
   */
  async getConnectionSecret(connectionId: string): Promise<string | null> {
    const account = connectionAccount(connectionId);
    return this.storeFor(connectionId).get(account);
  }

  async deleteConnectionSecret(connectionId: string): Promise<boolean> {
    const account = connectionAccount(connectionId);
    return this.write(connectionId, (store) => store.delete(account));
  }

  /** The address the connection's admin token belongs to (written with it, removed with it). */
  async setConnectionAddress(connectionId: string, baseUrl: string): Promise<void> {
    const account = addressAccount(connectionId);
    return this.write(connectionId, (store) => store.set(account, baseUrl));
  }

  async getConnectionAddress(connectionId: string): Promise<string | null> {
    const account = addressAccount(connectionId);
    return this.storeFor(connectionId).get(account);
  }

  async setTokenValue(connectionId: string, tokenId: string, value: string): Promise<void> {
    const account = tokenAccount(connectionId, tokenId);
    return this.write(connectionId, (store) => store.set(account, value));
  }

  async getTokenValue(connectionId: string, tokenId: string): Promise<string | null> {
    const account = tokenAccount(connectionId, tokenId);
    return this.storeFor(connectionId).get(account);
  }

  async deleteTokenValue(connectionId: string, tokenId: string): Promise<boolean> {
    const account = tokenAccount(connectionId, tokenId);
    return this.write(connectionId, (store) => store.delete(account));
  }

  async hasTokenValue(connectionId: string, tokenId: string): Promise<boolean> {
    return (await this.getTokenValue(connectionId, tokenId)) !== null;
  }

  /** TKN ids whose value this connection holds (so the UI can offer "copy" on those rows). */
  async listTokenIds(connectionId: string): Promise<string[]> {
    const prefix = tokenPrefix(connectionId);
    const names = this.inMemory.has(connectionId) ? await this.memory.list() : await this.accountNames();
    return names
      .filter((account) => account.startsWith(prefix))
      .map((account) => account.slice(prefix.length))
      .filter(isTokenId)
      .sort();
  }

  /** Connection ids that have an admin token in the keychain (with or without a profile). */
  async listConnectionIds(): Promise<string[]> {
    const prefix = 'connection:';
    return (await this.secrets.list())
      .filter((account) => account.startsWith(prefix))
      .map((account) => account.slice(prefix.length))
      .filter((id) => id.length > 0 && !id.includes(':'))
      .sort();
  }

  /**
   * Deletes every entry this connection owned (its admin token and every token value) and
   * nothing else. Returns the accounts deleted.
   */
  async removeConnection(connectionId: string): Promise<string[]> {
    const own = new Set([connectionAccount(connectionId), addressAccount(connectionId)]);
    const prefix = tokenPrefix(connectionId);
    const store = this.storeFor(connectionId);
    const accounts = (await store.list()).filter((a) => own.has(a) || a.startsWith(prefix));
    // Sequential on purpose: the Secret Service serialises writes anyway, and a failure midway
    // then leaves a clear state (the rest is retried by calling removeConnection again).
    const removed: string[] = [];
    for (const account of accounts) {
      if (await this.write(connectionId, (s) => s.delete(account))) removed.push(account);
    }
    this.inMemory.delete(connectionId);
    return removed;
  }
}
