/**
 * Single-token actions: get, enable, disable, edit, delete. Each keeps the cached snapshot in
 * step (so a restart shows the new state) and turns the API's refusals into sentences that say
 * what happened and what to do.
 */
import type { IconUpload, TokenView } from '../../../common/contract';
import type { ApiToken, UpdateTokenInput } from '../../../common/domain';
import { DeskError } from '../../../common/errors';
import { isOwnToken, ownTokenRefusal } from '../../../common/own-token';
import type { OfflineCache } from '../cache';
import type { ActiveSession, Sessions } from '../session';
import type { Vault } from '../vault';
import { decodeIcon } from '../tokens-create/icon';
import { removeCachedTokens, upsertCachedToken } from './snapshot';
import type { UnsavedValues } from './unsaved-values';
import { viewOf, type ViewServices } from './views';

export const CONFLICT_MESSAGE = 'Someone changed this token since you opened it. Review the latest version and apply your edit again.';

export type Toggle = 'enable' | 'disable';

/** What a token's lifecycle needs: the session, the cache it keeps true, and the stored values it drops on delete. */
export type LifecycleServices = ViewServices &
  Sessions & {
    cache: OfflineCache;
    vault: Pick<Vault, 'deleteTokenValue'>;
    unsavedValues: Pick<UnsavedValues, 'forget'>;
  };

/**
 * Disabling or deleting the token the connection signs in with would lock Token Desk out of
 * the account in the middle of the action (every later call answers 401), so refuse it here.
 */
export function refuseSelfLockout(session: ActiveSession, tokenId: string, action: 'disable' | 'delete'): void {
  if (!isOwnToken(tokenId, session.profile)) return;
  throw new DeskError({ code: 'validation', message: ownTokenRefusal(tokenId, session.profile.name, action) });
}

/** The API's "no" for one token, reworded; a vanished token also leaves the cache. */
function explain(services: LifecycleServices, connectionId: string, tokenId: string, verb: string, error: unknown): unknown {
  if (!DeskError.is(error)) return error;
  if (error.code === 'not_found') {
    removeCachedTokens(services.cache, connectionId, [tokenId]);
    return new DeskError({ ...error.toData(), message: `${tokenId} no longer exists in the Marketplace (someone may have deleted it). Refresh the list.` });
  }
  if (error.code === 'validation' && verb) {
    return new DeskError({ ...error.toData(), message: `The Marketplace refused to ${verb} ${tokenId}: ${error.message}` });
  }
  return error;
}

async function settle(services: LifecycleServices, connectionId: string, token: ApiToken): Promise<TokenView> {
  upsertCachedToken(services.cache, connectionId, token);
  return viewOf(services, connectionId, token);
}

export async function getToken(services: LifecycleServices, id: string, session?: ActiveSession): Promise<TokenView> {
  const { profile, client } = session ?? (await services.session());
  let token: ApiToken;
  try {
    token = await client.tokens.get(id);
  } catch (error) {
    throw explain(services, profile.id, id, '', error);
  }
  return settle(services, profile.id, token);
}

/**
 * Enable or disable. The API client has "desired state" semantics (a token already in the
 * target state is returned as is), so a double click or a lost answer is not an error.
 */
export async function toggleToken(services: LifecycleServices, id: string, action: Toggle, session?: ActiveSession): Promise<TokenView> {
  const s = session ?? (await services.session());
  if (action === 'disable') refuseSelfLockout(s, id, 'disable');
  let token: ApiToken;
  try {
    token = action === 'enable' ? await s.client.tokens.enable(id) : await s.client.tokens.disable(id);
  } catch (error) {
    throw explain(services, s.profile.id, id, action, error);
  }
  return settle(services, s.profile.id, token);
}

export interface EditInput {
  id: string;
  name: string;
  description: string;
  moduleIds: string[];
  revision?: number | undefined;
  /** undefined: keep the logo; null: remove it; an upload: replace it. */
  icon?: IconUpload | null | undefined;
}

