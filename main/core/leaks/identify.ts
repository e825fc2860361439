/**
 * Whose is a found value? The connections' token lists say which account holds a token and
 * what it is (name, state, last access, modules); the keychain says whether the value found is
 * the one Token Desk keeps. That comparison runs on equal-length SHA-256 digests with
 * `timingSafeEqual`, so how long it takes says nothing about how much of a secret matched.
 */
import { timingSafeEqual } from 'node:crypto';
import type { ConnectionProfile } from '../../../common/contract';
import type { LeakFinding } from '../../../common/leaks';
import { rowOf } from '../../../common/token-table-read';
import { checkTokenValue } from '../../../common/token-value';
import type { OfflineCache } from '../cache';
import type { ConnectionService } from '../connections';
import type { Vault } from '../vault';
import { secretDigest } from './matcher';

/** The module that lets a token create and change tokens (sandbox catalogue and the real platform). */
export const ACCESS_MANAGEMENT_MODULE = 'MOD-1756';

export interface IdentifyServices {
  connections: Pick<ConnectionService, 'list' | 'active'>;
  cache: Pick<OfflineCache, 'tokenTable'>;
  vault: Pick<Vault, 'listTokenIds' | 'getTokenValue'>;
}

export interface StoredRef {
  connectionId: string;
  tokenId: string;
  digest: Buffer;
}

/** Every value Token Desk keeps, by the digest of its secret: read once per check. */
export interface StoredSecrets {
  byDigest: Map<string, StoredRef>;
  byToken: Map<string, StoredRef>;
  lengths: Set<number>;
}

const tokenKey = (connectionId: string, tokenId: string) => `${connectionId}\u0000${tokenId}`;

export async function readStoredSecrets(services: IdentifyServices): Promise<StoredSecrets> {
  const out: StoredSecrets = { byDigest: new Map(), byToken: new Map(), lengths: new Set() };
  for (const profile of services.connections.list()) {
    // A keychain that cannot be read leaves this connection's values out; the ids still identify tokens.
    const ids = await services.vault.listTokenIds(profile.id).catch(() => [] as string[]);
    for (const tokenId of ids) {
      const value = await services.vault.getTokenValue(profile.id, tokenId).catch(() => null);
      const parsed = value ? checkTokenValue(value) : undefined;
      if (!parsed?.ok) continue;
      const hex = secretDigest(parsed.secret);
      const ref = { connectionId: profile.id, tokenId, digest: Buffer.from(hex, 'hex') };
      out.byDigest.set(hex, ref);
      out.byToken.set(tokenKey(profile.id, tokenId), ref);
      out.lengths.add(parsed.secret.length);
    }
  }
  return out;
}

/** Whether `digestHex` (a found secret's) is the value kept for this token, in constant time. */
export function isKeptValue(stored: StoredSecrets, connectionId: string, tokenId: string, digestHex: string): boolean {
  const ref = stored.byToken.get(tokenKey(connectionId, tokenId));
  if (!ref) return false;
  const found = Buffer.from(digestHex, 'hex');
  return found.length === ref.digest.length && timingSafeEqual(found, ref.digest);
}

export type Holder = LeakFinding['holders'][number];

export interface Identity {
  token: LeakFinding['token'];
  holders: Holder[];
}

/** Which connected accounts list `tokenId`, and the token as the first of them (the active one first) knows it. */
export function identify(services: IdentifyServices, stored: StoredSecrets, tokenId: string, digestHex: string): Identity {
  const activeId = services.connections.active()?.id;
  const profiles = [...services.connections.list()].sort((a, b) => Number(b.id === activeId) - Number(a.id === activeId));
  const holders: Holder[] = [];
  let token: LeakFinding['token'] = null;
  for (const profile of profiles) {
    const row = findRow(services, profile, tokenId);
    if (!row) continue;
    holders.push({
      connectionId: profile.id,
      connectionName: profile.name,
      accountId: row.account.id,
      accountName: row.account.name ?? profile.account.name,
      active: profile.id === activeId,
      kept: isKeptValue(stored, profile.id, tokenId, digestHex),
    });
    token ??= {
      name: row.name,
      status: row.status,
      lastAccessAt: row.lastAccessAt ?? null,
      modules: row.modules.map((m) => ({ id: m.id, name: m.name ?? m.id, accessManagement: m.id === ACCESS_MANAGEMENT_MODULE || m.name === 'Access Management' })),
    };
  }
  return { token, holders };
}

function findRow(services: IdentifyServices, profile: ConnectionProfile, tokenId: string) {
  const state = services.cache.tokenTable(profile.id);
  if (!state) return undefined;
  const row = state.table.id.indexOf(tokenId);
  return row === -1 ? undefined : rowOf(state.table, row);
}
