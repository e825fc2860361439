/**
 * Add API token (`tokens.create`, `tokens.findRecent`): create with one-time value capture, and
 * "look before retrying" after a lost answer. A rotation's create takes the same capture
 * (`captureCreated`, with the old token's id for the link) from core/rotation/rotate.ts.
 *
 * The API returns a token's value ONCE, in the create response. It goes into the keychain
 * before the handler returns; if that write fails the result says so (stored: false) and
 * still carries the value so the wizard can keep it on screen until the user has copied it,
 * and main keeps it in memory (tokens/unsaved-values.ts) so `values.copy` works for it too.
 * The create call is never retried: a lost answer must never turn into two tokens.
 */
import type { ApiToken, CreateTokenInput } from '../../../common/domain';
import { DeskError } from '../../../common/errors';
import { isLostAnswer, LOST_ANSWER_MESSAGE } from '../../../common/lost-answer';
import { rql } from '../api';
import type { Handler } from '../dispatch';
import type { OfflineCache } from '../cache';
import type { RotationLinks } from '../links';
import type { Sessions } from '../session';
import type { UnsavedValues } from '../tokens/unsaved-values';
import type { Vault } from '../vault';
import { withFormFields } from '../tokens-create/fields';
import { decodeIcon } from '../tokens-create/icon';
import { upsertCachedToken } from '../tokens/snapshot';
import { loadViewContext, toView, type ViewServices } from '../tokens/views';

type CreateChannels = 'tokens.create' | 'tokens.findRecent';

/** What creating needs: the session, the keychain (or memory when it refuses), the links, the cached list. */
export type CreateServices = ViewServices &
  Sessions & {
    vault: Pick<Vault, 'setTokenValue'>;
    unsavedValues: Pick<UnsavedValues, 'put'>;
    links: Pick<RotationLinks, 'add'>;
    cache: OfflineCache;
  };

export function createHandlers(services: CreateServices): { [C in CreateChannels]: Handler<C> } {
  return {
    async 'tokens.create'(input) {
      // Check the logo before anything reaches the network.
      const icon = input.icon ? decodeIcon(input.icon) : undefined;
      const { profile, client } = await services.session();
      const request: CreateTokenInput = {
        name: input.name.trim(),
        description: input.description.trim() === '' ? undefined : input.description.trim(),
        moduleIds: [...new Set(input.moduleIds)],
        accountId: profile.account.id,
        ...(icon ? { icon } : {}),
      };

      let created;
      try {
        created = await client.tokens.create(request); // never retried (see api/tokens.ts)
      } catch (error) {
        if (!DeskError.is(error)) throw error;
        if (isLostAnswer(error)) {
          const code = error.code === 'offline' ? 'offline' : 'timeout';
          throw new DeskError({ code, message: LOST_ANSWER_MESSAGE, ...(error.traceId ? { traceId: error.traceId } : {}) });
        }
        throw withFormFields(error);
      }

      return captureCreated(services, profile.id, created);
    },

    async 'tokens.findRecent'(input) {
      const { profile, client } = await services.session();
      const name = input.name.trim();
      if (!name) return { tokens: [] };
      const since = Date.now() - input.withinMinutes * 60_000;
      const page = await client.tokens.list({ filter: rql.eq('name', name), select: ['audit'], order: ['-audit.created.at'], limit: 50 });
      const recent = page.items.filter((t) => {
        const at = t.audit?.created?.at;
        const ms = at ? Date.parse(at) : NaN;
        // A small allowance for clock skew between this computer and the API.
        return Number.isFinite(ms) && ms >= since - 60_000;
      });
      const context = await loadViewContext(services, profile.id);
      return { tokens: recent.map((t) => toView(t, context)) };
    },
  };
}

/**
 * After a create answered: the value into the keychain (or memory when the keychain refuses),
 * the rotation link, the cached list. The one path every create takes (the wizard's and a
 * rotation's, core/rotation/rotate.ts).
 */
export async function captureCreated(services: CreateServices, connectionId: string, created: ApiToken, rotatesId?: string) {
  const value = created.token ?? '';
  let stored = false;
  let keychainError: string | undefined;
  if (!value) {
    keychainError = 'The Marketplace did not return the new token’s value, so it could not be stored.';
  } else {
    try {
      await services.vault.setTokenValue(connectionId, created.id, value);
      stored = true;
    } catch (error) {
      keychainError = error instanceof Error && error.message ? error.message : 'The keychain refused to store the value.';
      services.unsavedValues.put(connectionId, created.id, value);
    }
  }

  if (rotatesId) services.links.add(connectionId, rotatesId, created.id);
  addToCachedList(services, connectionId, created);

  // The rotation link was just recorded, so the links index already names what it replaces.
  const token = toView(created, { valueIds: new Set(stored ? [created.id] : []), ...services.links.index(connectionId) });
  return keychainError !== undefined ? { token, value, stored, keychainError } : { token, value, stored };
}

/**
 * The new token joins the cached list as one more row, through the same single-row path as
 * every other change (tokens/snapshot.ts): the list keeps its fetch time and its delta mark.
 * Never with its value (the table has no column for it; it is dropped here all the same).
 */
function addToCachedList(services: CreateServices, connectionId: string, token: ApiToken): void {
  try {
    const { token: _value, ...withoutValue } = token;
    upsertCachedToken(services.cache, connectionId, withoutValue);
  } catch (error) {
    // The cache is disposable; a failed write must not hide the captured value.
    console.warn('[token-desk] could not add the new token to the cached list:', error instanceof Error ? error.message : String(error));
  }
}