/** PUT with the revision the edit started from; a stale revision (409) is explained. */
export async function updateToken(services: LifecycleServices, input: EditInput): Promise<TokenView> {
  const { profile, client } = await services.session();
  const edit: UpdateTokenInput = {
    name: input.name,
    // An emptied description is "no description" (null), as the API models it.
    description: input.description.trim() === '' ? null : input.description,
    moduleIds: input.moduleIds,
    ...(input.revision !== undefined ? { revision: input.revision } : {}),
    // undefined keeps the logo, null removes it, an upload replaces it (checked before any request).
    ...(input.icon !== undefined ? { icon: input.icon === null ? null : decodeIcon(input.icon) } : {}),
  };
  let token: ApiToken;
  try {
    token = await client.tokens.update(input.id, edit);
  } catch (error) {
    if (DeskError.is(error) && error.code === 'conflict') {
      // The API's own text names revisions; ours says what to do. Nothing secret either way.
      throw new DeskError({ code: 'conflict', message: CONFLICT_MESSAGE, ...(error.status ? { status: error.status } : {}), ...(error.traceId ? { traceId: error.traceId } : {}) });
    }
    throw explain(services, profile.id, input.id, 'save', error);
  }
  return settle(services, profile.id, token);
}

export interface DeleteOutcome {
  id: string;
  valueRemoved: boolean;
  /** Set when the Marketplace no longer had it (someone deleted it first): nothing was changed there. */
  alreadyGone?: true;
  /** Set when the token is gone but its stored value could not be removed. */
  keychainError?: string;
}

/**
 * DELETE, then its keychain value and its cache entry. A 404 to the DELETE is not trusted on its
 * own: a gateway, a proxy or a connection pointed at another account answers 404 too, and the
 * keychain value may be the only copy of the token's secret. A GET confirms: 404 again means
 * someone deleted it first (the user's intent is fulfilled, the cleanup runs); the token still
 * there, or no answer, keeps the value and the cache entry and says so.
 */
export async function deleteToken(services: LifecycleServices, id: string, session?: ActiveSession): Promise<DeleteOutcome> {
  const s = session ?? (await services.session());
  refuseSelfLockout(s, id, 'delete');
  let alreadyGone = false;
  try {
    await s.client.tokens.delete(id);
  } catch (error) {
    if (!(DeskError.is(error) && error.code === 'not_found')) throw explain(services, s.profile.id, id, 'delete', error);
    await confirmGone(s, id);
    alreadyGone = true;
  }
  removeCachedTokens(services.cache, s.profile.id, [id]);
  services.unsavedValues.forget(s.profile.id, id);
  const gone = alreadyGone ? { alreadyGone: true as const } : {};
  try {
    return { id, valueRemoved: await services.vault.deleteTokenValue(s.profile.id, id), ...gone };
  } catch (error) {
    // The token is deleted in the Marketplace; a dead value left in the keychain is harmless
    // but the user should know, so the caller raises a warning.
    return { id, valueRemoved: false, ...gone, keychainError: DeskError.is(error) ? error.message : 'The keychain could not be updated.' };
  }
}

export const doubtfulDeleteMessage = (id: string, why: string) =>
  `The Marketplace answered "not found" to the delete of ${id}, ${why} Token Desk kept its stored value and its row. Refresh the list and try again.`;

/** Resolves when a GET also says the token does not exist; otherwise throws, changing nothing. */
async function confirmGone(s: ActiveSession, id: string): Promise<void> {
  try {
    await s.client.tokens.get(id);
  } catch (error) {
    if (DeskError.is(error) && error.code === 'not_found') return;
    const reason = DeskError.is(error) ? error.message : 'the check failed.';
    throw new DeskError({ code: DeskError.is(error) ? error.code : 'server', message: doubtfulDeleteMessage(id, `and the check that it is gone got no clear answer (${reason.replace(/\.$/, '')}).`) });
  }
  throw new DeskError({ code: 'conflict', message: doubtfulDeleteMessage(id, 'but it still exists there.') });
}
